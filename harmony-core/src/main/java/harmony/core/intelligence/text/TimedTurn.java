package harmony.core.intelligence.text;

/** A transcript turn with times (given, or estimated when the transcript has none) and its word count. */
public record TimedTurn(int index, String speaker, long startMs, long endMs, String text, int words) {

    public long durationMs() {
        return endMs - startMs;
    }
}
