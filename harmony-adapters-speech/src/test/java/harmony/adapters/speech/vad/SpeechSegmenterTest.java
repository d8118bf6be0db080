package harmony.adapters.speech.vad;

import static org.assertj.core.api.Assertions.assertThat;

import harmony.adapters.speech.Tools;
import harmony.adapters.speech.Wav;
import harmony.adapters.speech.models.ModelFile;
import harmony.adapters.speech.models.ModelLocator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Silero VAD on real speech, fed in uneven chunks as the decoder delivers them. */
class SpeechSegmenterTest {
    static SileroVad vad;
    static float[] jfk;

    @BeforeAll
    static void load() throws Exception {
        ModelLocator models = Tools.models();
        vad = new SileroVad(models.require(ModelFile.SILERO_VAD));
        jfk = Wav.read(models.require(ModelFile.JFK_SAMPLE));
    }

    @AfterAll
    static void close() throws Exception {
        if (vad != null) {
            vad.close();
        }
    }

    @Test
    void findsSpeechOnlyWhereItIs() throws Exception {
        float[] audio = Wav.concat(Wav.silence(20), jfk, Wav.silence(20));
        List<SpeechSegment> segments = segment(audio, SpeechSegmenter.Settings.DEFAULT);
        assertThat(segments).isNotEmpty();
        assertThat(segments).allSatisfy(s -> {
            assertThat(s.startMs()).isGreaterThanOrEqualTo(19_900);
            assertThat(s.endMs()).isLessThanOrEqualTo(31_100);
            assertThat(s.audio().length).isGreaterThanOrEqualTo((int) (s.endSample() - s.startSample()));
        });
        double speech = segments.stream().mapToDouble(SpeechSegment::seconds).sum();
        assertThat(speech).isBetween(7.0, 11.0);
        assertThat(segment(Wav.silence(30), SpeechSegmenter.Settings.DEFAULT)).isEmpty();
    }

    @Test
    void capsSegmentLength() throws Exception {
        SpeechSegmenter.Settings threeSeconds = new SpeechSegmenter.Settings(0.5f, 0.35f, 2_000, 200, 40, 120, 3_000);
        List<SpeechSegment> segments = segment(Wav.concat(jfk, jfk), threeSeconds);
        assertThat(segments.size()).isGreaterThanOrEqualTo(6);
        assertThat(segments).allSatisfy(s -> assertThat(s.seconds()).isLessThanOrEqualTo(3.1));
    }

    private static List<SpeechSegment> segment(float[] audio, SpeechSegmenter.Settings settings) throws Exception {
        List<SpeechSegment> out = new ArrayList<>();
        SpeechSegmenter segmenter = new SpeechSegmenter(vad.newStream(), settings, 0, out::add);
        int at = 0;
        int chunk = 1_000;
        while (at < audio.length) {
            int n = Math.min(chunk, audio.length - at);
            float[] part = new float[n];
            System.arraycopy(audio, at, part, 0, n);
            segmenter.accept(part, n);
            at += n;
            chunk = chunk == 1_000 ? 1_537 : 1_000; // frames straddle chunk boundaries
        }
        segmenter.finish();
        return out;
    }
}
