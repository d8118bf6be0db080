package harmony.core.ingest.transcript;

import harmony.core.domain.Transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads SubRip ({@code .srt}) subtitles: numbered cues with {@code 00:00:01,000 --> 00:00:04,000}
 * timings, speakers as {@code Name:} prefixes (see {@link CueTurns}), formatting tags dropped.
 * Forgives what real files get wrong: a missing number, a missing blank line, a blank line inside
 * a cue's text, {@code .} instead of {@code ,}.
 */
public final class SrtReader {
    static final String EXAMPLE = "00:00:01,000 --> 00:00:04,000";

    public Transcript read(String text) {
        text = Text.stripBom(text);
        TranscriptDraft draft = new TranscriptDraft();
        CueTurns turns = new CueTurns(draft);
        Lines lines = new Lines(text);
        List<String> cue = new ArrayList<>();
        CueTiming timing = null;
        boolean inCue = false;
        while (lines.next()) {
            if (lines.blank()) {
                if (inCue) {
                    turns.cue(timing, cue, false);
                    cue.clear();
                    inCue = false;
                }
            } else if (lines.hasCueArrow()) {
                if (inCue) {
                    dropTrailingNumber(cue);
                    turns.cue(timing, cue, false);
                    cue.clear();
                }
                timing = CueTiming.parse(text, lines.start(), lines.end(), lines.number(), EXAMPLE);
                inCue = true;
            } else if (inCue) {
                cue.add(lines.line());
            } else if (!isNumber(text, lines.start(), lines.end())) {
                if (timing == null) {
                    throw TranscriptFormatException.atLine(lines.number(),
                            "expected a subtitle number or a timing like " + EXAMPLE);
                }
                String more = CueText.clean(lines.line());
                if (!more.isEmpty() && draft.turnCount() > 0) {
                    draft.appendToLastTurn(more, ' ');
                }
            }
        }
        if (inCue) {
            turns.cue(timing, cue, false);
        }
        return draft.build();
    }

    /** Whether the text looks like SRT: its first line is a cue number or timing, then a timing. */
    static boolean looksLike(String text) {
        text = Text.stripBom(text);
        Lines lines = new Lines(text);
        int seen = 0;
        while (lines.next() && seen < 2) {
            if (lines.blank()) {
                continue;
            }
            if (lines.hasCueArrow()) {
                return Timestamps.isTimestampChar(text.charAt(lines.start()));
            }
            if (!isNumber(text, lines.start(), lines.end())) {
                return false;
            }
            seen++;
        }
        return false;
    }

    /** Without a blank line before it, the next cue's number ends up in this cue's text. */
    private static void dropTrailingNumber(List<String> cue) {
        if (!cue.isEmpty()) {
            String last = cue.get(cue.size() - 1);
            if (isNumber(last, 0, last.length())) {
                cue.remove(cue.size() - 1);
            }
        }
    }

    static boolean isNumber(String s, int from, int to) {
        if (from == to || to - from > 9) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!Text.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
