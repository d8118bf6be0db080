package harmony.core.ingest.transcript;

import harmony.core.domain.Transcript;
import org.junit.jupiter.api.Test;

import static harmony.core.ingest.transcript.Samples.speakers;
import static harmony.core.ingest.transcript.Samples.text;
import static harmony.core.ingest.transcript.Samples.turns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SrtReaderTest {
    private final SrtReader reader = new SrtReader();

    @Test
    void cuesWithNamePrefixesTagsDialogueDashesAndSloppyNumbering() {
        Transcript t = reader.read(text("srt/meeting.srt"));
        assertThat(speakers(t)).containsExactly("Dana Reyes", "Marco Bianchi");
        assertThat(turns(t)).containsExactly(
                "Dana Reyes|1000|4200|Welcome to the kickoff.",
                "Dana Reyes|4500|7000|We'll keep it short.",
                "Marco Bianchi|7100|9800|Sounds good. I have three questions.",
                "Dana Reyes|10000|12500|Go ahead.",
                "Marco Bianchi|10000|12500|First, the timeline.",
                "Dana Reyes|60000|62000|Eight weeks.");
    }

    @Test
    void cuesWithoutNamesAreOneUnknownSpeaker() {
        Transcript t = reader.read("1\r\n00:00:00,500 --> 00:00:02,000\r\nHello.\r\n\r\n2\r\n00:00:02,000 --> 00:00:03,000\r\nHi.\r\n");
        assertThat(turns(t)).containsExactly("S1|500|2000|Hello.", "S1|2000|3000|Hi.");
    }

    @Test
    void aBlankLineInsideACueKeepsTheTextWithItsCue() {
        Transcript t = reader.read("1\n00:00:01,000 --> 00:00:02,000\nDana: first part\n\nsecond part\n\n"
                + "2\n00:00:03,000 --> 00:00:04,000\nLee: next\n");
        assertThat(turns(t)).containsExactly("Dana|1000|2000|first part second part", "Lee|3000|4000|next");
    }

    @Test
    void errorsNameTheLineAndTheReason() {
        assertThatThrownBy(() -> reader.read(text("srt/bad-timestamp.srt")))
                .isInstanceOf(TranscriptFormatException.class)
                .hasMessage("line 6: timestamp 00:61:00,000 is not valid");
        assertThatThrownBy(() -> reader.read(text("srt/ends-before-start.srt")))
                .hasMessage("line 2: the cue ends (00:00:04,000) before it starts (00:00:09,000)");
        assertThatThrownBy(() -> reader.read("1\nabc --> def\nHi"))
                .hasMessage("line 2: cue timing \"abc --> def\" is not valid; expected one like 00:00:01,000 --> 00:00:04,000");
        assertThatThrownBy(() -> reader.read("Title\n1\n00:00:01,000 --> 00:00:02,000\nHi"))
                .hasMessage("line 1: expected a subtitle number or a timing like 00:00:01,000 --> 00:00:04,000");
    }

    @Test
    void recognisesSrtByItsFirstCue() {
        assertThat(SrtReader.looksLike("\uFEFF1\n00:00:01,000 --> 00:00:02,000\nHi")).isTrue();
        assertThat(SrtReader.looksLike("\n\n00:00:01,000 --> 00:00:02,000\nHi")).isTrue();
        assertThat(SrtReader.looksLike("1\n2\n00:00:01,000 --> 00:00:02,000")).isFalse();
        assertThat(SrtReader.looksLike("Dana: a --> b")).isFalse();
    }
}
