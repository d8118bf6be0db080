package harmony.core.ingest.transcript;

import harmony.core.domain.Transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads pasted or exported plain-text transcripts. Recognises, line by line:
 * <ul>
 *   <li>{@code Name: text} and {@code [00:01:02] Name: text} (also {@code 00:01:02 Name: text},
 *       {@code Name (00:01): text});</li>
 *   <li>a header line followed by the text, as Otter, Teams and Zoom copy-paste give it:
 *       {@code Name  0:05}, {@code Name (00:01)}, {@code [Name] 14:02:11}, or a name on one line and
 *       its time on the next;</li>
 *   <li>a timestamp alone on a line (Google Meet) as the time of the turns that follow;</li>
 *   <li>further lines as more of the same turn.</li>
 * </ul>
 * A text with no such structure is one unknown speaker whose paragraphs are the turns: plain text
 * is never rejected for being unstructured. The only error is an impossible timestamp where the
 * structure puts one.
 */
public final class PlainTextReader {
    private static final int MAX_HEADER = 80;

    public Transcript read(String text) {
        text = Text.stripBom(text);
        List<Line> lines = classify(text);
        joinNameThenTimeHeaders(text, lines);
        int speakerLines = 0;
        Line first = null;
        for (Line line : lines) {
            if (line.kind == Kind.SPEAKER) {
                speakerLines++;
            }
            if (first == null && line.kind != Kind.BLANK) {
                first = line;
            }
        }
        boolean structured = speakerLines >= 2 || (first != null && first.kind == Kind.SPEAKER);
        return structured ? turns(text, lines) : paragraphs(text, lines);
    }

    private static Transcript turns(String source, List<Line> lines) {
        TranscriptDraft draft = new TranscriptDraft();
        long cursor = 0;
        for (Line line : lines) {
            switch (line.kind) {
                case BLANK -> {
                }
                case TIME -> cursor = line.timeMs;
                case SPEAKER -> {
                    if (line.timeMs >= 0) {
                        cursor = line.timeMs;
                    }
                    draft.turn(draft.speakerNamed(line.name), cursor, TranscriptDraft.UNKNOWN_END, line.text);
                }
                case TEXT -> {
                    if (draft.turnCount() == 0) {
                        draft.turn(draft.unknownSpeaker(), cursor, TranscriptDraft.UNKNOWN_END, line.raw(source));
                    } else {
                        draft.appendToLastTurn(line.raw(source), '\n');
                    }
                }
            }
        }
        return draft.build();
    }

    private static Transcript paragraphs(String source, List<Line> lines) {
        TranscriptDraft draft = new TranscriptDraft();
        boolean inParagraph = false;
        for (Line line : lines) {
            if (line.kind == Kind.BLANK) {
                inParagraph = false;
            } else if (inParagraph) {
                draft.appendToLastTurn(line.raw(source), '\n');
            } else {
                draft.turn(draft.unknownSpeaker(), 0, 0, line.raw(source));
                inParagraph = true;
            }
        }
        return draft.build();
    }

    /** {@code Dana Reyes} on one line and {@code 0:05} on the next (Teams, Meet) is one header. */
    private static void joinNameThenTimeHeaders(String source, List<Line> lines) {
        for (int i = 1; i < lines.size(); i++) {
            Line time = lines.get(i);
            Line name = lines.get(i - 1);
            if (time.kind == Kind.TIME && name.kind == Kind.TEXT
                    && (i == 1 || lines.get(i - 2).kind == Kind.BLANK)
                    && SpeakerNames.isName(source, name.start, name.end)) {
                lines.set(i - 1, new Line(Kind.SPEAKER, name.start, name.end, name.raw(source), time.timeMs, ""));
                lines.set(i, Line.BLANK);
            }
        }
    }

    private enum Kind { BLANK, TEXT, TIME, SPEAKER }

    /** One classified line: {@code start..end} spans the trimmed line, the rest is what its kind carries. */
    private record Line(Kind kind, int start, int end, String name, long timeMs, String text) {
        static final Line BLANK = new Line(Kind.BLANK, 0, 0, null, -1, null);

        static Line text(int start, int end) {
            return new Line(Kind.TEXT, start, end, null, -1, null);
        }

        String raw(String source) {
            return source.substring(start, end);
        }
    }

    private static List<Line> classify(String text) {
        List<Line> out = new ArrayList<>();
        Lines lines = new Lines(text);
        while (lines.next()) {
            out.add(classify(text, lines.start(), lines.end(), lines.number()));
        }
        return out;
    }

