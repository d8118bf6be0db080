package harmony.core.intelligence.insights;

import harmony.core.domain.Medium;
import harmony.core.intelligence.ConversationAnalysis;
import harmony.core.intelligence.ConversationAnalyzer;
import harmony.core.intelligence.ConversationContext;
import harmony.core.intelligence.Conversations;
import harmony.core.intelligence.Evidence;
import harmony.core.intelligence.ScriptedLanguageModel;
import harmony.core.intelligence.Side;
import harmony.core.intelligence.goals.Criteria;
import harmony.core.intelligence.goals.GoalResult;
import harmony.core.intelligence.metrics.Metric;
import harmony.core.intelligence.projects.Goal;
import harmony.core.intelligence.projects.InsightDefinition;
import harmony.core.intelligence.projects.Project;
import harmony.core.intelligence.projects.ProjectScope;
import harmony.core.intelligence.projects.ScoreRule;
import harmony.core.intelligence.projects.Scorecard;
import harmony.core.intelligence.rules.InsightHits;
import harmony.core.intelligence.rules.MetricCondition;
import harmony.core.intelligence.rules.PhraseTracker;
import harmony.core.intelligence.scoring.RuleScore;
import harmony.core.intelligence.scoring.ScoreResult;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectsInsightsGoalsScoringTest {

    private static Conversations salesCall() {
        return Conversations.at("2026-03-11T15:00:00Z").user("Dana").contact("Marcus").team("sales").tags("Discovery")
                .medium(Medium.VIDEO).customFields(Map.of("region", "EMEA", "seats", new BigDecimal("40"), "products", List.of("calls", "chat")))
                .say("Dana", 0, 6000, "Thanks for joining. How many reps do you have?")
                .say("Marcus", 7000, 20000, "About forty. We looked at Gong but the pricing was too high, and our capricious CFO hates tools.")
                .say("Dana", 21000, 30000, "Our team plan is twenty eight dollars per seat. I'll send a quote by Friday.")
                .say("Marcus", 31000, 38000, "Good. Let's schedule a follow-up call next Thursday with Karen.")
                .say("Dana", 39000, 45000, "Perfect, I'll send the calendar invite for Thursday.");
    }

    private static Project project() {
        return Project.builder("p-sales", "ws1", "Sales calls")
                .scope(ProjectScope.EVERYTHING.withTeams("sales").withTags("discovery", "demo"))
                .insight(InsightDefinition.tracker("competitors", "Competitors", "Gong", "Chorus", "Salesforce"))
                .insight(InsightDefinition.tracker("pricing", "Pricing", "price", "cost", "dollar*"))
                .insight(InsightDefinition.of("customer-pricing", "Customer raised pricing",
                        PhraseTracker.of("price").saidBy(Side.EXTERNAL)))
                .insight(InsightDefinition.when("rep-talks-too-much", "Rep talks too much",
                        MetricCondition.atLeast(Metric.TALK_RATIO_INTERNAL, 0.65)))
                .goal(new Goal("next-meeting", "Next meeting booked", Criteria.nextMeetingBooked()))
                .goal(new Goal("pricing-discussed", "Pricing discussed", Criteria.pricingDiscussed()))
                .goal(new Goal("competitor-twice", "Competitor mentioned twice", InsightHits.atLeast("competitors", 2)))
                .goal(new Goal("listened", "Customer talked at least 40%", Criteria.atLeast(Metric.TALK_RATIO_EXTERNAL, 0.4)))
                .scorecard(new Scorecard("discovery", "Discovery call", List.of(
                        new ScoreRule("booked", "Next meeting booked", 3, Criteria.goal("next-meeting")),
                        new ScoreRule("no-monologue", "No monologue over 60 s", 1, Criteria.atMost(Metric.LONGEST_MONOLOGUE_SECONDS, 60)),
                        new ScoreRule("no-competitors", "Competitors not raised", 1, InsightHits.none("competitors")))))
                .build();
    }

    @Test
    void aProjectIncludesConversationsByTeamTagsMediumAndCustomFields() {
        var c = salesCall().conversation();
        assertThat(project().includes(c)).isTrue();
        assertThat(ProjectScope.EVERYTHING.withTeams("support").matches(c)).isFalse();
        assertThat(ProjectScope.EVERYTHING.withTags("renewal").matches(c)).isFalse();
        assertThat(ProjectScope.EVERYTHING.withMedia(Medium.CALL, Medium.VIDEO).matches(c)).isTrue();
        assertThat(ProjectScope.EVERYTHING.withCustomField("region", "emea", "apac").matches(c)).isTrue();
        assertThat(ProjectScope.EVERYTHING.withCustomField("seats", "40.0").matches(c)).isTrue();
        assertThat(ProjectScope.EVERYTHING.withCustomField("products", "chat").matches(c)).isTrue();
        assertThat(ProjectScope.EVERYTHING.withCustomField("missing", "x").matches(c)).isFalse();
        Project otherWorkspace = Project.builder("p2", "ws2", "Other").build();
        assertThat(Project.applicableTo(c, List.of(project(), otherWorkspace))).extracting(Project::id).containsExactly("p-sales");
    }

    @Test
    void trackersMatchWholeWordsWithStemmingPrefixesAndSides() {
        ConversationAnalysis a = analyze(ConversationAnalyzer.defaults());
        InsightResult competitors = insight(a, "competitors");
        assertThat(competitors.triggered()).isTrue();
        assertThat(competitors.hits()).singleElement().satisfies(e -> {
            assertThat(e.speaker()).isEqualTo("Marcus");
            assertThat(e.quote()).startsWith("We looked at Gong");
            assertThat(e.startMs()).isBetween(7000L, 20000L);
        });
        // "pricing" (stem of "price") and "dollars" (prefix) hit; "capricious" does not
        assertThat(insight(a, "pricing").hits()).extracting(Evidence::speaker).containsExactly("Marcus", "Dana");
        assertThat(insight(a, "customer-pricing").hits()).extracting(Evidence::speaker).containsExactly("Marcus");
        InsightResult talk = insight(a, "rep-talks-too-much");
        assertThat(talk.value()).isNotNull();
        assertThat(talk.triggered()).isEqualTo(talk.value() >= 0.65);
        assertThat(PhraseTracker.of("price").exact().phrases()).containsExactly("price");
    }

    @Test
    void goalsAreMetOrNotWithEvidence() {
        ConversationAnalysis a = analyze(ConversationAnalyzer.defaults());
        assertThat(goal(a, "next-meeting").met()).isTrue();
        assertThat(goal(a, "next-meeting").evidence()).extracting(Evidence::quote)
                .contains("Let's schedule a follow-up call next Thursday with Karen.");
        assertThat(goal(a, "pricing-discussed").met()).isTrue();
        assertThat(goal(a, "competitor-twice").met()).isFalse();
        assertThat(goal(a, "competitor-twice").detail()).isEqualTo("Competitors: 1 hit(s)");
        assertThat(goal(a, "listened").met()).isEqualTo(a.metrics().talkRatioExternal() >= 0.4);
        assertThat(goal(a, "listened").detail()).startsWith("talk_ratio_external ");
    }

    @Test
    void aScorecardWeighsItsRulesIntoAScoreWithABreakdown() {
        ConversationAnalysis a = analyze(ConversationAnalyzer.defaults());
        ScoreResult s = a.scores().get(0);
        assertThat(s.breakdown()).extracting(RuleScore::passed).containsExactly(true, true, false);
        assertThat(s.breakdown()).extracting(RuleScore::points).containsExactly(60.0, 20.0, 0.0);
        assertThat(s.score()).isEqualTo(80);
    }

    @Test
    void scoringIsSkippedWithoutAScorecardAndNothingAppliesOutsideTheScope() {
        ConversationAnalyzer analyzer = ConversationAnalyzer.defaults();
        Project noCard = Project.builder("p", "ws1", "No card").insight(InsightDefinition.tracker("t", "T", "pilot")).build();
        assertThat(analyzer.scoringApplies(List.of(noCard))).isFalse();
        ConversationContext ctx = salesCall().context();
        assertThat(analyzer.analyze(ctx, List.of(noCard)).scores()).isEmpty();
        assertThat(analyzer.analyze(ctx, List.of()).insights()).isEmpty();
    }

    @Test
    void aQuestionDetectorAsksTheModelAndKeepsOnlyRealQuotes() {
        ScriptedLanguageModel model = new ScriptedLanguageModel(5000, r -> """
                {"answer": true, "quotes": ["We looked at Gong but the pricing was too high", "We love your product!"]}""");
        Project p = Project.builder("p", "ws1", "Q")
                .insight(InsightDefinition.question("budget", "Budget concern", "Did the customer say the price is a problem?")).build();
        ConversationContext ctx = salesCall().context();
        InsightResult r = new DefaultInsightGenerator(model).generate(ctx, null, null, List.of(p)).get(0);
        assertThat(model.requests.get(0).instructions()).endsWith("Did the customer say the price is a problem?");
        assertThat(r.triggered()).isTrue();
        assertThat(r.hits()).singleElement().satisfies(e -> assertThat(e.speaker()).isEqualTo("Marcus"));

        InsightResult noModel = new DefaultInsightGenerator().generate(ctx, null, null, List.of(p)).get(0);
        assertThat(noModel.triggered()).isFalse();
        assertThat(noModel.note()).isEqualTo("no language model is configured");

        InsightResult broken = new DefaultInsightGenerator(new ScriptedLanguageModel(5000, req -> "{\"answer\":\"maybe\"}"))
                .generate(ctx, null, null, List.of(p)).get(0);
        assertThat(broken.triggered()).isFalse();
        assertThat(broken.note()).startsWith("the language model gave no usable answer");
    }

    @Test
    void rerunningAStageReplacesItsResults() {
        ConversationAnalyzer analyzer = ConversationAnalyzer.defaults();
        ConversationContext ctx = salesCall().context();
        ConversationAnalysis once = analyzer.analyze(ctx, List.of(project()));
        ConversationAnalysis twice = analyzer.generateInsights(ctx, once, List.of(project()));
        assertThat(twice.insights()).isEqualTo(once.insights());
        assertThat(twice.goals()).isEqualTo(once.goals());
    }

    private static ConversationAnalysis analyze(ConversationAnalyzer analyzer) {
        return analyzer.analyze(salesCall().context(), List.of(project()));
    }

    private static InsightResult insight(ConversationAnalysis a, String id) {
        return a.insights().stream().filter(i -> i.definitionId().equals(id)).findFirst().orElseThrow();
    }

    private static GoalResult goal(ConversationAnalysis a, String id) {
        return a.goals().stream().filter(g -> g.goalId().equals(id)).findFirst().orElseThrow();
    }
}
