package harmony.core.intelligence.extraction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import harmony.core.intelligence.ConversationContext;
import harmony.core.intelligence.Evidence;
import harmony.core.intelligence.IntelligenceJson;
import harmony.core.intelligence.Person;
import harmony.core.intelligence.text.TranscriptChunks;
import harmony.core.intelligence.LanguageModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Extraction by a {@link LanguageModel} with JSON-Schema-constrained answers. Long transcripts are
 * map-reduced: each chunk of at most {@link LanguageModel#maxInputWords()} words gives a partial
 * extraction, then one more request merges the partial summaries; items, questions and decisions are
 * concatenated without duplicates. Owners are matched to speakers and workspace people, and an item's
 * evidence is only kept when its quote is really in the transcript.
 *
 * <p>On any error — the model fails, answers out of schema, returns nothing usable — the fallback
 * extractor (the rules by default) runs instead and the result's note says why.
 */
public final class LanguageModelExtractor implements Extractor {
    private static final Logger LOG = LoggerFactory.getLogger(LanguageModelExtractor.class);

    static final String MAP_SCHEMA = """
            {"type":"object","additionalProperties":false,
             "required":["summary","topics","actionItems","questions","decisions"],
             "properties":{
              "summary":{"type":"string"},
              "topics":{"type":"array","items":{"type":"string"}},
              "actionItems":{"type":"array","items":{"type":"object","additionalProperties":false,
                "required":["text","owner","dueDate","quote"],
                "properties":{"text":{"type":"string"},"owner":{"type":["string","null"]},
                  "dueDate":{"type":["string","null"],"description":"ISO-8601 date, e.g. 2026-03-13"},
                  "quote":{"type":"string","description":"the sentence it was said in, word for word"}}}},
              "questions":{"type":"array","items":{"type":"string"}},
              "decisions":{"type":"array","items":{"type":"string"}}}}""";
    static final String REDUCE_SCHEMA = """
            {"type":"object","additionalProperties":false,"required":["summary","topics"],
             "properties":{"summary":{"type":"string"},"topics":{"type":"array","items":{"type":"string"}}}}""";

    private final LanguageModel model;
    private final Extractor fallback;

    public LanguageModelExtractor(LanguageModel model) {
        this(model, new RuleBasedExtractor());
    }

    public LanguageModelExtractor(LanguageModel model, Extractor fallback) {
        this.model = requireNonNull(model, "model");
        this.fallback = requireNonNull(fallback, "fallback");
    }

    @Override
    public Extraction extract(ConversationContext ctx) {
        if (ctx.document().sentences().isEmpty()) {
            return fallback.extract(ctx);
        }
        try {
            return viaModel(ctx);
        } catch (Exception e) {
            LOG.warn("conversation {}: language-model extraction failed, using the fallback", ctx.conversation().id(), e);
            String why = Optional.ofNullable(e.getMessage()).orElse(e.getClass().getSimpleName());
            return fallback.extract(ctx).withNote("the language model gave no usable answer (" + why + "); extracted by rules");
        }
    }

    private Extraction viaModel(ConversationContext ctx) throws Exception {
        LocalDate day = ctx.meetingDate();
        String instructions = """
                You extract structured notes from a part of a meeting transcript. Each line is [time] Speaker: words.
                The meeting took place on %s (%s); resolve relative dates ("by Friday", "next Tuesday", "end of the month")
                to ISO dates against it, or null when no date was said.
                Action items are commitments or requests for work after the meeting; the owner is the person who will do
                it (the speaker for "I'll…", the person asked for "can you…"), by name as it appears in the transcript.
                Quote for each action item the sentence it was said in, word for word.
                Questions are questions asked; decisions are things the participants agreed on.
                Answer with JSON matching the schema.""".formatted(day, day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
        List<String> chunks = TranscriptChunks.split(ctx.document(), ctx.speakers()::displayName, model.maxInputWords());
        List<String> summaries = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        List<ActionItem> items = new ArrayList<>();
        List<Question> questions = new ArrayList<>();
        List<Decision> decisions = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String chunk : chunks) {
            JsonNode part = ask(new LanguageModel.Request(instructions, chunk, "conversation_extraction", MAP_SCHEMA),
                    "summary", "topics", "actionItems", "questions", "decisions");
            summaries.add(part.path("summary").asText());
            part.path("topics").forEach(t -> topics.add(t.asText()));
            for (JsonNode a : part.path("actionItems")) {
                String text = a.path("text").asText("").strip();
                if (text.isEmpty() || !seen.add("a:" + text.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                items.add(actionItem(ctx, text, a));
            }
            for (JsonNode q : part.path("questions")) {
                String text = q.asText("").strip();
                if (!text.isEmpty() && seen.add("q:" + text.toLowerCase(Locale.ROOT))) {
                    Optional<Evidence> ev = ctx.locate(text);
                    questions.add(new Question(text, ev.map(e -> ctx.speakers().side(e.speaker())).orElse(null), ev.orElse(null)));
                }
            }
            for (JsonNode d : part.path("decisions")) {
                String text = d.asText("").strip();
                if (!text.isEmpty() && seen.add("d:" + text.toLowerCase(Locale.ROOT))) {
                    decisions.add(new Decision(text, ctx.locate(text).orElse(null)));
                }
            }
        }
        String summary = summaries.get(0);
        List<String> keyTopics = distinct(topics);
        if (chunks.size() > 1) {
            ObjectNode input = IntelligenceJson.mapper().createObjectNode();
            ArrayNode parts = input.putArray("partialSummaries");
            summaries.forEach(parts::add);
            ArrayNode t = input.putArray("topics");
            keyTopics.forEach(t::add);
            JsonNode merged = ask(new LanguageModel.Request("""
                    These are summaries of consecutive parts of one meeting, and the topics found in them. Write one summary
                    of the whole meeting (a short paragraph) and its key topics (at most 8). Answer with JSON matching the schema.""",
                    IntelligenceJson.mapper().writeValueAsString(input), "conversation_summary", REDUCE_SCHEMA), "summary", "topics");
            summary = merged.path("summary").asText();
            List<String> reduced = new ArrayList<>();
            merged.path("topics").forEach(x -> reduced.add(x.asText()));
            keyTopics = distinct(reduced);
        }
        return new Extraction(new Summary(summary.strip(), List.of(), keyTopics), items, questions, decisions,
                Extraction.LANGUAGE_MODEL, null);
    }

    private JsonNode ask(LanguageModel.Request request, String... required) throws Exception {
        String answer = model.complete(request);
        if (answer == null || answer.isBlank()) {
            throw new IllegalStateException("empty answer");
        }
        JsonNode root = IntelligenceJson.mapper().readTree(answer);
        if (root == null || !root.isObject()) {
            throw new IllegalStateException("the answer is not a JSON object");
        }
        for (String field : required) {
            JsonNode f = root.get(field);
            boolean list = !field.equals("summary");
            if (f == null || (list ? !f.isArray() : !f.isTextual())) {
                throw new IllegalStateException("the answer does not match the schema: \"" + field + "\"");
            }
        }
        return root;
    }

    private static ActionItem actionItem(ConversationContext ctx, String text, JsonNode a) {
        String owner = a.path("owner").isTextual() ? a.path("owner").asText().strip() : null;
        String ownerLabel = null;
        String ownerName = owner == null || owner.isEmpty() ? null : owner;
        if (ownerName != null) {
            Optional<Person> p = ctx.speakers().find(ownerName);
            if (p.isPresent()) {
                ownerLabel = p.get().label();
                ownerName = p.get().name();
            }
        }
        LocalDate due = null;
        if (a.path("dueDate").isTextual()) {
            try {
                due = LocalDate.parse(a.path("dueDate").asText().strip());
            } catch (DateTimeParseException e) {
                due = null; // a date the model could not write is no date
            }
        }
        Evidence evidence = ctx.locate(a.path("quote").asText("")).orElse(null);
        return new ActionItem(text, ownerLabel, ownerName, due, evidence);
    }

    private static List<String> distinct(List<String> values) {
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (!v.isBlank() && seen.add(v.strip().toLowerCase(Locale.ROOT))) {
                out.add(v.strip());
            }
        }
        return out;
    }
}
