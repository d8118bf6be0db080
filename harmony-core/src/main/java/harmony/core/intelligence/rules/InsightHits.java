package harmony.core.intelligence.rules;

import static java.util.Objects.requireNonNull;

/**
 * Met when an Insight Definition of the same project fired at least {@code min} times (and at most
 * {@code max} when set: "competitors mentioned at most 0 times" rewards not hearing about them).
 */
public record InsightHits(String insightId, int min, Integer max) implements Criterion {
    public InsightHits {
        requireNonNull(insightId, "insightId");
        if (min < 0 || max != null && max < min) {
            throw new IllegalArgumentException("invalid hit bounds for insight " + insightId);
        }
    }

    public static InsightHits atLeast(String insightId, int min) {
        return new InsightHits(insightId, min, null);
    }

    public static InsightHits none(String insightId) {
        return new InsightHits(insightId, 0, 0);
    }
}
