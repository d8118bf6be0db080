package harmony.core.intelligence.insights;

import com.fasterxml.jackson.databind.JsonNode;
import harmony.core.intelligence.ConversationContext;
import harmony.core.intelligence.Evidence;
import harmony.core.intelligence.IntelligenceJson;
import harmony.core.intelligence.rules.LanguageModelQuestion;
import harmony.core.intelligence.text.TranscriptChunks;
import harmony.core.intelligence.LanguageModel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Asks a language model a yes/no question about the transcript, chunk by chunk. Quotes are only
 * kept when they are really in the transcript; the speaker and time come from the transcript, not
 * from the model.
 */
final class LanguageModelQuestions {
    static final String SCHEMA = """
            {"type":"object","additionalProperties":false,"required":["answer","quotes"],
             "properties":{"answer":{"type":"boolean"},
              "quotes":{"type":"array","items":{"type":"string"}}}}""";
    private static final String INSTRUCTIONS = """
            You read a part of a conversation transcript and answer a yes/no question about it.
            Answer true only when this part supports it, and give the exact sentences that show it as quotes,
            copied word for word from the transcript. Answer with JSON matching the schema.
            Question:\s""";

    record Answer(boolean yes, List<Evidence> quotes) {
    }

    static Answer ask(LanguageModel model, ConversationContext ctx, LanguageModelQuestion q) throws Exception {
        boolean yes = false;
        Set<Evidence> quotes = new LinkedHashSet<>();
        for (String chunk : TranscriptChunks.split(ctx.document(), ctx.speakers()::displayName, model.maxInputWords())) {
            String json = model.complete(new LanguageModel.Request(INSTRUCTIONS + q.question(), chunk, "insight_answer", SCHEMA));
            JsonNode root = IntelligenceJson.mapper().readTree(json);
            if (root == null || !root.path("answer").isBoolean() || !root.path("quotes").isArray()) {
                throw new IllegalStateException("the language model's answer does not match the schema");
            }
            if (root.path("answer").asBoolean()) {
                yes = true;
                for (JsonNode quote : root.path("quotes")) {
                    ctx.locate(quote.asText()).ifPresent(quotes::add);
                }
            }
        }
        return new Answer(yes, new ArrayList<>(quotes));
    }

    private LanguageModelQuestions() {
    }
}
