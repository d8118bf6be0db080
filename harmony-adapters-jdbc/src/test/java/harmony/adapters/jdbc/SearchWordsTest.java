package harmony.adapters.jdbc;

import org.junit.jupiter.api.Test;

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
}
