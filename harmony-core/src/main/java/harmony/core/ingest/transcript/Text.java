package harmony.core.ingest.transcript;

/** Index-based helpers over a line of text, so readers scan once and copy only what they keep. */
final class Text {
    static final char BOM = '\uFEFF';

    static String stripBom(String text) {
        return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }

    /** Space in the wide sense pasted text brings: tabs, no-break spaces, thin spaces. */
    static boolean isSpace(char c) {
        if (c > ' ' && c < '\u00A0') {
            return false;
        }
        return c == ' ' || c == '\t' || c == '\u00A0' || c == '\u202F' || c == '\u2009' || c == '\u200B'
                || c == '\f' || c == BOM;
    }

    static int trimStart(String s, int from, int to) {
        while (from < to && isSpace(s.charAt(from))) {
            from++;
        }
        return from;
    }

    static int trimEnd(String s, int from, int to) {
        while (to > from && isSpace(s.charAt(to - 1))) {
            to--;
        }
        return to;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean startsWith(String s, int from, int to, String prefix) {
        return to - from >= prefix.length() && s.startsWith(prefix, from);
    }

    /** Index of {@code needle} in s[from, to), or -1. */
    static int indexOf(String s, String needle, int from, int to) {
        int last = to - needle.length();
        char first = needle.charAt(0);
        for (int i = from; i <= last; i++) {
            if (s.charAt(i) == first && s.startsWith(needle, i)) {
                return i;
            }
        }
        return -1;
    }

    private Text() {
    }
}
