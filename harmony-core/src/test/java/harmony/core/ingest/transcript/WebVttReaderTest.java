package harmony.core.ingest.transcript;

import harmony.core.domain.Transcript;
import org.junit.jupiter.api.Test;

import static harmony.core.ingest.transcript.Samples.speakers;
import static harmony.core.ingest.transcript.Samples.text;
import static harmony.core.ingest.transcript.Samples.turns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebVttReaderTest {
    private final WebVttReader reader = new WebVttReader();

    @Test
    void teamsVoiceTagsWithIdentifiersAndCharacterReferences() {
        Transcript t = reader.read(text("vtt/teams.vtt"));
        assertThat(speakers(t)).containsExactly("Dana Reyes", "Lee Chen");
        assertThat(turns(t)).containsExactly(
                "Dana Reyes|0|3450|Good morning, everyone.",
                "Dana Reyes|3450|7120|Let's review last week's action items.",
                "Lee Chen|7500|10000|I finished the \"pricing\" deck & sent it.");
    }

    @Test
    void legacyTeamsTimestampsWithSingleDigitParts() {
        assertThat(turns(reader.read(text("vtt/teams-legacy.vtt")))).containsExactly(
                "Dana Reyes|0|3570|Can you hear me?", "Lee Chen|4100|6200|Yes.");
    }

    @Test
    void zoomNamePrefixesAndMultiLineCues() {
        assertThat(turns(reader.read(text("vtt/zoom.vtt")))).containsExactly(
                "Dana Reyes|1200|4800|Thanks for joining the demo.",
                "Marco Bianchi|5010|8330|Happy to be here. Can we start with the reporting module?",
                "Dana Reyes|8900|10000|Absolutely.");
    }

    @Test
    void headerStyleRegionAndNoteBlocksAreSkippedAndOneCueMayHoldTwoVoices() {
        Transcript t = reader.read(text("vtt/styled.vtt"));
        assertThat(turns(t)).containsExactly(
                "Dana Reyes|0|2000|Hello there!",
                "Dana Reyes|2000|5000|Quick question.",
                "Lee Chen|2000|5000|Sure, go ahead.",
                "Lee Chen|5500|7000|3 < 4, right?");
    }

    @Test
    void youTubeRollingCaptionsKeepEachLineOnce() {
        Transcript t = reader.read(text("vtt/youtube.vtt"));
        assertThat(turns(t)).containsExactly(
                "S1|0|2360|welcome to the quarterly review",
                "S1|2360|5120|today we look at churn",
                "S1|5120|8000|and pricing");
    }

    @Test
    void repeatedLinesOutsideRollingCaptionsAreKept() {
        Transcript t = reader.read("WEBVTT\n\n00:01.000 --> 00:02.000\n<v Dana>Yes.\n\n00:02.000 --> 00:03.000\n<v Dana>Yes.\n");
        assertThat(turns(t)).containsExactly("Dana|1000|2000|Yes.", "Dana|2000|3000|Yes.");
    }

    @Test
    void errorsNameTheLineAndTheReason() {
        assertThatThrownBy(() -> reader.read(text("vtt/bad-timestamp.vtt")))
                .isInstanceOf(TranscriptFormatException.class)
                .hasMessage("line 6: cue timing \"00:00:03.000 --> 00:00:04.75x\" is not valid; "
                        + "expected one like 00:00:01.000 --> 00:00:04.000");
        assertThatThrownBy(() -> reader.read("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHi\n\n00:00:03.000 --> 01:75:00.000\nHo"))
                .hasMessage("line 6: timestamp 01:75:00.000 is not valid");
        assertThatThrownBy(() -> reader.read("1\n00:00:01.000 --> 00:00:02.000\nHi"))
                .hasMessage("line 1: a WebVTT file starts with WEBVTT");
        assertThatThrownBy(() -> reader.read("WEBVTT\n\nstray words\nmore words\n\n00:00:01.000 --> 00:00:02.000\nHi"))
                .hasMessage("line 3: expected a cue timing like 00:00:01.000 --> 00:00:04.000");
    }
}
