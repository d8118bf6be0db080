package harmony.core.intelligence.metrics;

/** One speaker talking without a real interruption (short back-channels by others don't count). */
public record Monologue(String speaker, String speakerName, long startMs, long durationMs) {
}
