package harmony.core.intelligence.projects;

import harmony.core.domain.Medium;
import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.intelligence.Side;
import harmony.core.intelligence.goals.Criteria;
import harmony.core.intelligence.metrics.Metric;
import harmony.core.intelligence.rules.InsightHits;
import harmony.core.intelligence.rules.MetricCondition;
import harmony.core.intelligence.rules.PhraseTracker;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectDefinitionsTest {

    static Project sample() {
        return Project.builder("sales", "ws1", "Sales").description("All sales calls")
                .scope(ProjectScope.EVERYTHING.withTeams("t-sales").withTags("demo").withMedia(Medium.CALL, Medium.VIDEO)
                        .withCustomField("region", "EMEA"))
                .insight(InsightDefinition.tracker("pricing", "Pricing", "price", "discount*").describedAs("Money talk"))
                .insight(InsightDefinition.of("objection", "Customer objection", PhraseTracker.of("too expensive").saidBy(Side.EXTERNAL).atLeast(2)))
                .insight(InsightDefinition.when("monologue", "Long monologue", MetricCondition.atLeast(Metric.LONGEST_MONOLOGUE_SECONDS, 90)))
                .insight(InsightDefinition.question("budget", "Budget known", "Did the customer say their budget?"))
                .goal(new Goal("booked", "Next meeting booked", Criteria.nextMeetingBooked()))
                .goal(new Goal("items", "Two action items", Criteria.actionItems(2)))
                .scorecard(new Scorecard("card", "Call quality", List.of(
                        new ScoreRule("r1", "Booked", 2, Criteria.goal("booked")),
                        new ScoreRule("r2", "Asked questions", 1, Criteria.atLeast(Metric.QUESTIONS_INTERNAL, 5)),
                        new ScoreRule("r3", "Pricing", 1, InsightHits.atLeast("pricing", 1)))))
                .build();
    }

    @Test
    void exportsAndImportsTheSameDefinitions() {
        String json = ProjectDefinitions.toJson(List.of(sample()));
        assertThat(json).contains("\"type\" : \"phrases\"", "\"metric\" : \"longest_monologue_seconds\"", "\"media\" : [ \"call\", \"video\" ]",
                "\"side\" : \"external\"", "\"type\" : \"next-meeting-booked\"").doesNotContain("workspaceId");
        List<Project> back = ProjectDefinitions.fromJson(json, "ws1");
        assertThat(back).containsExactly(sample());
    }

    @Test
    void anImportLandsInTheTargetWorkspace() {
        String json = ProjectDefinitions.toJson(List.of(sample()));
        assertThat(ProjectDefinitions.fromJson(json, "ws9").get(0).workspaceId()).isEqualTo("ws9");
    }

    @Test
    void handWrittenJsonWithDefaults() {
        List<Project> p = ProjectDefinitions.fromJson("""
                {"projects": [{"id": "p", "name": "Support",
                  "insights": [{"id": "refund", "name": "Refund", "detector": {"type": "phrases", "phrases": ["refund", "money back"]}}]}]}""", "ws1");
        PhraseTracker t = (PhraseTracker) p.get(0).insights().get(0).detector();
        assertThat(t.stemming()).isTrue();
        assertThat(t.minHits()).isEqualTo(1);
        assertThat(t.side()).isNull();
        assertThat(p.get(0).scope()).isEqualTo(ProjectScope.EVERYTHING);
    }

    @Test
    void badDefinitionsAreRejectedWithAReason() {
        expect("{not json", ErrorKind.MALFORMED, "The definitions are not valid JSON");
        expect("[]", ErrorKind.MALFORMED, "The definitions need a \"projects\" list.");
        expect("{\"version\": 2, \"projects\": []}", ErrorKind.INVALID, "Definitions version 2 is not supported; expected 1.");
        expect("{\"projects\": [{\"id\": \"p\"}]}", ErrorKind.INVALID, "Project 1 (p) is invalid: \"name\" is required");
        expect("{\"projects\": [{\"id\": \"p\", \"name\": \"P\", \"insights\": [{\"id\": \"i\", \"name\": \"I\","
                + " \"detector\": {\"type\": \"metric\", \"metric\": \"talk_speed\", \"max\": 1}}]}]}",
                ErrorKind.INVALID, "unknown metric \"talk_speed\"");
        expect("{\"projects\": [{\"id\": \"p\", \"name\": \"P\", \"scorecards\": [{\"id\": \"s\", \"name\": \"S\", \"rules\": "
                + "[{\"id\": \"r\", \"name\": \"R\", \"weight\": 0, \"criterion\": {\"type\": \"next-meeting-booked\"}}]}]}]}",
                ErrorKind.INVALID, "the weight of rule r must be above 0");
        expect("{\"projects\": [{\"id\": \"p\", \"name\": \"P\", \"colour\": \"red\"}]}", ErrorKind.INVALID, "colour");
        expect("{\"projects\": [{\"id\": \"p\", \"name\": \"P\", \"goals\": [{\"id\": \"g\", \"name\": \"G\","
                + " \"criterion\": {\"type\": \"telepathy\"}}]}]}", ErrorKind.INVALID, "telepathy");
        expect("{\"projects\": [{\"id\": \"p\", \"name\": \"P\", \"insights\": [{\"id\": \"i\", \"name\": \"I\", \"detector\": "
                + "{\"type\": \"phrases\", \"phrases\": []}}]}]}", ErrorKind.INVALID, "a phrase tracker needs at least one non-blank phrase");
        expect("{\"projects\": [{\"id\": \"p\", \"name\": \"P\", \"goals\": [{\"id\": \"g\", \"name\": \"G\", \"criterion\": "
                + "{\"type\": \"next-meeting-booked\"}}, {\"id\": \"g\", \"name\": \"H\", \"criterion\": {\"type\": \"next-meeting-booked\"}}]}]}",
                ErrorKind.INVALID, "project p has two goals with id g");
    }

    private static void expect(String json, ErrorKind kind, String message) {
        assertThatThrownBy(() -> ProjectDefinitions.fromJson(json, "ws1"))
                .isInstanceOfSatisfying(HarmonyException.class, e -> assertThat(e.kind()).isEqualTo(kind))
                .hasMessageContaining(message);
    }
}
