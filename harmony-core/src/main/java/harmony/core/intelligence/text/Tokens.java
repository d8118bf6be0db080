package harmony.core.intelligence.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Words of a text with their character offsets. A word is a run of letters and digits; an
 * apostrophe inside a word and a comma or point between digits stay in it ("I'll", "1,250", "0.84");
 * hyphens and slashes split ("follow-up" is "follow", "up").
 */
public record Tokens(String text, int[] starts, int[] ends, String[] lower) {

    public static Tokens of(String text) {
        List<int[]> spans = new ArrayList<>();
        int n = text.length();
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
            spans.add(new int[] {start, i});
        }
        int[] starts = new int[spans.size()];
        int[] ends = new int[spans.size()];
        String[] lower = new String[spans.size()];
        for (int k = 0; k < spans.size(); k++) {
            starts[k] = spans.get(k)[0];
            ends[k] = spans.get(k)[1];
            lower[k] = text.substring(starts[k], ends[k]).replace('\u2019', '\'').toLowerCase(Locale.ROOT);
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
