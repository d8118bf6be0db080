package harmony.core.intelligence.rules;

import harmony.core.intelligence.Side;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Finds phrases as whole words: each phrase is one variant ("price", "pricing", "how much"); a
 * trailing {@code *} matches any word starting so ("discount*"); with {@code stemming} the words
 * match across forms ("prices" finds "pricing"). As a criterion it is met at {@code minHits} hits.
 *
 * @param stemming match word forms (the default, also when null)
 * @param side     only words said by this side count; null for anyone
 */
public record PhraseTracker(List<String> phrases, Boolean stemming, Side side, int minHits) implements Detector, Criterion {
    public PhraseTracker {
        requireNonNull(phrases, "phrases");
        phrases = List.copyOf(phrases);
        if (phrases.isEmpty() || phrases.stream().anyMatch(p -> p == null || p.isBlank())) {
            throw new IllegalArgumentException("a phrase tracker needs at least one non-blank phrase");
        }
        if (stemming == null) {
            stemming = Boolean.TRUE;
        }
        if (minHits < 1) {
            minHits = 1;
        }
    }

    /** Stemmed, any side, one hit. */
    public static PhraseTracker of(String... phrases) {
        return new PhraseTracker(List.of(phrases), true, null, 1);
    }

    public PhraseTracker saidBy(Side who) {
        return new PhraseTracker(phrases, stemming, who, minHits);
    }

    public PhraseTracker atLeast(int hits) {
        return new PhraseTracker(phrases, stemming, side, hits);
    }

    public PhraseTracker exact() {
        return new PhraseTracker(phrases, false, side, minHits);
    }
}
