package harmony.adapters.speech.asr;

import static org.assertj.core.api.Assertions.assertThat;

import harmony.adapters.speech.Tools;
import harmony.adapters.speech.decode.AudioDecoder;
import harmony.adapters.speech.models.ModelFile;
import harmony.adapters.speech.models.ModelLocator;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MoonshineRecognizerTest {
    static MoonshineRecognizer recognizer;
    static ModelLocator models;

    @BeforeAll
    static void load() throws Exception {
        models = Tools.models();
        recognizer = new MoonshineRecognizer(models.require(ModelFile.MOONSHINE_ENCODER).getParent(),
                Vocabulary.fromLlamaTokenizerJs(models.require(ModelFile.VOCABULARY)), 2);
    }

    @AfterAll
    static void close() throws Exception {
        if (recognizer != null) {
            recognizer.close();
        }
    }

    @Test
    void transcribesJfkWordPerfect() throws Exception {
        float[] audio = decode(models.require(ModelFile.JFK_SAMPLE));
        String text = recognizer.transcribe(audio);
        assertThat(text).isEqualTo(
                "And so, my fellow Americans, ask not what your country can do for you, ask what you can do for your country.");
    }

    @Test
    void beamSearchTranscribesJfkWordPerfect() throws Exception {
        try (MoonshineRecognizer beam = new MoonshineRecognizer(models.require(ModelFile.MOONSHINE_ENCODER).getParent(),
                recognizer.vocabulary(), 2, 4)) {
            assertThat(beam.transcribe(decode(models.require(ModelFile.JFK_SAMPLE)))).isEqualTo(
                    "And so, my fellow Americans, ask not what your country can do for you, ask what you can do for your country.");
            assertThat(beam.transcribe(new float[16_000])).isEmpty();
        }
    }

    @Test
    void vocabularyDecodesSentencePieces() throws Exception {
        Vocabulary vocabulary = recognizer.vocabulary();
        assertThat(vocabulary.size()).isEqualTo(32_000);
        assertThat(vocabulary.piece(1)).isEqualTo("<s>");
        assertThat(vocabulary.piece(40_000)).isNull();
    }

    static float[] decode(Path file) throws Exception {
        float[][] all = {new float[0]};
        int[] n = {0};
        new AudioDecoder().decode(file, "audio/wav", 1, (channels, length) -> {
            if (n[0] + length > all[0].length) {
                all[0] = Arrays.copyOf(all[0], Math.max(2 * all[0].length, n[0] + length));
            }
            System.arraycopy(channels[0], 0, all[0], n[0], length);
            n[0] += length;
        });
        return Arrays.copyOf(all[0], n[0]);
    }
}
