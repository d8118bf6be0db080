package harmony.adapters.jdbc;

import harmony.core.domain.Speaker;
import harmony.core.domain.Transcript;
import harmony.core.domain.Turn;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class SearchWordsTest {

    @Test
    void splitsOnAnythingButLettersAndNumbersAndLowerCases() {
        assertThat(SearchWords.of("Hello, WORLD! It's 2027 - e-mail_me@x.io"))
                .containsExactly("hello", "world", "it", "s", "2027", "e", "mail", "me", "x", "io");
    }

    @Test
    void keepsNonLatinWordsAndDeduplicatesInFirstSeenOrder() {
        assertThat(SearchWords.of("Größe größe Ünïcödé ²  日本語 Ⅻ")).containsExactly("größe", "ünïcödé", "²", "日本語", "ⅻ");
        assertThat(SearchWords.of("  ...  ")).isEmpty();
        assertThat(SearchWords.of(null)).isEmpty();
    }

    @Test
    void cutsWordsAndStoredTextToWhatAPostgresTsvectorHolds() {
        String x = "x".repeat(3000);
        assertThat(SearchWords.of("a " + x + " b")).containsExactly("a", "x".repeat(SearchWords.MAX_WORD_CHARS), "b");
        String boldA = "\uD835\uDC00"; // a letter outside the BMP: never cut between its two chars
        assertThat(SearchWords.of(boldA.repeat(200))).singleElement()
                .satisfies(w -> assertThat(w).hasSize(SearchWords.MAX_WORD_CHARS - 1).endsWith(boldA));
        assertThat(SearchWords.of("\u00C9".repeat(300))).containsExactly("\u00E9".repeat(SearchWords.MAX_WORD_CHARS));

        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            many.append(" w").append(i);
        }
        String stored = SearchWords.column(new Transcript(List.of(Speaker.unnamed("S1")), List.of(new Turn("S1", 0, 1, many.toString()))));
        assertThat(stored.length()).isLessThanOrEqualTo(SearchWords.MAX_TRANSCRIPT_CHARS);
        assertThat(stored).startsWith(" w0 w1 ").endsWith(" ").doesNotContain("  ");
        String last = stored.substring(stored.lastIndexOf(' ', stored.length() - 2) + 1, stored.length() - 1);
        assertThat(many.toString()).contains(" " + last + " w");

        assertThat(SearchWords.column("title ".repeat(10_000) + "word".repeat(2_000) + " end"))
                .isEqualTo(" title " + "word".repeat(2_000).substring(0, SearchWords.MAX_WORD_CHARS) + " end ");
        String longTitle = String.join(" ", java.util.stream.IntStream.range(0, 3_000).mapToObj(i -> "t" + i).toList());
        assertThat(SearchWords.column(longTitle)).hasSizeLessThanOrEqualTo(SearchWords.MAX_TITLE_CHARS).startsWith(" t0 t1 ").endsWith(" ");
    }

    @Test
    void storesWordsBetweenSpacesForWholeWordMatching() {
        assertThat(SearchWords.column("The plan, the PLAN")).isEqualTo(" the plan ");
        assertThat(SearchWords.column("")).isEqualTo(" ");
    }

    @Test
    void storesATranscriptsDistinctWordsWithTheSameWordRules() {
        Transcript t = new Transcript(List.of(Speaker.unnamed("S1")), List.of(
                new Turn("S1", 0, 1, "Hello, WORLD! Größe: e-mail"), new Turn("S1", 1, 2, "hello İstanbul ²")));
        String stored = SearchWords.column(t);
        assertThat(stored).isEqualTo(" hello world größe e mail " + "İstanbul".toLowerCase(Locale.ROOT) + " ² ");
        for (String w : SearchWords.of("world GRÖSSE größe İstanbul")) {
            if (!w.equals("grösse")) {
                assertThat(stored).contains(" " + w + " ");
            }
        }
    }
}
