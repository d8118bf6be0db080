package harmony.core.ingest.transcript;

import harmony.core.domain.Speaker;
import harmony.core.domain.Transcript;
import harmony.core.error.ErrorKind;
import org.junit.jupiter.api.Test;

import static harmony.core.ingest.transcript.Samples.speakers;
import static harmony.core.ingest.transcript.Samples.text;
import static harmony.core.ingest.transcript.Samples.turns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlainTextReaderTest {
    private final PlainTextReader reader = new PlainTextReader();

    @Test
    void nameColonLinesWithContinuationsAndAProseColonThatIsNoSpeaker() {
        Transcript t = reader.read(text("plain/colon.txt"));
        assertThat(t.speakers()).containsExactly(Speaker.named("Dana Reyes", "Dana Reyes"),
                Speaker.named("Sam O'Neil", "Sam O'Neil"));
        assertThat(turns(t)).containsExactly(
                "Dana Reyes|0|0|Thanks for joining, everyone. Let's start with the renewal.",
                "Sam O'Neil|0|0|Sure. We looked at the numbers last week:\nthe seat count goes up to 40, and we want the annual plan.",
                "Dana Reyes|0|0|Great.\nHere is the thing: the discount only holds until Friday.",
                "Sam O'Neil|0|0|Understood, I'll send the PO tomorrow.");
    }

    @Test
    void timestampedLinesInBracketsParenthesesOrBare() {
        Transcript t = reader.read(text("plain/bracketed.txt"));
        assertThat(speakers(t)).containsExactly("Dana Reyes", "Priya Natarajan");
        assertThat(turns(t)).containsExactly(
                "Dana Reyes|2000|5000|Good morning, can you hear me?",
                "Priya Natarajan|5000|70000|Loud and clear.",
                "Dana Reyes|70000|123000|Let's look at the roadmap.",
                "Priya Natarajan|123000|150000|The export feature ships in March.",
                "Dana Reyes|150000|150000|Perfect, thanks.");
    }

    @Test
    void otterHeadersWithATitleKeptAsAnUnknownSpeaker() {
        Transcript t = reader.read(text("plain/otter.txt"));
        assertThat(speakers(t)).containsExactly("S1", "Dana Reyes", "Speaker 2");
        assertThat(turns(t)).containsExactly(
                "S1|0|5000|Quarterly business review",
                "Dana Reyes|5000|21000|Welcome back. Today we cover usage and the renewal.",
                "Speaker 2|21000|3735000|Thanks. Usage is up about thirty percent.\nWe added two teams in October.",
                "Dana Reyes|3735000|3735000|That brings us to pricing.");
    }

    @Test
    void zoomBracketedNameThenClockTime() {
        Transcript t = reader.read(text("plain/zoom.txt"));
        assertThat(speakers(t)).containsExactly("Dana Reyes", "Marco Bianchi");
        assertThat(turns(t)).containsExactly(
                "Dana Reyes|50531000|50539000|Hi Marco, thanks for making the time.",
                "Marco Bianchi|50539000|50581000|No problem. I have a hard stop at half past.",
                "Dana Reyes|50581000|50581000|Then let's get to it.");
    }

    @Test
    void teamsNameLineThenTimeLine() {
        Transcript t = reader.read(text("plain/teams.txt"));
        assertThat(turns(t)).containsExactly(
                "Dana Reyes|3000|9000|Can everyone see my screen?",
                "Marco Bianchi|9000|75000|Yes, we see the dashboard.",
                "Dana Reyes|75000|75000|Good. The red line is the churn forecast.");
    }

    @Test
    void googleMeetTimeMarkersTimeTheTurnsAfterThem() {
        Transcript t = reader.read(text("plain/meet.txt"));
        assertThat(turns(t)).containsExactly(
                "S1|0|0|Weekly sync - Transcript",
                "Dana Reyes|0|0|Okay, let's begin.",
                "Lee Chen|0|300000|I'll share the update on hiring.",
                "Lee Chen|300000|300000|We closed two roles.",
                "Dana Reyes|300000|300000|Nice work.");
    }

    @Test
    void nameWithParenthesisedTimeAndNameParticles() {
        Transcript t = reader.read(text("plain/parenthesized.txt"));
        assertThat(turns(t)).containsExactly(
                "Dana Reyes|1000|45000|Hello and welcome.\nGlad you could make it.",
                "Ana de la Cruz|45000|45000|Thanks for having me.");
    }

    @Test
    void headerVariantsOfOtherTools() {
        Transcript t = reader.read(text("plain/header-variants.txt"));
        assertThat(speakers(t)).containsExactly("Dana Reyes", "Marco Bianchi", "Speaker 1", "Lee Chen");
        assertThat(turns(t)).containsExactly(
                "Dana Reyes|1000|5000|Fireflies writes a dash.",
                "Marco Bianchi|5000|9000|Some tools use a bar.",
                "Speaker 1|9000|12000|Rev puts a colon after the time.",
                "Lee Chen|12000|15000|Brackets work too.",
                "Dana Reyes|15000|15000|And a bare time before the colon.");
    }

    @Test
    void unstructuredTextIsOneUnknownSpeakerWithParagraphsAsTurns() {
        Transcript t = reader.read(text("plain/unstructured.txt"));
        assertThat(t.speakers()).containsExactly(Speaker.unnamed("S1"));
        assertThat(turns(t)).containsExactly(
                "S1|0|0|We met with the Acme team to go over the pilot. They liked the search but\n"
                        + "asked for SSO before they roll it out wider.",
                "S1|0|0|Next steps: send the security questionnaire and book a follow-up.");
    }

    @Test
    void crlfAndLoneCrLineEndsAndABom() {
        Transcript t = reader.read("\uFEFFDana: Hi there.\r\nLee: Hello!\r\nHow are you?\rDana: Fine.\r\n");
        assertThat(turns(t)).containsExactly("Dana|0|0|Hi there.", "Lee|0|0|Hello!\nHow are you?", "Dana|0|0|Fine.");
    }

    @Test
    void urlsTimesOfDayAndLowercaseSentencesAreNotSpeakers() {
        Transcript t = reader.read("Dana: see https://example.com/pricing\nhttps://example.com: still a link\n"
                + "We meet at 10:30\nLee: ok");
        assertThat(turns(t)).containsExactly(
                "Dana|0|0|see https://example.com/pricing\nhttps://example.com: still a link\nWe meet at 10:30",
                "Lee|0|0|ok");
    }

    @Test
    void aSingleSpeakerLineFirstIsStructure() {
        assertThat(turns(reader.read("Dana Reyes: just me today.\nStill me."))).containsExactly(
                "Dana Reyes|0|0|just me today.\nStill me.");
    }

    @Test
    void onlyWhitespaceGivesNoTurns() {
        assertThat(reader.read(" \n\t\r\n").isEmpty()).isTrue();
    }

    @Test
    void anImpossibleTimestampIsAnErrorNamingItsLine() {
        assertThatThrownBy(() -> reader.read(text("plain/bad-timestamp.txt")))
                .isInstanceOf(TranscriptFormatException.class)
                .hasMessage("line 2: timestamp 00:61:00 is not valid")
                .extracting(e -> ((TranscriptFormatException) e).kind()).isEqualTo(ErrorKind.INVALID);
        assertThatThrownBy(() -> reader.read("Dana  0:05\nHi\n\nLee  0:75\nHello"))
                .hasMessage("line 4: timestamp 0:75 is not valid");
        assertThatThrownBy(() -> reader.read("Dana: hi\n\n01:60:00\n\nLee: hello"))
                .hasMessage("line 3: timestamp 01:60:00 is not valid");
        assertThatThrownBy(() -> reader.read("[Dana Reyes] 14:72:11\nHi"))
                .hasMessage("line 1: timestamp 14:72:11 is not valid");
    }

    @Test
    void aTimeLikeWordInProseIsNoError() {
        assertThat(turns(reader.read("12:75 is not a time anyone writes.\nBut prose may."))).containsExactly(
                "S1|0|0|12:75 is not a time anyone writes.\nBut prose may.");
    }
}
