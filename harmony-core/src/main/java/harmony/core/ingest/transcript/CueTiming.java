package harmony.core.ingest.transcript;

/** The {@code start --> end [settings]} line of an SRT or WebVTT cue. */
record CueTiming(long startMs, long endMs) {
    static final String ARROW = "-->";

    static CueTiming parse(String t, int s, int e, int line, String example) {
        int arrow = Text.indexOf(t, ARROW, s, e);
        int startEnd = Text.trimEnd(t, s, arrow);
        int endStart = Text.trimStart(t, arrow + ARROW.length(), e);
        int endEnd = endStart;
        while (endEnd < e && !Text.isSpace(t.charAt(endEnd))) {
            endEnd++;
        }
        long start = Timestamps.parse(t, s, startEnd, line);
        long end = Timestamps.parse(t, endStart, endEnd, line);
        if (start == Timestamps.NOT_A_TIMESTAMP || end == Timestamps.NOT_A_TIMESTAMP) {
            throw TranscriptFormatException.atLine(line, "cue timing \"" + t.substring(s, e)
                    + "\" is not valid; expected one like " + example);
        }
        if (end < start) {
            throw TranscriptFormatException.atLine(line, "the cue ends (" + t.substring(endStart, endEnd)
                    + ") before it starts (" + t.substring(s, startEnd) + ")");
        }
        return new CueTiming(start, end);
    }
}
