package harmony.core.intelligence.goals;

import harmony.core.intelligence.ConversationContext;
import harmony.core.intelligence.extraction.Extraction;
import harmony.core.intelligence.insights.InsightResult;
import harmony.core.intelligence.metrics.Metrics;
import harmony.core.intelligence.projects.Goal;
import harmony.core.intelligence.projects.Project;

import java.util.ArrayList;
import java.util.List;

/** Checks each project's goals in order, with that project's insights (and its earlier goals) in view. */
public final class DefaultGoalEvaluator implements GoalEvaluator {

    @Override
    public List<GoalResult> evaluate(ConversationContext ctx, Extraction extraction, Metrics metrics,
                                     List<InsightResult> insights, List<Project> projects) {
        List<GoalResult> out = new ArrayList<>();
        for (Project p : projects) {
            List<InsightResult> own = insights.stream().filter(i -> i.projectId().equals(p.id())).toList();
            List<GoalResult> done = new ArrayList<>();
            for (Goal g : p.goals()) {
                Outcome o = CriterionEvaluator.evaluate(g.criterion(), new Facts(ctx, extraction, metrics, own, done));
                GoalResult r = new GoalResult(p.id(), g.id(), g.name(), o.met(), o.evidence(), o.detail());
                done.add(r);
                out.add(r);
            }
        }
        return out;
    }
}
