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
