package harmony.core.domain;

import static java.util.Objects.requireNonNull;

/** One speaker's uninterrupted stretch of talk. Times are milliseconds from the start, 0 when unknown. */
public record Turn(String speaker, long startMs, long endMs, String text) {
    public Turn {
        requireNonNull(speaker, "speaker");
        requireNonNull(text, "text");
        if (startMs < 0 || endMs < startMs) {
            throw new IllegalArgumentException("invalid turn times " + startMs + ".." + endMs);
        }
    }
}
