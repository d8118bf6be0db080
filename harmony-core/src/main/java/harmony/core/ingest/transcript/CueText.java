package harmony.core.ingest.transcript;

/**
 * The text of a subtitle cue line without its markup: HTML-like tags ({@code <i>}, {@code <c>},
 * {@code <v Name>}, {@code <00:00:01.000>}, {@code <font color=...>}), ASS overrides
 * ({@code {\an8}}) and character references ({@code &amp;}, {@code &#39;}).
 */
final class CueText {
    private static final int MAX_TAG = 200;
    private static final int MAX_ENTITY = 10;

    static String clean(String s) {
        int n = s.length();
        int i = 0;
        boolean untidySpace = false;
        boolean previousSpace = true;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c > ' ' && c < '\u00A0' && c != '<' && c != '&' && c != '{') {
                previousSpace = false;
                continue;
            }
            if (c == '<' || c == '&' || c == '{') {
                break;
            }
            boolean space = Text.isSpace(c);
            untidySpace |= space && (c != ' ' || previousSpace);
            previousSpace = space;
        }
        if (i == n) {
            return untidySpace || previousSpace ? collapseSpaces(s) : s;
        }
        StringBuilder out = new StringBuilder(n);
        int run = 0;
        while (i < n) {
            char c = s.charAt(i);
            int skipTo = -1;
            int decoded = -1;
            if (c == '<') {
                int close = find(s, i + 1, '>', MAX_TAG);
                skipTo = close > 0 ? close + 1 : -1;
            } else if (c == '{') {
                int close = i + 1 < n && s.charAt(i + 1) == '\\' ? find(s, i + 2, '}', MAX_TAG) : -1;
                skipTo = close > 0 ? close + 1 : -1;
            } else {
                int semi = find(s, i + 1, ';', MAX_ENTITY);
                decoded = semi > 0 ? entity(s, i + 1, semi) : -1;
                skipTo = decoded >= 0 ? semi + 1 : -1;
            }
            if (skipTo < 0) {
                i = nextMarkup(s, i + 1, n);
                continue;
            }
            out.append(s, run, i);
            if (decoded > 0) {
                out.appendCodePoint(decoded);
            }
            run = skipTo;
            i = nextMarkup(s, skipTo, n);
        }
        out.append(s, run, n);
        String cleaned = out.toString();
        return needsCollapse(cleaned) ? collapseSpaces(cleaned) : cleaned.strip();
    }

    private static int nextMarkup(String s, int from, int n) {
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (c == '<' || c == '&' || c == '{') {
                return i;
            }
        }
        return n;
    }

    /** Whether there is space to tidy other than single plain spaces between words. */
    private static boolean needsCollapse(String s) {
        boolean previousSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean space = Text.isSpace(c);
            if (space && (c != ' ' || previousSpace)) {
                return true;
            }
            previousSpace = space;
        }
        return false;
    }

    /** The name in a WebVTT voice tag that opens the line ({@code <v Dana>}, {@code <v.loud Dana>}), else null. */
    static String voice(String s) {
        int n = s.length();
        if (n < 4 || s.charAt(0) != '<' || s.charAt(1) != 'v' || (s.charAt(2) != ' ' && s.charAt(2) != '.')) {
            return null;
        }
        int close = find(s, 2, '>', MAX_TAG);
        if (close < 0) {
            return null;
        }
        int space = 2;
        while (space < close && s.charAt(space) != ' ' && s.charAt(space) != '\t') {
            space++;
        }
        String name = clean(s.substring(Math.min(space, close), close));
        return name.isEmpty() ? null : name;
    }

    private static int find(String s, int from, char c, int within) {
        int limit = Math.min(s.length(), from + within);
        for (int i = from; i < limit; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** The code point of the reference s[from, to) (between & and ;), 0 for a mark to drop, -1 if unknown. */
    private static int entity(String s, int from, int to) {
        String name = s.substring(from, to);
        switch (name) {
            case "amp":
                return '&';
            case "lt":
                return '<';
            case "gt":
                return '>';
            case "quot":
                return '"';
            case "apos":
                return '\'';
            case "nbsp":
                return ' ';
            case "lrm":
            case "rlm":
                return 0;
            default:
                break;
        }
        if (name.length() > 1 && name.charAt(0) == '#') {
            try {
                int cp = name.charAt(1) == 'x' || name.charAt(1) == 'X'
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                return Character.isValidCodePoint(cp) && cp > 0 ? cp : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    private static String collapseSpaces(CharSequence sb) {
        StringBuilder out = new StringBuilder(sb.length());
        boolean space = false;
        for (int i = 0; i < sb.length(); i++) {
            char c = sb.charAt(i);
            if (Text.isSpace(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    private CueText() {
    }
}
