package harmony.core.intelligence.text;

import harmony.core.domain.Speaker;
import harmony.core.domain.Transcript;
import harmony.core.domain.Turn;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentTest {

    @Test
    void splitsSentencesButNotAbbreviationsOrNumbers() {
        assertThat(Document.splitSentences("Mr. Lee paid $1,250.50 today. Okay? Yes! i'll send it. thanks"))
                .containsExactly("Mr. Lee paid $1,250.50 today.", "Okay?", "Yes!", "i'll send it.", "thanks");
    }

    @Test
    void tokensKeepContractionsAndNumbersAndSplitHyphens() {
        Tokens t = Tokens.of("I'll follow-up on the $1,250 invoice, 0.84 AUC.");
        assertThat(t.lower()).containsExactly("i'll", "follow", "up", "on", "the", "1,250", "invoice", "0.84", "auc");
        assertThat(t.word(0)).isEqualTo("I'll");
    }

    @Test
    void estimatesTimesWhenTheTranscriptHasNone() {
        Transcript tr = new Transcript(List.of(Speaker.unnamed("A"), Speaker.unnamed("B")), List.of(
                new Turn("A", 0, 0, "one two three four five six seven eight nine ten"),
                new Turn("B", 0, 0, "Okay. Fine.")));
        Document d = Document.of(tr);
        assertThat(d.timed()).isFalse();
        assertThat(d.turns().get(0).durationMs()).isEqualTo(10 * 60_000L / Document.ESTIMATED_WORDS_PER_MINUTE);
        assertThat(d.turns().get(1).startMs()).isEqualTo(d.turns().get(0).endMs() + Document.ESTIMATED_GAP_MS);
        assertThat(d.sentences()).hasSize(3);
        assertThat(d.sentences().get(2).startMs()).isGreaterThan(d.sentences().get(1).startMs());
    }

    @Test
    void givenTimesAreKeptAndSentencesGetTheirShare() {
        Transcript tr = new Transcript(List.of(Speaker.unnamed("A")), List.of(
                new Turn("A", 10_000, 14_000, "One two. Three four.")));
        Document d = Document.of(tr);
        assertThat(d.timed()).isTrue();
        assertThat(d.sentences().get(0).startMs()).isEqualTo(10_000);
        assertThat(d.sentences().get(1).startMs()).isEqualTo(12_000);
    }

    @Test
    void chunksAtTurnBoundariesWithinTheWordLimit() {
        Transcript tr = new Transcript(List.of(Speaker.named("A", "Ann"), Speaker.named("B", "Bob")), List.of(
                new Turn("A", 0, 3000, "one two three."), new Turn("B", 61_000, 62_000, "four five six."),
                new Turn("A", 70_000, 71_000, "seven eight nine.")));
        List<String> chunks = TranscriptChunks.split(Document.of(tr), l -> l.equals("A") ? "Ann" : "Bob", 6);
        assertThat(chunks).containsExactly("[00:00] Ann: one two three.\n[01:01] Bob: four five six.", "[01:10] Ann: seven eight nine.");
    }
}
