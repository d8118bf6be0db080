package harmony.adapters.speech.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import harmony.adapters.speech.TestMedia;
import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.error.UserMessages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AudioDecoderTest {
    private final AudioDecoder decoder = new AudioDecoder();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "sample.mp3, audio/mpeg", "sample.wav, audio/vnd.wave", "sample.m4a, audio/mp4", "sample.aac, audio/aac",
            "sample-audio.webm, audio/webm", "sample-opus.ogg, audio/opus", "sample.ogg, audio/vorbis",
            "sample.flac, audio/flac", "sample.mp4, video/mp4", "sample.mov, video/quicktime",
            "sample.mkv, video/x-matroska", "sample-video.webm, video/webm", "sample-gsm.wav, audio/vnd.wave",
            "sample.gsm, audio/x-gsm", "sample.amr, audio/amr", "sample.3gp, video/3gpp", "sample.aiff, audio/x-aiff",
            "sample.wma, audio/x-ms-wma"})
    void decodesEveryAcceptedFormatTo16kMonoWithItsDuration(String name, String mime) throws Exception {
        Path file = TestMedia.coreSample(name);
        long[] peak = {0};
        float[] max = {0};
        long samples = decoder.decode(file, mime, 1, (channels, length) -> {
            for (int i = 0; i < length; i++) {
                max[0] = Math.max(max[0], Math.abs(channels[0][i]));
            }
            peak[0] += length;
        });
        AudioDecoder.Probe probe = decoder.probe(file, mime);
        System.out.printf("%s: %d samples, probe %s, peak %.3f%n", name, samples, probe, max[0]);
        assertThat(samples).isEqualTo(peak[0]).isGreaterThan(AudioDecoder.SAMPLE_RATE * 3 / 10);
        assertThat(max[0]).as("decoded audio is not silence").isGreaterThan(0.01f);
        assertThat(probe.channels()).isPositive();
    }

    @Test
    void aCorruptFileHasNoAudioTrack(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.mp3");
        byte[] bytes = new byte[20_000];
        new java.util.Random(7).nextBytes(bytes);
        Files.write(junk, bytes);
        assertThatThrownBy(() -> decoder.decode(junk, "audio/mpeg", 1, (c, n) -> { }))
                .isInstanceOfSatisfying(HarmonyException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID))
                .hasMessage(UserMessages.NO_AUDIO_TRACK);
    }

    @Test
    void aFileWithoutAudioHasNoAudioTrack() {
        Path png = TestMedia.coreSample("sample.png");
        assertThatThrownBy(() -> decoder.decode(png, "image/png", 1, (c, n) -> { }))
                .isInstanceOf(HarmonyException.class).hasMessage(UserMessages.NO_AUDIO_TRACK);
    }
}
