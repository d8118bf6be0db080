package harmony.core.intelligence.projects;

import harmony.core.intelligence.rules.Criterion;

import static java.util.Objects.requireNonNull;

/** One line of a scorecard: a criterion and how much it weighs. */
public record ScoreRule(String id, String name, double weight, Criterion criterion) {
    public ScoreRule {
        requireNonNull(id, "id");
        requireNonNull(name, "name");
        requireNonNull(criterion, "criterion");
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("the weight of rule " + id + " must be above 0");
        }
    }
}
