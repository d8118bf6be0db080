package harmony.core.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Who spoke and what they said, in order. Every turn names a speaker in {@link #speakers()}. */
public record Transcript(List<Speaker> speakers, List<Turn> turns) {
    public static final Transcript EMPTY = new Transcript(List.of(), List.of());

    public Transcript {
        speakers = List.copyOf(speakers);
        turns = List.copyOf(turns);
        Map<String, Speaker> byLabel = new LinkedHashMap<>();
        for (Speaker s : speakers) {
            if (byLabel.put(s.label(), s) != null) {
                throw new IllegalArgumentException("duplicate speaker label " + s.label());
            }
        }
        for (Turn t : turns) {
            if (!byLabel.containsKey(t.speaker())) {
                throw new IllegalArgumentException("turn names unknown speaker " + t.speaker());
            }
        }
    }

    public Optional<Speaker> speaker(String label) {
        return speakers.stream().filter(s -> s.label().equals(label)).findFirst();
    }

    /** A copy with one speaker replaced (same label). */
    public Transcript withSpeaker(Speaker replacement) {
        if (speaker(replacement.label()).isEmpty()) {
            throw new IllegalArgumentException("no speaker " + replacement.label());
        }
        return new Transcript(
                speakers.stream().map(s -> s.label().equals(replacement.label()) ? replacement : s).toList(), turns);
    }

    /** All turn texts joined, for search and word counts. */
    public String fullText() {
        StringBuilder sb = new StringBuilder();
        for (Turn t : turns) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(t.text());
        }
        return sb.toString();
    }

    public boolean isEmpty() {
        return turns.isEmpty();
    }
}
