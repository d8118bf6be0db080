package harmony.core.intelligence.text;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tries a pattern only where one of its possible first words starts, instead of at every character:
 * for alternations of many phrases over long transcripts this is much cheaper than {@link Matcher#find()}.
 */
public final class AnchoredPatterns {

    /**
     * Whether {@code pattern} matches {@code lower} (the sentence's lower-case text) starting at a token
     * whose lower-case form is in {@code firstWords} or, with {@code prefixes}, starts with one of them.
     */
    public static boolean matchesAtWord(Pattern pattern, Sentence s, String lower, Set<String> firstWords, String... prefixes) {
        Tokens t = s.tokens();
        Matcher m = null;
        for (int k = 0; k < t.size(); k++) {
            String w = t.lower()[k];
            if (!firstWords.contains(w) && !startsWithAny(w, prefixes)) {
                continue;
            }
            if (m == null) {
                m = pattern.matcher(lower).useTransparentBounds(true);
            }
            m.region(t.starts()[k], lower.length());
            if (m.lookingAt()) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWithAny(String w, String[] prefixes) {
        for (String p : prefixes) {
            if (w.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private AnchoredPatterns() {
    }
}
