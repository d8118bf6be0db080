package harmony.core.intelligence.scoring;

import harmony.core.intelligence.ConversationContext;
import harmony.core.intelligence.extraction.Extraction;
import harmony.core.intelligence.goals.CriterionEvaluator;
import harmony.core.intelligence.goals.Facts;
import harmony.core.intelligence.goals.GoalResult;
import harmony.core.intelligence.goals.Outcome;
import harmony.core.intelligence.insights.InsightResult;
import harmony.core.intelligence.metrics.Metrics;
import harmony.core.intelligence.projects.Project;
import harmony.core.intelligence.projects.ScoreRule;
import harmony.core.intelligence.projects.Scorecard;

import java.util.ArrayList;
import java.util.List;

/** Score = 100 × (weights of the rules passed) / (all weights), rounded; each rule's points add up to it. */
public final class WeightedScorecardEvaluator implements ScorecardEvaluator {

    @Override
    public List<ScoreResult> score(ConversationContext ctx, Extraction extraction, Metrics metrics, List<InsightResult> insights,
                                   List<GoalResult> goals, List<Project> projects) {
        List<ScoreResult> out = new ArrayList<>();
        for (Project p : projects) {
            Facts facts = new Facts(ctx, extraction, metrics,
                    insights.stream().filter(i -> i.projectId().equals(p.id())).toList(),
                    goals.stream().filter(g -> g.projectId().equals(p.id())).toList());
            for (Scorecard card : p.scorecards()) {
                double total = card.rules().stream().mapToDouble(ScoreRule::weight).sum();
                double points = 0;
                List<RuleScore> breakdown = new ArrayList<>();
                for (ScoreRule rule : card.rules()) {
                    Outcome o = CriterionEvaluator.evaluate(rule.criterion(), facts);
                    double share = o.met() ? 100.0 * rule.weight() / total : 0;
                    points += share;
                    breakdown.add(new RuleScore(rule.id(), rule.name(), rule.weight(), o.met(),
                            Math.round(share * 10) / 10.0, o.evidence(), o.detail()));
                }
                out.add(new ScoreResult(p.id(), card.id(), card.name(), (int) Math.round(Math.min(100, points)), breakdown));
            }
        }
        return out;
    }
}
