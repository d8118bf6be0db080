package harmony.core.intelligence.rules;

import static java.util.Objects.requireNonNull;

/** Met when a goal of the same project is met; for scorecard rules (and goals that build on earlier goals). */
public record GoalMet(String goalId) implements Criterion {
    public GoalMet {
        requireNonNull(goalId, "goalId");
    }
}
