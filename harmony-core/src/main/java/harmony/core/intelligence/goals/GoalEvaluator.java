package harmony.core.intelligence.goals;

import harmony.core.intelligence.ConversationContext;
import harmony.core.intelligence.extraction.Extraction;
import harmony.core.intelligence.insights.InsightResult;
import harmony.core.intelligence.metrics.Metrics;
import harmony.core.intelligence.projects.Project;

import java.util.List;

/** The goal stage's logic: checks the goals of the given projects. */
@FunctionalInterface
public interface GoalEvaluator {
    List<GoalResult> evaluate(ConversationContext context, Extraction extraction, Metrics metrics,
                              List<InsightResult> insights, List<Project> projects);
}
