package harmony.core.ingest.transcript;

import java.util.List;

/**
 * Turns subtitle cues into turns. A cue line names its speaker with a WebVTT voice tag
 * ({@code <v Dana>}) or a {@code Name:} prefix (also after a dialogue dash {@code -} or {@code >>});
 * a line that names none continues the current speaker, as captions only mark a change. Several
 * speakers in one cue give several turns with the cue's times.
 */
final class CueTurns {
    private final TranscriptDraft draft;
    private String currentSpeaker;

    CueTurns(TranscriptDraft draft) {
        this.draft = draft;
    }

    void cue(CueTiming timing, List<String> rawLines, boolean voiceTags) {
        String segmentSpeaker = null;
        Segment segment = new Segment();
        for (String raw : rawLines) {
            String name = voiceTags ? CueText.voice(raw) : null;
            String text = CueText.clean(raw);
            if (name == null) {
                int from = dialogueMarkEnd(text);
                int colon = SpeakerNames.prefixColon(text, from, text.length());
                if (colon >= 0) {
                    name = text.substring(from, Text.trimEnd(text, from, colon));
                    text = text.substring(Text.trimStart(text, colon + 1, text.length()));
                }
            }
            if (name != null && !name.equals(segmentSpeaker)) {
                emit(timing, segmentSpeaker, segment);
                segmentSpeaker = name;
            }
            if (!text.isEmpty()) {
                segment.add(text);
            }
        }
        emit(timing, segmentSpeaker, segment);
    }

    /** The lines of one speaker's part of a cue; most cues have one line, kept without copying. */
    private static final class Segment {
        private String first;
        private StringBuilder more;

        void add(String line) {
            if (first == null) {
                first = line;
            } else {
                if (more == null) {
                    more = new StringBuilder(first);
                }
                more.append(' ').append(line);
            }
        }

        boolean isEmpty() {
            return first == null;
        }

        CharSequence text() {
            return more != null ? more : first;
        }

        void clear() {
            first = null;
            more = null;
        }
    }

    private void emit(CueTiming timing, String name, Segment segment) {
        if (segment.isEmpty()) {
            return;
        }
        String label = name != null ? draft.speakerNamed(name)
                : currentSpeaker != null ? currentSpeaker : draft.unknownSpeaker();
        draft.turn(label, timing.startMs(), timing.endMs(), segment.text());
        currentSpeaker = label;
        segment.clear();
    }

    /** Skips a leading dialogue dash or {@code >>} of broadcast captions. */
    private static int dialogueMarkEnd(String text) {
        int i = 0;
        if (text.startsWith(">>")) {
            i = 2;
        } else if (text.startsWith("- ") || text.startsWith("\u2013 ")) {
            i = 1;
        }
        return Text.trimStart(text, i, text.length());
    }
}
