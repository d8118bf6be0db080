package harmony.core.intelligence.scoring;

import java.util.List;

/** A scorecard applied to a conversation: the score (0–100, the weighted share of rules passed) and why. */
public record ScoreResult(String projectId, String scorecardId, String name, int score, List<RuleScore> breakdown) {
    public ScoreResult {
        breakdown = List.copyOf(breakdown);
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be within 0..100: " + score);
        }
    }
}
