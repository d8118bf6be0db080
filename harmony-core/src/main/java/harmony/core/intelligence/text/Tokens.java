package harmony.core.intelligence.text;

import java.util.Arrays;
import java.util.Locale;

/**
 * Words of a text with their character offsets. A word is a run of letters and digits; an
 * apostrophe inside a word and a comma or point between digits stay in it ("I'll", "1,250", "0.84");
 * hyphens and slashes split ("follow-up" is "follow", "up").
 */
public record Tokens(String text, int[] starts, int[] ends, String[] lower) {

    public static Tokens of(String text) {
        int n = text.length();
        int[] starts = new int[Math.max(4, n / 5)];
        int[] ends = new int[starts.length];
        int count = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int start = i;
            i++;
            while (i < n) {
                char d = text.charAt(i);
                if (Character.isLetterOrDigit(d)) {
                    i++;
                } else if ((d == '\'' || d == '\u2019') && i + 1 < n && Character.isLetter(text.charAt(i + 1))
                        && Character.isLetter(text.charAt(i - 1))) {
                    i++;
                } else if ((d == ',' || d == '.') && i + 1 < n && Character.isDigit(text.charAt(i + 1))
                        && Character.isDigit(text.charAt(i - 1))) {
                    i++;
                } else {
                    break;
                }
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
            }
            starts[count] = start;
            ends[count] = i;
            count++;
        }
        starts = Arrays.copyOf(starts, count);
        ends = Arrays.copyOf(ends, count);
        String[] lower = new String[count];
        for (int k = 0; k < count; k++) {
            String word = text.substring(starts[k], ends[k]);
            if (word.indexOf('\u2019') >= 0) {
                word = word.replace('\u2019', '\'');
            }
            lower[k] = word.toLowerCase(Locale.ROOT);
        }
        return new Tokens(text, starts, ends, lower);
    }

    public int size() {
        return lower.length;
    }

    /** The original spelling of token {@code i}. */
    public String word(int i) {
        return text.substring(starts[i], ends[i]);
    }

    public boolean isCapitalized(int i) {
        return Character.isUpperCase(text.charAt(starts[i]));
    }

    /** Stems of all tokens, computed on demand. */
    public String[] stems() {
        String[] s = new String[lower.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = Stemmer.stem(lower[i]);
        }
        return s;
    }
}
