package harmony.core.intelligence.scoring;

import harmony.core.intelligence.ConversationContext;
import harmony.core.intelligence.extraction.Extraction;
import harmony.core.intelligence.goals.GoalResult;
import harmony.core.intelligence.insights.InsightResult;
import harmony.core.intelligence.metrics.Metrics;
import harmony.core.intelligence.projects.Project;

import java.util.List;

/** The scoring stage's logic. */
public interface ScorecardEvaluator {

    List<ScoreResult> score(ConversationContext context, Extraction extraction, Metrics metrics, List<InsightResult> insights,
                            List<GoalResult> goals, List<Project> projects);

    /** Whether the stage runs at all: some project of the conversation has a scorecard. */
    default boolean applies(List<Project> projects) {
        return projects.stream().anyMatch(p -> !p.scorecards().isEmpty());
    }
}
