package harmony.core.ingest.transcript;

/**
 * Walks the lines of a text without copying it: LF, CRLF and lone CR all end a line. After
 * {@link #next()}, {@link #start()}..{@link #end()} span the line (trimmed) and {@link #number()}
 * is its 1-based line number.
 */
final class Lines {
    private final String text;
    private int pos;
    private int number;
    private int start;
    private int end;
    private boolean empty;

    Lines(String text) {
        this.text = text;
    }

    boolean next() {
        int length = text.length();
        if (pos >= length) {
            return false;
        }
        int lineStart = pos;
        int i = pos;
        while (i < length) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                break;
            }
            i++;
        }
        int lineEnd = i;
        if (i < length) {
            i += text.charAt(i) == '\r' && i + 1 < length && text.charAt(i + 1) == '\n' ? 2 : 1;
        }
        pos = i;
        number++;
        empty = lineStart == lineEnd;
        start = Text.trimStart(text, lineStart, lineEnd);
        end = Text.trimEnd(text, start, lineEnd);
        return true;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    int number() {
        return number;
    }

    boolean blank() {
        return start == end;
    }

    /** Whether the line has no characters at all (WebVTT ends a block only at such a line, not at spaces). */
    boolean empty() {
        return empty;
    }

    String line() {
        return text.substring(start, end);
    }

    /**
     * Whether the line is a cue timing ({@code 00:00:01,000 --> 00:00:04,000}): it has the arrow
     * within its first 40 characters (a timestamp is never longer), so long lines of text are not
     * searched to their end.
     */
    boolean hasCueArrow() {
        return Text.indexOf(text, "-->", start, Math.min(end, start + 40)) >= 0;
    }
}
