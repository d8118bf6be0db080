package harmony.adapters.jdbc;

import harmony.core.domain.Transcript;
import harmony.core.domain.Turn;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The one definition of a searchable word, shared by both databases so that they find the same
 * conversations: a run of letters or numbers (Unicode L and N), lower-cased in the ROOT locale.
 * A hand-rolled scan rather than a regex split: it runs over every transcript that is stored.
 */
final class SearchWords {

    /** The distinct words of {@code text} in first-seen order. */
    static Set<String> of(String text) {
        Set<String> words = new LinkedHashSet<>();
        collect(text, words);
        return words;
    }

    /** Stored form of a title: {@code " w1 w2 … "}, so {@code LIKE '% w %'} matches whole words only. */
    static String column(String text) {
        return join(of(text));
    }

    /** Stored form of a transcript's words. */
    static String column(Transcript transcript) {
        Set<String> words = new LinkedHashSet<>();
        for (Turn turn : transcript.turns()) {
            collect(turn.text(), words);
        }
        return join(words);
    }

    private static void collect(String text, Set<String> into) {
        if (text == null) {
            return;
        }
        int start = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            boolean inWord = isWordChar(cp);
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                into.add(text.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            into.add(text.substring(start).toLowerCase(Locale.ROOT));
        }
    }

    private static boolean isWordChar(int cp) {
        if (cp < 128) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        }
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    private static String join(Set<String> words) {
        int length = 1;
        for (String w : words) {
            length += w.length() + 1;
        }
        StringBuilder sb = new StringBuilder(length).append(' ');
        for (String w : words) {
            sb.append(w).append(' ');
        }
        return sb.toString();
    }

    private SearchWords() {
    }
}
