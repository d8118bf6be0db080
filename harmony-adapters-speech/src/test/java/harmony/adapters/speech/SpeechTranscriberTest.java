package harmony.adapters.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import harmony.adapters.speech.models.ModelFile;
import harmony.core.domain.Turn;
import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.error.UserMessages;
import harmony.core.port.out.Transcriber.Transcription;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real models on real and synthesised speech. */
class SpeechTranscriberTest {
    static SpeechTranscriber transcriber;
    static Path jfk;

    @TempDir
    static Path dir;

    @BeforeAll
    static void load() throws Exception {
        jfk = Tools.models().require(ModelFile.JFK_SAMPLE);
        transcriber = SpeechTranscriber.withDefaults();
    }

    @AfterAll
    static void close() throws Exception {
        if (transcriber != null) {
            transcriber.close();
        }
    }

    @Test
    void transcribesJfkWordPerfectWithOneSpeakerAndReportsProgress() throws Exception {
        List<Double> progress = new CopyOnWriteArrayList<>();
        Transcription result = transcriber.transcribe(new TestMedia(jfk, "audio/vnd.wave"), progress::add);

        assertThat(result.durationMs()).isBetween(10_900L, 11_100L);
        assertThat(result.transcript().speakers()).extracting(s -> s.label()).containsExactly("S1");
        assertThat(words(result.transcript().fullText())).isEqualTo(JFK_WORDS);
        Turn turn = result.transcript().turns().get(0);
        assertThat(turn.startMs()).isBetween(0L, 800L);
        assertThat(turn.endMs()).isBetween(10_000L, 11_100L);
        assertThat(progress).isSorted().last().isEqualTo(1.0);
        assertThat(progress).allMatch(p -> p >= 0 && p <= 1);
    }

    static final String JFK_WORDS =
            "and so my fellow americans ask not what your country can do for you ask what you can do for your country";

    /** Words only: lower case, punctuation dropped (what WER scoring compares). */
    static String words(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9' ]+", " ").trim().replaceAll("\\s+", " ");
    }

    @Test
    void silenceGivesAnEmptyTranscriptWithItsDuration() throws Exception {
        Path silence = Wav.write(dir.resolve("silence.wav"), Wav.silence(6));
        Transcription result = transcriber.transcribe(new TestMedia(silence, "audio/vnd.wave"), p -> { });
        assertThat(result.transcript().isEmpty()).isTrue();
        assertThat(result.durationMs()).isEqualTo(6_000);
    }

    @Test
    void longSilenceAroundSpeechYieldsNoInventedText() throws Exception {
        float[] speech = Wav.read(jfk);
        Path padded = Wav.write(dir.resolve("padded.wav"), Wav.concat(Wav.silence(20), speech, Wav.silence(20)));
        Transcription result = transcriber.transcribe(new TestMedia(padded, "audio/vnd.wave"), p -> { });
        assertThat(result.transcript().turns()).hasSize(1);
        Turn turn = result.transcript().turns().get(0);
        assertThat(turn.startMs()).isBetween(19_500L, 21_000L);
        assertThat(turn.endMs()).isBetween(30_000L, 31_200L);
        assertThat(words(turn.text())).isEqualTo(JFK_WORDS);
    }

    @Test
    void aFileWithoutAudioFailsWithTheProductMessage() {
        TestMedia png = new TestMedia(TestMedia.coreSample("sample.png"), "image/png");
        assertThatThrownBy(() -> transcriber.transcribe(png, p -> { }))
                .isInstanceOfSatisfying(HarmonyException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID))
                .hasMessage(UserMessages.NO_AUDIO_TRACK);
    }

    @Test
    void compressedFormatsTranscribeLikeTheOriginal() throws Exception {
        Tools.requireCommands("ffmpeg");
        Path m4a = dir.resolve("jfk.m4a");
        Tools.run("ffmpeg", "-v", "error", "-y", "-i", jfk.toString(), "-c:a", "aac", "-b:a", "64k", m4a.toString());
        Path mkv = dir.resolve("jfk-video.mkv");
        Tools.run("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "color=c=black:s=64x64:r=5", "-i", jfk.toString(),
                "-shortest", "-c:v", "mpeg4", "-c:a", "libopus", mkv.toString());
        for (TestMedia media : List.of(new TestMedia(m4a, "audio/mp4"), new TestMedia(mkv, "video/x-matroska"))) {
            Transcription result = transcriber.transcribe(media, p -> { });
            assertThat(result.transcript().fullText()).as(media.file().toString())
                    .containsIgnoringCase("ask not what your country can do for you");
            assertThat(result.durationMs()).isBetween(10_500L, 11_500L);
        }
    }
}
