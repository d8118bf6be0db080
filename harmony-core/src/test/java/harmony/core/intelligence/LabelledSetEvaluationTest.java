package harmony.core.intelligence;

import harmony.core.intelligence.extraction.ActionItem;
import harmony.core.intelligence.extraction.Extraction;
import harmony.core.intelligence.extraction.RuleBasedExtractor;
import harmony.core.intelligence.insights.InsightResult;
import harmony.core.intelligence.projects.Project;
import harmony.core.intelligence.projects.ProjectDefinitions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Precision and recall of the default extractor on the hand-labelled conversations, printed, and
 * held to the targets: action-item F1 ≥ 0.8, owner accuracy ≥ 0.9 and due-date accuracy ≥ 0.9
 * (owner and due date over the items found). Run with {@code -Dintelligence.verbose=true} to see
 * every miss and every extra item.
 */
class LabelledSetEvaluationTest {
    private static final boolean VERBOSE = Boolean.getBoolean("intelligence.verbose");

    @Test
    void actionItemsMeetTheTargets() {
        List<LabelledConversation> set = LabelledConversation.all();
        assertThat(set).hasSizeGreaterThanOrEqualTo(30);
        Scores s = score("ACTION ITEMS", set);
        assertThat(s.f1()).as("action-item F1").isGreaterThanOrEqualTo(0.8);
        assertThat(s.ownerAccuracy()).as("owner accuracy").isGreaterThanOrEqualTo(0.9);
        assertThat(s.dueAccuracy()).as("due-date accuracy").isGreaterThanOrEqualTo(0.9);
    }

    /**
     * The held-out conversations were written after the rules were tuned and are not tuned against:
     * their numbers show how far the labelled-set figures carry over. Printed; held to a lower bar.
     */
    @Test
    void heldOutConversations() {
        Scores s = score("HELD-OUT ACTION ITEMS", LabelledConversation.holdout());
        assertThat(s.f1()).as("held-out action-item F1").isGreaterThanOrEqualTo(0.6);
    }

    record Scores(double f1, double ownerAccuracy, double dueAccuracy) {
    }

    private static Scores score(String title, List<LabelledConversation> set) {
        RuleBasedExtractor extractor = new RuleBasedExtractor();
        int gold = 0;
        int hyp = 0;
        int matched = 0;
        int ownerOk = 0;
        int dueOk = 0;
        for (LabelledConversation lc : set) {
            Extraction x = extractor.extract(ConversationContext.of(lc.conversation(), lc.transcript()));
            List<ActionItem> items = x.actionItems();
            List<ActionItemMatcher.Pair> pairs = ActionItemMatcher.match(
                    lc.actions().stream().map(LabelledConversation.GoldItem::text).toList(),
                    lc.actions().stream().map(LabelledConversation.GoldItem::owner).toList(),
                    items.stream().map(ActionItem::text).toList());
            gold += lc.actions().size();
            hyp += items.size();
            matched += pairs.size();
            StringBuilder report = new StringBuilder();
            for (ActionItemMatcher.Pair p : pairs) {
                LabelledConversation.GoldItem g = lc.actions().get(p.gold());
                ActionItem a = items.get(p.hyp());
                boolean owner = sameOwner(g.owner(), a.ownerName());
                boolean due = Objects.equals(g.due(), a.dueDate());
                ownerOk += owner ? 1 : 0;
                dueOk += due ? 1 : 0;
                if (!owner || !due) {
                    report.append("  WRONG ").append(owner ? "" : "owner ").append(due ? "" : "due ").append(": gold [")
                            .append(g.owner()).append(" | ").append(g.due()).append(" | ").append(g.text()).append("] got [")
                            .append(a.ownerName()).append(" | ").append(a.dueDate()).append(" | ").append(a.text()).append("]\n");
                }
            }
            for (int i = 0; i < lc.actions().size(); i++) {
                int gi = i;
                if (pairs.stream().noneMatch(p -> p.gold() == gi)) {
                    LabelledConversation.GoldItem g = lc.actions().get(i);
                    report.append("  MISSED: [").append(g.owner()).append(" | ").append(g.due()).append(" | ").append(g.text()).append("]\n");
                }
            }
            for (int j = 0; j < items.size(); j++) {
                int hj = j;
                if (pairs.stream().noneMatch(p -> p.hyp() == hj)) {
                    ActionItem a = items.get(j);
                    report.append("  EXTRA: [").append(a.ownerName()).append(" | ").append(a.dueDate()).append(" | ").append(a.text()).append("]\n");
                }
            }
            if (VERBOSE && !report.isEmpty()) {
                System.out.print(lc.name() + "\n" + report);
            }
        }
        double precision = matched / (double) hyp;
        double recall = matched / (double) gold;
        double f1 = 2 * precision * recall / (precision + recall);
        double ownerAccuracy = ownerOk / (double) matched;
        double dueAccuracy = dueOk / (double) matched;
        System.out.printf(Locale.ROOT, "%s conversations=%d gold=%d extracted=%d matched=%d precision=%.3f recall=%.3f F1=%.3f "
                        + "ownerAccuracy=%.3f (%d/%d) dueDateAccuracy=%.3f (%d/%d)%n",
                title, set.size(), gold, hyp, matched, precision, recall, f1, ownerAccuracy, ownerOk, matched, dueAccuracy, dueOk, matched);
        return new Scores(f1, ownerAccuracy, dueAccuracy);
    }

    /**
     * Conversation-level insight precision and recall of the phrase trackers in
     * {@code intelligence/projects.json} against the labelled topics. No target is set by the issue;
     * the assertion guards against regressions below the level measured when this was written.
     */
    @Test
    void insightTrackersFindTheLabelledTopics() throws Exception {
        List<Project> projects = ProjectDefinitions.fromJson(
                Files.readString(Path.of("src/test/resources/intelligence/projects.json")), "ws1");
        ConversationAnalyzer analyzer = ConversationAnalyzer.defaults();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (LabelledConversation lc : LabelledConversation.all()) {
            ConversationContext ctx = ConversationContext.of(lc.conversation(), lc.transcript());
            ConversationAnalysis a = analyzer.analyze(ctx, Project.applicableTo(lc.conversation(), projects));
            for (InsightResult r : a.insights()) {
                boolean gold = lc.topics().contains(r.definitionId());
                tp += gold && r.triggered() ? 1 : 0;
                fp += !gold && r.triggered() ? 1 : 0;
                fn += gold && !r.triggered() ? 1 : 0;
                if (VERBOSE && gold != r.triggered()) {
                    System.out.println(lc.name() + (gold ? " MISSED " : " EXTRA ") + r.definitionId() + " " + r.hits());
                }
            }
        }
        double precision = tp / (double) (tp + fp);
        double recall = tp / (double) (tp + fn);
        double f1 = 2 * precision * recall / (precision + recall);
        System.out.printf(Locale.ROOT, "INSIGHTS topics: tp=%d fp=%d fn=%d precision=%.3f recall=%.3f F1=%.3f%n", tp, fp, fn, precision, recall, f1);
        assertThat(f1).as("topic F1").isGreaterThanOrEqualTo(0.75);
    }

    static boolean sameOwner(String gold, String got) {
        if (got == null) {
            return false;
        }
        String g = gold.toLowerCase(Locale.ROOT).strip();
        String h = got.toLowerCase(Locale.ROOT).strip();
        return g.equals(h) || g.split("\\s+")[0].equals(h.split("\\s+")[0]);
    }
}
