package harmony.core.ingest.transcript;

import org.junit.jupiter.api.Test;

import static harmony.core.ingest.transcript.Samples.text;
import static harmony.core.ingest.transcript.Samples.turns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PastedTranscriptReaderTest {
    private final PastedTranscriptReader reader = new PastedTranscriptReader();

    @Test
    void pastedSrtAndVttAreReadAsCues() {
        assertThat(reader.read(text("srt/meeting.srt"))).isEqualTo(new SrtReader().read(text("srt/meeting.srt")));
        assertThat(reader.read(text("vtt/zoom.vtt"))).isEqualTo(new WebVttReader().read(text("vtt/zoom.vtt")));
    }

    @Test
    void everythingElseIsPlainTextEvenWhatLooksLikeJson() {
        assertThat(reader.read(text("plain/zoom.txt"))).isEqualTo(new PlainTextReader().read(text("plain/zoom.txt")));
        assertThat(turns(reader.read("{\"turns\": oops"))).containsExactly("S1|0|0|{\"turns\": oops");
        assertThat(turns(reader.read("hello --> world"))).containsExactly("S1|0|0|hello --> world");
    }

    @Test
    void anEmptyPasteIsRefused() {
        assertThatThrownBy(() -> reader.read("  \n\t ")).isInstanceOf(TranscriptFormatException.class)
                .hasMessage("the transcript holds no text");
        assertThatThrownBy(() -> reader.read(null)).hasMessage("the transcript holds no text");
    }
}
