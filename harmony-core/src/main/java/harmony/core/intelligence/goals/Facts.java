package harmony.core.intelligence.goals;

import harmony.core.intelligence.ConversationContext;
import harmony.core.intelligence.extraction.Extraction;
import harmony.core.intelligence.insights.InsightResult;
import harmony.core.intelligence.metrics.Metrics;

import java.util.List;

/** What criteria are decided on: the conversation and the earlier stages' results for one project. */
public record Facts(ConversationContext context, Extraction extraction, Metrics metrics, List<InsightResult> insights,
                    List<GoalResult> goals) {
    public Facts {
        insights = List.copyOf(insights);
        goals = List.copyOf(goals);
    }
}
