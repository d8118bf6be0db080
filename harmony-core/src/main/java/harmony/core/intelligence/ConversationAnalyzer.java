package harmony.core.intelligence;

import harmony.core.intelligence.extraction.Extraction;
import harmony.core.intelligence.extraction.Extractor;
import harmony.core.intelligence.extraction.RuleBasedExtractor;
import harmony.core.intelligence.goals.DefaultGoalEvaluator;
import harmony.core.intelligence.goals.GoalEvaluator;
import harmony.core.intelligence.insights.DefaultInsightGenerator;
import harmony.core.intelligence.insights.InsightGenerator;
import harmony.core.intelligence.metrics.Metrics;
import harmony.core.intelligence.metrics.MetricsCalculator;
import harmony.core.intelligence.metrics.TurnMetricsCalculator;
import harmony.core.intelligence.projects.Project;
import harmony.core.intelligence.scoring.ScorecardEvaluator;
import harmony.core.intelligence.scoring.WeightedScorecardEvaluator;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Runs the intelligence stages, one method per pipeline stage, each returning the analysis with its
 * own part replaced. {@code projects} are the projects the conversation belongs to
 * ({@link Project#applicableTo}). Every stage's logic is replaceable through the builder.
 */
public final class ConversationAnalyzer {
    private final Extractor extractor;
    private final MetricsCalculator metrics;
    private final InsightGenerator insights;
    private final GoalEvaluator goals;
    private final ScorecardEvaluator scorecards;

    private ConversationAnalyzer(Builder b) {
        this.extractor = b.extractor;
        this.metrics = b.metrics;
        this.insights = b.insights;
        this.goals = b.goals;
        this.scorecards = b.scorecards;
    }

    /** The defaults: rules for extraction, no language model. */
    public static ConversationAnalyzer defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Stage "extracting": summary, action items, questions, decisions and metrics. */
    public ConversationAnalysis extract(ConversationContext ctx) {
        Extraction x = extractor.extract(ctx);
        Metrics m = metrics.measure(ctx);
        return ConversationAnalysis.of(x, m);
    }

    /** Stage "generating_insights". */
    public ConversationAnalysis generateInsights(ConversationContext ctx, ConversationAnalysis a, List<Project> projects) {
        return a.withInsights(projects.stream().map(Project::id).toList(),
                insights.generate(ctx, a.extraction(), a.metrics(), projects));
    }

    /** Stage "evaluating_goals". */
    public ConversationAnalysis evaluateGoals(ConversationContext ctx, ConversationAnalysis a, List<Project> projects) {
        return a.withGoals(goals.evaluate(ctx, a.extraction(), a.metrics(), a.insights(), projects));
    }

    /** Whether stage "scoring" runs: false when no scorecard applies, and the stage is skipped. */
    public boolean scoringApplies(List<Project> projects) {
        return scorecards.applies(projects);
    }

    /** Stage "scoring". */
    public ConversationAnalysis score(ConversationContext ctx, ConversationAnalysis a, List<Project> projects) {
        return a.withScores(scorecards.score(ctx, a.extraction(), a.metrics(), a.insights(), a.goals(), projects));
    }

    /** All stages at once, for callers without a pipeline (and the benchmark). */
    public ConversationAnalysis analyze(ConversationContext ctx, List<Project> projects) {
        ConversationAnalysis a = extract(ctx);
        a = generateInsights(ctx, a, projects);
        a = evaluateGoals(ctx, a, projects);
        return scoringApplies(projects) ? score(ctx, a, projects) : a;
    }

    public static final class Builder {
        private Extractor extractor = new RuleBasedExtractor();
        private MetricsCalculator metrics = new TurnMetricsCalculator();
        private InsightGenerator insights = new DefaultInsightGenerator();
        private GoalEvaluator goals = new DefaultGoalEvaluator();
        private ScorecardEvaluator scorecards = new WeightedScorecardEvaluator();

        public Builder extractor(Extractor e) {
            extractor = requireNonNull(e);
            return this;
        }

        public Builder metrics(MetricsCalculator m) {
            metrics = requireNonNull(m);
            return this;
        }

        public Builder insights(InsightGenerator g) {
            insights = requireNonNull(g);
            return this;
        }

        public Builder goals(GoalEvaluator g) {
            goals = requireNonNull(g);
            return this;
        }

        public Builder scorecards(ScorecardEvaluator s) {
            scorecards = requireNonNull(s);
            return this;
        }

        public ConversationAnalyzer build() {
            return new ConversationAnalyzer(this);
        }
    }
}
