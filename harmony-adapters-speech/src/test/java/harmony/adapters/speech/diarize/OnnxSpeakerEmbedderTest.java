package harmony.adapters.speech.diarize;

import static org.assertj.core.api.Assertions.assertThat;

import harmony.adapters.speech.SpeechSettings;
import harmony.adapters.speech.SpeechTranscriber;
import harmony.adapters.speech.TestMedia;
import harmony.adapters.speech.Tools;
import harmony.adapters.speech.Wav;
import harmony.core.port.out.Transcriber.Transcription;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The speaker-embedding plug-in, driven by a tiny hand-written ONNX model. */
class OnnxSpeakerEmbedderTest {
    @TempDir
    Path dir;

    @Test
    void feedsMeanNormalisedFbankAndReturnsTheModelsOutput() throws Exception {
        float[] speech = new float[16_000];
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < speech.length; i++) {
            speech[i] = (float) (0.3 * Math.sin(i * 2 * Math.PI * 220 / 16_000) + 0.05 * random.nextGaussian());
        }
        try (OnnxSpeakerEmbedder embedder = new OnnxSpeakerEmbedder(TinyOnnxModel.write(dir.resolve("tiny.onnx")))) {
            float[] embedding = embedder.embed(speech);

            float[][] feats = new Fbank(80).compute(speech);
            float[] expected = new float[80];
            for (int b = 0; b < 80; b++) {
                float mean = 0;
                for (float[] f : feats) {
                    mean += f[b] / feats.length;
                }
                expected[b] = -Float.MAX_VALUE;
                for (float[] f : feats) {
                    expected[b] = Math.max(expected[b], f[b] - mean);
                }
            }
            assertThat(embedding).hasSize(80).containsExactly(expected, org.assertj.core.data.Offset.offset(1e-3f));
        }
    }

    @Test
    void aConfiguredEmbeddingModelDrivesDiarization() throws Exception {
        Tools.models();
        Path model = TinyOnnxModel.write(dir.resolve("tiny.onnx"));
        float[] a = Wav.read(Tools.speak(dir, "a", "Let us review the budget for the next quarter today.", Tools.VOICE_A));
        float[] b = Wav.read(Tools.speak(dir, "b", "I think we should move the launch to the second week of March.", Tools.VOICE_B));
        Path wav = Wav.write(dir.resolve("two.wav"), Wav.concat(Wav.silence(0.5), a, Wav.silence(0.8), b, Wav.silence(0.5)));
        try (SpeechTranscriber transcriber = new SpeechTranscriber(SpeechSettings.defaults().withSpeakerEmbeddingModel(model))) {
            Transcription result = transcriber.transcribe(new TestMedia(wav, "audio/vnd.wave"), p -> { });
            assertThat(result.transcript().turns()).isNotEmpty();
            assertThat(result.transcript().fullText()).containsIgnoringCase("next quarter").containsIgnoringCase("second week");
        }
    }
}
