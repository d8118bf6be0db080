package harmony.adapters.jdbc;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one definition of a searchable word, shared by both databases so that they find the same
 * conversations: a run of letters or digits, lower-cased (ROOT locale).
 */
final class SearchWords {
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** The distinct words of {@code text} in first-seen order. */
    static Set<String> of(String text) {
        Set<String> words = new LinkedHashSet<>();
        if (text == null) {
            return words;
        }
        for (String w : NON_WORD.split(text.toLowerCase(Locale.ROOT))) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        return words;
    }

    /** Stored form: {@code " w1 w2 … "}, so {@code LIKE '% w %'} matches whole words only. */
    static String column(String text) {
        Set<String> words = of(text);
        StringBuilder sb = new StringBuilder(text == null ? 2 : Math.min(text.length(), 1 << 16) + 2).append(' ');
        for (String w : words) {
            sb.append(w).append(' ');
        }
        return sb.toString();
    }

    private SearchWords() {
    }
}
