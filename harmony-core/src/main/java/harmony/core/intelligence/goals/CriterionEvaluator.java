package harmony.core.intelligence.goals;

import harmony.core.intelligence.ConversationContext;
import harmony.core.intelligence.Evidence;
import harmony.core.intelligence.extraction.ActionItem;
import harmony.core.intelligence.insights.InsightResult;
import harmony.core.intelligence.insights.PhraseMatcher;
import harmony.core.intelligence.rules.ActionItemsAgreed;
import harmony.core.intelligence.rules.Criterion;
import harmony.core.intelligence.rules.GoalMet;
import harmony.core.intelligence.rules.InsightHits;
import harmony.core.intelligence.rules.MetricCondition;
import harmony.core.intelligence.rules.NextMeetingBooked;
import harmony.core.intelligence.rules.PhraseTracker;
import harmony.core.intelligence.text.AnchoredPatterns;
import harmony.core.intelligence.text.Sentence;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/** Decides criteria; goals and scorecard rules both use it, so a criterion means the same everywhere. */
public final class CriterionEvaluator {
    private static final Pattern SCHEDULING = Pattern.compile(
            "\\b(?:schedul\\w*|book\\w*|set up (?:a|another|the|our) (?:call|meeting|session|demo|time)|pencil\\w* in"
                    + "|(?:calendar )?invite|follow[- ]up (?:call|meeting)|meet again|let's meet|regroup|reconvene|kick ?off call"
                    + "|dry run|next call|next meeting|catch up|see you (?:on|next)|talk again|another call)\\b");

    private static final Set<String> SCHEDULING_FIRST_WORDS = Set.of("set", "invite", "calendar", "follow", "meet", "let's",
            "regroup", "reconvene", "kick", "kickoff", "dry", "next", "catch", "see", "talk", "another");

    public static Outcome evaluate(Criterion criterion, Facts facts) {
        ConversationContext ctx = facts.context();
        if (criterion instanceof PhraseTracker t) {
            List<Evidence> hits = PhraseMatcher.hits(ctx, t);
            return new Outcome(hits.size() >= t.minHits(), hits, hits.size() + " mention(s), " + t.minHits() + " needed");
        }
        if (criterion instanceof MetricCondition c) {
            OptionalDouble v = c.metric().valueIn(facts.metrics());
            return v.isEmpty()
                    ? new Outcome(false, List.of(), c.metric().wireName() + " is not known for this conversation")
                    : new Outcome(c.holdsFor(v.getAsDouble()), List.of(), c.describe(v.getAsDouble()));
        }
        if (criterion instanceof NextMeetingBooked) {
            return nextMeetingBooked(facts);
        }
        if (criterion instanceof InsightHits h) {
            Optional<InsightResult> r = facts.insights().stream().filter(i -> i.definitionId().equals(h.insightId())).findFirst();
            if (r.isEmpty()) {
                return new Outcome(false, List.of(), "no insight " + h.insightId() + " in this project");
            }
            int n = r.get().triggered() && r.get().hits().isEmpty() ? 1 : r.get().hits().size();
            boolean met = n >= h.min() && (h.max() == null || n <= h.max());
            return new Outcome(met, r.get().hits(), r.get().name() + ": " + n + " hit(s)");
        }
        if (criterion instanceof GoalMet g) {
            Optional<GoalResult> r = facts.goals().stream().filter(x -> x.goalId().equals(g.goalId())).findFirst();
            return r.map(x -> new Outcome(x.met(), x.evidence(), x.name() + (x.met() ? " met" : " not met")))
                    .orElseGet(() -> new Outcome(false, List.of(), "no goal " + g.goalId() + " evaluated before this one"));
        }
        if (criterion instanceof ActionItemsAgreed a) {
            List<Evidence> owned = facts.extraction().actionItems().stream()
                    .filter(i -> i.ownerName() != null && i.evidence() != null).map(ActionItem::evidence).toList();
            return new Outcome(owned.size() >= a.min(), owned, owned.size() + " action item(s) with an owner, " + a.min() + " needed");
        }
        return new Outcome(false, List.of(), "unsupported criterion " + criterion.getClass().getSimpleName());
    }

    /** A scheduling phrase with a date in the same sentence, or a scheduling action item. */
    private static Outcome nextMeetingBooked(Facts facts) {
        ConversationContext ctx = facts.context();
        List<Evidence> evidence = new ArrayList<>();
        for (Sentence s : ctx.document().sentences()) {
            if (ctx.dates(s).isEmpty()) {
                continue;
            }
            String lower = s.text().toLowerCase(Locale.ROOT).replace('\u2019', '\'');
            if (AnchoredPatterns.matchesAtWord(SCHEDULING, s, lower, SCHEDULING_FIRST_WORDS, "schedul", "book", "pencil")) {
                evidence.add(ctx.evidence(s.speaker(), s.startMs(), s.text()));
            }
        }
        if (evidence.isEmpty()) {
            for (ActionItem a : facts.extraction().actionItems()) {
                if (SCHEDULING.matcher(a.text().toLowerCase(Locale.ROOT)).find() && a.evidence() != null) {
                    evidence.add(a.evidence());
                }
            }
        }
        return new Outcome(!evidence.isEmpty(), evidence,
                evidence.isEmpty() ? "no follow-up meeting was set up" : "a follow-up meeting was set up");
    }

    private CriterionEvaluator() {
    }
}
