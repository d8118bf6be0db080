package harmony.core.intelligence.extraction;

import harmony.core.intelligence.ConversationContext;
import harmony.core.intelligence.text.AnchoredPatterns;
import harmony.core.intelligence.text.Sentence;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The default extractor: needs nothing but the transcript and runs in milliseconds. Action items
 * come from speech patterns (see {@link ActionItemFinder}), the summary is extractive, questions are
 * sentences asked as questions, decisions are sentences that settle something.
 */
public final class RuleBasedExtractor implements Extractor {
    private static final Pattern DECISION = Pattern.compile(
            "\\b(?:let's go with|we'll go with|we're going with|we will go with|let's (?:move|push|keep|stick with|use|rotate|timebox|drop|cut|plan on|not)"
                    + "|we(?: have|'ve)? decided|we agreed|it's decided|the decision is|we'll stick with|we're moving forward|approved"
                    + "|that's settled|it's a deal|we have a deal|final answer)\\b");

    /** The words a decision phrase can start with. */
    private static final java.util.Set<String> DECISION_CUES = java.util.Set.of("let's", "we'll", "we're", "we", "we've", "it's",
            "the", "approved", "that's", "final");

    private static boolean mayDecide(Sentence s) {
        for (String w : s.tokens().lower()) {
            if (DECISION_CUES.contains(w)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Extraction extract(ConversationContext ctx) {
        List<ActionItem> items = ActionItemFinder.find(ctx);
        Set<Integer> actionSentences = new HashSet<>();
        List<Question> questions = new ArrayList<>();
        List<Decision> decisions = new ArrayList<>();
        Set<String> actionQuotes = new HashSet<>();
        for (ActionItem a : items) {
            if (a.evidence() != null) {
                actionQuotes.add(a.evidence().quote());
            }
        }
        for (Sentence s : ctx.document().sentences()) {
            if (actionQuotes.contains(s.text())) {
                actionSentences.add(s.index());
            }
            if (s.isQuestion() && s.wordCount() >= 3) {
                questions.add(new Question(s.text(), ctx.speakers().side(s.speaker()),
                        ctx.evidence(s.speaker(), s.startMs(), s.text())));
            } else if (mayDecide(s) && AnchoredPatterns.matchesAtWord(DECISION, s,
                    s.text().toLowerCase(Locale.ROOT).replace('\u2019', '\''), DECISION_CUES)) {
                decisions.add(new Decision(s.text(), ctx.evidence(s.speaker(), s.startMs(), s.text())));
            }
        }
        Summary summary = SummaryBuilder.build(ctx, actionSentences);
        return new Extraction(summary, items, questions, decisions, Extraction.RULES, null);
    }
}
