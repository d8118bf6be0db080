package harmony.core.ingest.transcript;

import harmony.core.domain.Speaker;
import harmony.core.domain.Transcript;
import harmony.core.domain.Turn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects speakers (in order of first appearance) and turns while a reader scans, then builds the
 * immutable {@link Transcript}. A turn whose end is not known ends where the next one starts.
 */
final class TranscriptDraft {
    /** The label of the one speaker a source without speakers has. */
    static final String UNKNOWN_SPEAKER = "S1";
    static final long UNKNOWN_END = -1;

    private final Map<String, Speaker> speakers = new LinkedHashMap<>();
    private final List<String> labels = new ArrayList<>();
    /** Each turn's text: a String, or a StringBuilder once lines were appended to it. */
    private final List<CharSequence> texts = new ArrayList<>();
    private long[] starts = new long[16];
    private long[] ends = new long[16];

    /** Adds the speaker unless one with its label is there already; returns its label. */
    String speaker(Speaker speaker) {
        speakers.putIfAbsent(speaker.label(), speaker);
        return speaker.label();
    }

    /** A speaker known only by the name the source writes, which is also its label. */
    String speakerNamed(String name) {
        Speaker known = speakers.get(name);
        return known != null ? known.label() : speaker(Speaker.named(name, name));
    }

    String unknownSpeaker() {
        return speaker(Speaker.unnamed(UNKNOWN_SPEAKER));
    }

    /** Adds a turn; {@code endMs} may be {@link #UNKNOWN_END}. */
    void turn(String label, long startMs, long endMs, CharSequence text) {
        int n = labels.size();
        if (n == starts.length) {
            starts = java.util.Arrays.copyOf(starts, n * 2);
            ends = java.util.Arrays.copyOf(ends, n * 2);
        }
        labels.add(label);
        texts.add(text.toString());
        starts[n] = Math.max(0, startMs);
        ends[n] = endMs;
    }

    int turnCount() {
        return labels.size();
    }

    String lastSpeaker() {
        return labels.isEmpty() ? null : labels.get(labels.size() - 1);
    }

    /** Appends a line to the last turn's text. */
    void appendToLastTurn(CharSequence text, char separator) {
        int index = texts.size() - 1;
        CharSequence current = texts.get(index);
        StringBuilder last = current instanceof StringBuilder sb ? sb : new StringBuilder(current);
        texts.set(index, last);
        if (last.length() > 0) {
            last.append(separator);
        }
        last.append(text);
    }

    /** Stretches the last turn to end no earlier than {@code endMs}. */
    void extendLastTurn(long endMs) {
        int last = labels.size() - 1;
        if (last >= 0 && endMs > ends[last]) {
            ends[last] = endMs;
        }
    }

    Transcript build() {
        List<Turn> turns = new ArrayList<>(labels.size());
        int n = labels.size();
        for (int i = 0; i < n; i++) {
            String text = texts.get(i).toString().strip();
            if (text.isEmpty()) {
                continue;
            }
            long start = starts[i];
            long end = ends[i];
            if (end == UNKNOWN_END) {
                end = i + 1 < n ? starts[i + 1] : start;
            }
            turns.add(new Turn(labels.get(i), start, Math.max(start, end), text));
        }
        return new Transcript(List.copyOf(speakers.values()), turns);
    }
}
