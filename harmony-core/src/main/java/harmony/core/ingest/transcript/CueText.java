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
        while (i < n) {
            char c = s.charAt(i);
            if (c == '<' || c == '&' || c == '{') {
                break;
            }
            i++;
        }
        if (i == n) {
            return s.strip();
        }
        StringBuilder out = new StringBuilder(n);
        out.append(s, 0, i);
        while (i < n) {
            char c = s.charAt(i);
            if (c == '<') {
                int close = find(s, i + 1, '>', MAX_TAG);
                if (close > 0) {
                    i = close + 1;
                    continue;
                }
            } else if (c == '{' && i + 1 < n && s.charAt(i + 1) == '\\') {
                int close = find(s, i + 2, '}', MAX_TAG);
                if (close > 0) {
                    i = close + 1;
                    continue;
                }
            } else if (c == '&') {
                int semi = find(s, i + 1, ';', MAX_ENTITY);
                if (semi > 0) {
                    int decoded = entity(s, i + 1, semi);
                    if (decoded >= 0) {
                        if (decoded != 0) {
                            out.appendCodePoint(decoded);
                        }
                        i = semi + 1;
                        continue;
                    }
                }
            }
            out.append(c);
            i++;
        }
        return collapseSpaces(out);
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

    private static String collapseSpaces(StringBuilder sb) {
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
