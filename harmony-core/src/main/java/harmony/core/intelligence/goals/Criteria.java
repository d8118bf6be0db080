package harmony.core.intelligence.goals;

import harmony.core.intelligence.rules.ActionItemsAgreed;
import harmony.core.intelligence.rules.GoalMet;
import harmony.core.intelligence.rules.InsightHits;
import harmony.core.intelligence.rules.MetricCondition;
import harmony.core.intelligence.rules.NextMeetingBooked;
import harmony.core.intelligence.rules.PhraseTracker;
import harmony.core.intelligence.metrics.Metric;

/** Ready-made criteria for common goals. */
public final class Criteria {

    public static NextMeetingBooked nextMeetingBooked() {
        return new NextMeetingBooked();
    }

    /** Prices, discounts, quotes, budgets or money were talked about. */
    public static PhraseTracker pricingDiscussed() {
        return PhraseTracker.of("price", "pricing", "cost", "discount*", "quote", "budget", "per seat", "per month",
                "per user", "a year", "dollar*", "euro*", "invoice", "renewal");
    }

    public static PhraseTracker mentioned(String... phrases) {
        return PhraseTracker.of(phrases);
    }

    public static InsightHits insightAtLeast(String insightId, int hits) {
        return InsightHits.atLeast(insightId, hits);
    }

    public static MetricCondition atLeast(Metric metric, double min) {
        return MetricCondition.atLeast(metric, min);
    }

    public static MetricCondition atMost(Metric metric, double max) {
        return MetricCondition.atMost(metric, max);
    }

    public static GoalMet goal(String goalId) {
        return new GoalMet(goalId);
    }

    public static ActionItemsAgreed actionItems(int min) {
        return new ActionItemsAgreed(min);
    }

    private Criteria() {
    }
}
