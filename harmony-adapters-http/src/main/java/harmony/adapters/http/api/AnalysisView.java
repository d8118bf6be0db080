package harmony.adapters.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import harmony.core.domain.Speaker;
import harmony.core.domain.Transcript;
import harmony.core.intelligence.ConversationAnalysis;
import harmony.core.intelligence.IntelligenceJson;
import harmony.core.intelligence.extraction.ActionItem;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * A conversation's analysis as the contract's fields (summary, actionItems, metrics, insights, goals,
 * score). Names are taken from the transcript as it is now, so a speaker matched after processing
 * shows under the matched name everywhere: owners, evidence, metrics.
 */
final class AnalysisView {

    static void addTo(Map<String, Object> resource, ConversationAnalysis analysis, Transcript transcript) {
        Map<String, String> names = new HashMap<>();
        for (Speaker s : transcript.speakers()) {
            if (s.name() != null && !s.name().isBlank()) {
                names.put(s.label(), s.name());
            }
        }
        if (analysis.extraction() != null) {
            var extraction = analysis.extraction();
            ObjectNode summary = Json.MAPPER.createObjectNode();
            summary.put("text", extraction.summary() == null ? "" : extraction.summary().text());
            summary.set("topics", tree(extraction.summary() == null ? java.util.List.of() : extraction.summary().topics(), names));
            resource.put("summary", summary);
            ArrayNode items = Json.MAPPER.createArrayNode();
            for (ActionItem item : extraction.actionItems()) {
                ObjectNode node = items.addObject();
                node.put("text", item.text());
                String owner = item.ownerLabel() != null && names.containsKey(item.ownerLabel()) ? names.get(item.ownerLabel()) : item.ownerName();
                node.put("owner", owner);
                node.put("ownerLabel", item.ownerLabel());
                node.put("dueDate", item.dueDate() == null ? null : item.dueDate().toString());
                if (item.evidence() != null) {
                    node.set("evidence", tree(item.evidence(), names));
                }
            }
            resource.put("actionItems", items);
            resource.put("questions", tree(extraction.questions(), names));
            resource.put("decisions", tree(extraction.decisions(), names));
        }
        if (analysis.metrics() != null) {
            resource.put("metrics", tree(analysis.metrics(), names));
        }
        resource.put("insights", tree(analysis.insights(), names));
        resource.put("goals", tree(analysis.goals(), names));
        resource.put("score", analysis.scores().isEmpty() ? null : tree(analysis.scores().get(0), names));
        resource.put("scores", tree(analysis.scores(), names));
    }

    /** The value as JSON, with every speaker's name brought up to date. */
    private static JsonNode tree(Object value, Map<String, String> names) {
        JsonNode node = IntelligenceJson.mapper().valueToTree(value);
        rename(node, names);
        return node;
    }

    private static void rename(JsonNode node, Map<String, String> names) {
        if (node instanceof ObjectNode object) {
            JsonNode speaker = object.get("speaker");
            if (speaker != null && speaker.isTextual() && names.containsKey(speaker.asText())) {
                String name = names.get(speaker.asText());
                if (object.has("speakerName")) {
                    object.put("speakerName", name);
                }
                if (object.has("name")) {
                    object.put("name", name);
                }
            }
            JsonNode owner = object.get("ownerLabel");
            if (owner != null && owner.isTextual() && names.containsKey(owner.asText()) && object.has("ownerName")) {
                object.put("ownerName", names.get(owner.asText()));
            }
        }
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            rename(it.next(), names);
        }
    }

    private AnalysisView() {
    }
}
