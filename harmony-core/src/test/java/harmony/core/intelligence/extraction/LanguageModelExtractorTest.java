package harmony.core.intelligence.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import harmony.core.intelligence.Conversations;
import harmony.core.intelligence.IntelligenceJson;
import harmony.core.intelligence.ScriptedLanguageModel;
import harmony.core.intelligence.LanguageModel;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageModelExtractorTest {

    private static Conversations meeting() {
        return Conversations.at("2026-03-11T15:00:00Z").user("Dana Reyes").contact("Marcus Lee")
                .say("Dana Reyes", 0, 5000, "Thanks for joining, Marcus. Let's review the pilot.")
                .say("Marcus Lee", 6000, 12000, "The pilot went well. I'll send the usage report by Friday.")
                .say("Dana Reyes", 13000, 20000, "Great. Then we go with the annual plan. Can Karen sign the order form?")
                .say("Marcus Lee", 21000, 30000, "Yes. Karen will sign it next week.");
    }

    private static final String PART_ONE = """
            {"summary":"The pilot went well.","topics":["pilot"],
             "actionItems":[{"text":"Send the usage report","owner":"Marcus","dueDate":"2026-03-13",
                             "quote":"I'll send the usage report by Friday."},
                            {"text":"Invented item","owner":"Nobody Known","dueDate":"soon","quote":"words nobody said"}],
             "questions":[],"decisions":[]}""";
    private static final String PART_TWO = """
            {"summary":"They chose the annual plan.","topics":["annual plan","pilot"],
             "actionItems":[{"text":"Sign the order form","owner":"Karen","dueDate":"2026-03-20","quote":"Karen will sign it next week."}],
             "questions":["Can Karen sign the order form?"],"decisions":["Go with the annual plan"]}""";

    @Test
    void mapReducesLongTranscriptsAndChecksWhatTheModelSays() throws Exception {
        ScriptedLanguageModel model = new ScriptedLanguageModel(20, r -> {
            if (r.schemaName().equals("conversation_summary")) {
                return "{\"summary\":\"The pilot went well and they chose the annual plan.\",\"topics\":[\"pilot\",\"annual plan\"]}";
            }
            return r.input().contains("Karen will sign") ? PART_TWO : PART_ONE;
        });
        Extraction x = new LanguageModelExtractor(model).extract(meeting().context());

        assertThat(model.requests).hasSize(3); // two chunks of ≤ 20 words, then the reduce
        assertThat(model.requests.get(0).jsonSchema()).isEqualTo(LanguageModelExtractor.MAP_SCHEMA);
        assertThat(model.requests.get(0).instructions()).contains("2026-03-11 (Wednesday)");
        assertThat(model.requests.get(0).input()).startsWith("[00:00] Dana Reyes: Thanks for joining");
        JsonNode reduceInput = IntelligenceJson.mapper().readTree(model.requests.get(2).input());
        assertThat(reduceInput.path("partialSummaries")).hasSize(2);

        assertThat(x.method()).isEqualTo(Extraction.LANGUAGE_MODEL);
        assertThat(x.note()).isNull();
        assertThat(x.summary().text()).isEqualTo("The pilot went well and they chose the annual plan.");
        assertThat(x.summary().topics()).containsExactly("pilot", "annual plan");
        assertThat(x.actionItems()).hasSize(3);
        ActionItem usage = x.actionItems().get(0);
        assertThat(usage.ownerLabel()).isEqualTo("Marcus Lee"); // "Marcus" matched to the speaker
        assertThat(usage.ownerName()).isEqualTo("Marcus Lee");
        assertThat(usage.dueDate()).isEqualTo(LocalDate.of(2026, 3, 13));
        assertThat(usage.evidence().startMs()).isBetween(6000L, 12000L);
        ActionItem invented = x.actionItems().get(1);
        assertThat(invented.ownerLabel()).isNull();
        assertThat(invented.dueDate()).isNull(); // "soon" is not a date
        assertThat(invented.evidence()).isNull(); // the quote is not in the transcript
        assertThat(x.actionItems().get(2).ownerName()).isEqualTo("Karen");
        assertThat(x.decisions()).extracting(Decision::text).containsExactly("Go with the annual plan");
        assertThat(x.questions()).singleElement().satisfies(q -> assertThat(q.evidence().speaker()).isEqualTo("Dana Reyes"));
    }

    @Test
    void aShortTranscriptNeedsNoReduce() {
        ScriptedLanguageModel model = new ScriptedLanguageModel(10_000, r -> PART_ONE);
        Extraction x = new LanguageModelExtractor(model).extract(meeting().context());
        assertThat(model.requests).hasSize(1);
        assertThat(x.summary().text()).isEqualTo("The pilot went well.");
    }

    @Test
    void fallsBackToTheRulesOnAnyError() {
        Extraction rules = new RuleBasedExtractor().extract(meeting().context());
        for (LanguageModel broken : new LanguageModel[] {
                request -> { throw new TimeoutException("no answer in 30 s"); },
                request -> "not json at all",
                request -> "{\"summary\":\"x\",\"topics\":[]}",
                request -> "{\"summary\":42,\"topics\":[],\"actionItems\":[],\"questions\":[],\"decisions\":[]}",
                request -> ""}) {
            Extraction x = new LanguageModelExtractor(broken).extract(meeting().context());
            assertThat(x.method()).isEqualTo(Extraction.RULES);
            assertThat(x.note()).startsWith("the language model gave no usable answer");
            assertThat(x.actionItems()).isEqualTo(rules.actionItems());
        }
    }
}