    private static Line classify(String t, int s, int e, int lineNo) {
        if (s == e) {
            return Line.BLANK;
        }
        int p = s;
        long lead = Timestamps.NOT_A_TIMESTAMP;
        int leadStart = s;
        int leadEnd = s;
        char c = t.charAt(p);
        if (c == '[' || c == '(') {
            int close = closing(t, p, e, c == '[' ? ']' : ')');
            if (close > 0) {
                leadStart = Text.trimStart(t, p + 1, close);
                leadEnd = Text.trimEnd(t, leadStart, close);
                lead = Timestamps.parse(t, leadStart, leadEnd);
                if (lead != Timestamps.NOT_A_TIMESTAMP) {
                    p = close + 1;
                }
            }
        } else if (Text.isDigit(c)) {
            int q = p;
            while (q < e && Timestamps.isTimestampChar(t.charAt(q))) {
                q++;
            }
            if (q == e || Text.isSpace(t.charAt(q))) {
                lead = Timestamps.parse(t, p, q);
                if (lead != Timestamps.NOT_A_TIMESTAMP) {
                    leadStart = p;
                    leadEnd = q;
                    p = q;
                }
            }
        }
        p = skipSeparators(t, p, e);
        if (p == e) {
            if (lead == Timestamps.INVALID) {
                throw Timestamps.invalid(t, leadStart, leadEnd, lineNo);
            }
            return lead >= 0 ? new Line(Kind.TIME, s, e, null, lead, null) : Line.text(s, e);
        }
        if (lead == Timestamps.NOT_A_TIMESTAMP && t.charAt(p) == '[') {
            Line zoom = bracketedNameThenTime(t, s, p, e, lineNo);
            if (zoom != null) {
                return zoom;
            }
        }

        int colon = -1;
        int limit = Math.min(e, p + MAX_HEADER);
        for (int i = p; i < limit; i++) {
            if (t.charAt(i) == ':'
                    && !(i > p && Text.isDigit(t.charAt(i - 1)) && i + 1 < e && Text.isDigit(t.charAt(i + 1)))) {
                colon = i;
                break;
            }
        }
        if (colon < 0 && e - p > MAX_HEADER) {
            return Line.text(s, e);
        }
        int headerEnd = Text.trimEnd(t, p, colon >= 0 ? colon : e);
        if (headerEnd == p) {
            return Line.text(s, e);
        }

        long trail = Timestamps.NOT_A_TIMESTAMP;
        int trailStart = headerEnd;
        int trailEnd = headerEnd;
        boolean separated = false;
        int nameEnd = headerEnd;
        char last = t.charAt(headerEnd - 1);
        if (last == ')' || last == ']') {
            char openChar = last == ')' ? '(' : '[';
            int open = headerEnd - 2;
            while (open >= p && t.charAt(open) != openChar) {
                open--;
            }
            if (open >= p) {
                trailStart = Text.trimStart(t, open + 1, headerEnd - 1);
                trailEnd = Text.trimEnd(t, trailStart, headerEnd - 1);
                trail = Timestamps.parse(t, trailStart, trailEnd);
                if (trail != Timestamps.NOT_A_TIMESTAMP) {
                    nameEnd = open;
                    separated = true;
                }
            }
        } else if (Text.isDigit(last)) {
            int r = headerEnd;
            while (r > p && Timestamps.isTimestampChar(t.charAt(r - 1))) {
                r--;
            }
            if (r > p && Text.isSpace(t.charAt(r - 1))) {
                trail = Timestamps.parse(t, r, headerEnd);
                if (trail != Timestamps.NOT_A_TIMESTAMP) {
                    trailStart = r;
                    nameEnd = r;
                    separated = r - 2 >= p && (Text.isSpace(t.charAt(r - 2)) || t.charAt(r - 1) == '\t');
                }
            }
        }
        int beforeSeparators = Text.trimEnd(t, p, nameEnd);
        nameEnd = trimSeparatorsEnd(t, p, nameEnd);
        separated |= nameEnd < beforeSeparators;
        if (!SpeakerNames.isName(t, p, nameEnd)) {
            return Line.text(s, e);
        }
        String name = t.substring(p, nameEnd);
        if (colon >= 0) {
            int textStart = Text.trimStart(t, colon + 1, e);
            if (Text.startsWith(t, colon + 1, e, "//")) {
                return Line.text(s, e);
            }
            long time = trail != Timestamps.NOT_A_TIMESTAMP ? trail : lead;
            if (time == Timestamps.INVALID) {
                throw trail == Timestamps.INVALID ? Timestamps.invalid(t, trailStart, trailEnd, lineNo)
                        : Timestamps.invalid(t, leadStart, leadEnd, lineNo);
            }
            return new Line(Kind.SPEAKER, s, e, name, time, t.substring(textStart, e));
        }
        if (trail == Timestamps.NOT_A_TIMESTAMP || lead != Timestamps.NOT_A_TIMESTAMP
                || !(separated || hasSeveralWords(t, p, nameEnd))) {
            return Line.text(s, e);
        }
        if (trail == Timestamps.INVALID) {
            throw Timestamps.invalid(t, trailStart, trailEnd, lineNo);
        }
        return new Line(Kind.SPEAKER, s, e, name, trail, "");
    }

    /** Zoom's saved transcript: {@code [Dana Reyes] 14:02:11} on its own line. */
    private static Line bracketedNameThenTime(String t, int s, int p, int e, int lineNo) {
        int close = closing(t, p, e, ']');
        if (close < 0) {
            return null;
        }
        int nameStart = Text.trimStart(t, p + 1, close);
        int nameEnd = Text.trimEnd(t, nameStart, close);
        int timeStart = Text.trimStart(t, close + 1, e);
        long time = Timestamps.parse(t, timeStart, e);
        if (time == Timestamps.NOT_A_TIMESTAMP || !SpeakerNames.isName(t, nameStart, nameEnd)) {
            return null;
        }
        if (time == Timestamps.INVALID) {
            throw Timestamps.invalid(t, timeStart, e, lineNo);
        }
        return new Line(Kind.SPEAKER, s, e, t.substring(nameStart, nameEnd), time, "");
    }

    /** The index of {@code close} within the next few characters after {@code open}, else -1. */
    private static int closing(String t, int open, int e, char close) {
        int limit = Math.min(e, open + 2 + SpeakerNames.MAX_LENGTH);
        for (int i = open + 1; i < limit; i++) {
            if (t.charAt(i) == close) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isSeparator(char c) {
        return Text.isSpace(c) || c == '-' || c == '|' || c == '\u2013' || c == '\u2014' || c == '\u2022'
                || c == '\u00B7';
    }

    private static int skipSeparators(String t, int p, int e) {
        while (p < e && isSeparator(t.charAt(p))) {
            p++;
        }
        return p;
    }

    private static int trimSeparatorsEnd(String t, int p, int end) {
        while (end > p && isSeparator(t.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static boolean hasSeveralWords(String t, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Text.isSpace(t.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
