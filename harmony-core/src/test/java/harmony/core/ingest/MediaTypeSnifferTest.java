package harmony.core.ingest;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

class MediaTypeSnifferTest {
    private final MediaTypeSniffer sniffer = new MediaTypeSniffer();

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "sample.mp3, audio/mpeg",
            "sample.wav, audio/vnd.wave",
            "sample-gsm.wav, audio/vnd.wave",
            "sample.gsm, audio/x-gsm",
            "sample.mp4, video/mp4",
            "sample.m4a, audio/mp4",
            "sample.aac, audio/x-aac",
            "sample-audio.webm, video/webm",
            "sample-video.webm, video/webm",
            "sample.ogg, audio/ogg",
            "sample-opus.ogg, audio/ogg",
            "sample.flac, audio/x-flac",
            "sample.amr, audio/amr",
            "sample.aiff, audio/x-aiff",
            "sample.mov, video/quicktime",
            "sample.mkv, video/x-matroska",
            "sample.3gp, video/3gpp",
            "sample.wma, audio/x-ms-wma",
    })
    void recognisesEveryAcceptedFormatFromItsBytes(String file, String expected) throws IOException {
        byte[] bytes = sample(file);
        String type = sniffer.sniff(bytes, bytes.length, file);
        assertThat(type).isEqualTo(expected);
        assertThat(MediaTypeSniffer.isAudioOrVideo(type)).isTrue();
    }

    @ParameterizedTest(name = "{0} named {1} is not media")
    @CsvSource({"sample.pdf, recording.mp3", "sample.png, recording.wav", "sample.elf, recording.mp4"})
    void theBytesWinOverTheName(String file, String name) throws IOException {
        byte[] bytes = sample(file);
        String type = sniffer.sniff(bytes, bytes.length, name);
        assertThat(MediaTypeSniffer.isAudioOrVideo(type)).as(type).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"sample.mp4, talk.m4a, audio/mp4", "sample.mkv, talk.mka, audio/x-matroska", "sample-audio.webm, a.weba, audio/webm"})
    void theNameChoosesOnlyWithinTheFamilyTheBytesProved(String file, String name, String expected) throws IOException {
        byte[] bytes = sample(file);
        assertThat(sniffer.sniff(bytes, bytes.length, name)).isEqualTo(expected);
    }

    static byte[] sample(String name) throws IOException {
        try (InputStream in = MediaTypeSnifferTest.class.getResourceAsStream("/media/" + name)) {
            return in.readAllBytes();
        }
    }
}
