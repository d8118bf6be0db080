package harmony.core.ingest.transcript;

import harmony.core.domain.Transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads WebVTT ({@code .vtt}) captions: the {@code WEBVTT} header, cues with optional identifiers
 * and cue settings, {@code NOTE}, {@code STYLE} and {@code REGION} blocks skipped. Speakers come
 * from voice tags ({@code <v Dana Reyes>}, as Teams writes them) or {@code Name:} prefixes (as Zoom
 * writes them). YouTube's automatic captions, where each cue repeats the line before it while the
 * next one rolls in, are consolidated so every line is kept once.
 */
public final class WebVttReader {
    static final String EXAMPLE = "00:00:01.000 --> 00:00:04.000";
    private static final String SIGNATURE = "WEBVTT";

    public Transcript read(String text) {
        text = Text.stripBom(text);
        Lines lines = new Lines(text);
        if (!lines.next() || !looksLike(text)) {
            throw TranscriptFormatException.atLine(1, "a WebVTT file starts with WEBVTT");
        }
        TranscriptDraft draft = new TranscriptDraft();
        Cues cues = new Cues(draft, text.contains("><c>"));
        State state = State.HEADER;
        List<String> cue = new ArrayList<>();
        CueTiming timing = null;
        String identifier = null;
        int identifierLine = 0;
        while (lines.next()) {
            boolean blank = lines.empty() || (state != State.CUE && lines.blank());
            if (state == State.HEADER || state == State.SKIP) {
                if (blank) {
                    state = State.BETWEEN;
                }
                continue;
            }
            if (blank) {
                if (state == State.CUE) {
                    cues.add(timing, cue);
                    cue.clear();
                    state = State.BETWEEN;
                }
                if (identifier != null) {
                    cues.stray(identifier, identifierLine);
                    identifier = null;
                }
            } else if (lines.hasCueArrow()) {
                if (state == State.CUE) {
                    cues.add(timing, cue);
                    cue.clear();
                }
                timing = CueTiming.parse(text, lines.start(), lines.end(), lines.number(), EXAMPLE);
                identifier = null;
                state = State.CUE;
            } else if (state == State.CUE) {
                cue.add(lines.line());
            } else if (identifier == null && isBlockKeyword(text, lines.start(), lines.end(), cues.none())) {
                state = State.SKIP;
            } else {
                if (identifier != null) {
                    cues.stray(identifier, identifierLine);
                }
                identifier = lines.line();
                identifierLine = lines.number();
            }
        }
        if (state == State.CUE) {
            cues.add(timing, cue);
        }
        if (identifier != null) {
            cues.stray(identifier, identifierLine);
        }
        return draft.build();
    }

    /** Whether the text starts with the WebVTT signature (after a BOM). */
    static boolean looksLike(String text) {
        text = Text.stripBom(text);
        if (!text.startsWith(SIGNATURE)) {
            return false;
        }
        if (text.length() == SIGNATURE.length()) {
            return true;
        }
        char c = text.charAt(SIGNATURE.length());
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    private enum State { HEADER, BETWEEN, CUE, SKIP }

    /** NOTE, STYLE and REGION open blocks to skip; STYLE and REGION only before the first cue. */
    private static boolean isBlockKeyword(String t, int s, int e, boolean beforeFirstCue) {
        return keyword(t, s, e, "NOTE")
                || (beforeFirstCue && (keyword(t, s, e, "STYLE") || keyword(t, s, e, "REGION")));
    }

    private static boolean keyword(String t, int s, int e, String word) {
        return Text.startsWith(t, s, e, word) && (e == s + word.length() || Text.isSpace(t.charAt(s + word.length())));
    }

    /** Feeds cues to {@link CueTurns}, dropping the lines YouTube's rolling captions repeat. */
    private static final class Cues {
        private final TranscriptDraft draft;
        private final CueTurns turns;
        private final boolean rolling;
        /** The last lines of the cue before: all a rolling caption ever repeats (YouTube rolls two). */
        private List<String> previous = List.of();
        private static final int ROLLING_LINES = 3;
        private boolean any;

        Cues(TranscriptDraft draft, boolean rolling) {
            this.draft = draft;
            this.turns = new CueTurns(draft);
            this.rolling = rolling;
        }

        boolean none() {
            return !any;
        }

        void add(CueTiming timing, List<String> lines) {
            any = true;
            if (!rolling) {
                turns.cue(timing, lines, true);
                return;
            }
            List<String> cleaned = new ArrayList<>(lines.size());
            List<String> kept = new ArrayList<>(lines.size());
            boolean repeating = true;
            for (String line : lines) {
                String clean = CueText.clean(line);
                if (clean.isEmpty()) {
                    continue;
                }
                cleaned.add(clean);
                if (repeating && previous.contains(clean)) {
                    continue;
                }
                repeating = false;
                kept.add(line);
            }
            previous = cleaned.subList(Math.max(0, cleaned.size() - ROLLING_LINES), cleaned.size());
            if (kept.isEmpty()) {
                draft.extendLastTurn(timing.endMs());
            } else {
                turns.cue(timing, kept, true);
            }
        }

        /** Text outside any cue: more of the cue before it (a blank line inside a cue), else an error. */
        void stray(String line, int number) {
            if (!any) {
                throw TranscriptFormatException.atLine(number, "expected a cue timing like " + EXAMPLE);
            }
            String more = CueText.clean(line);
            if (!more.isEmpty() && draft.turnCount() > 0) {
                draft.appendToLastTurn(more, ' ');
            }
        }
    }
}
