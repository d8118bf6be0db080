package harmony.core.intelligence.scoring;

import harmony.core.intelligence.Evidence;

import java.util.List;

/**
 * One scorecard rule's part of the score.
 *
 * @param points what the rule added to the 0–100 score (its weight's share when passed, else 0)
 */
public record RuleScore(String ruleId, String name, double weight, boolean passed, double points, List<Evidence> evidence,
                        String detail) {
    public RuleScore {
        evidence = List.copyOf(evidence);
    }
}
