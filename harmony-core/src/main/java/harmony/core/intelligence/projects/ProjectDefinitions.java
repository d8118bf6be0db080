package harmony.core.intelligence.projects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.intelligence.IntelligenceJson;

import java.util.ArrayList;
import java.util.List;

/**
 * Projects as JSON, for import and export:
 * <pre>{"version": 1, "projects": [{"id", "name", "description", "scope": {"teamIds", "tags", "media", "customFields"},
 *   "insights": [{"id", "name", "description", "detector": {"type": "phrases" | "metric" | "question", …}}],
 *   "goals": [{"id", "name", "criterion": {"type": …}}],
 *   "scorecards": [{"id", "name", "rules": [{"id", "name", "weight", "criterion": {"type": …}}]}]}]}</pre>
 * An import always lands in the workspace it is made for, whatever the file says.
 */
public final class ProjectDefinitions {
    public static final int VERSION = 1;

    public static String toJson(List<Project> projects) {
        ObjectNode root = IntelligenceJson.mapper().createObjectNode();
        root.put("version", VERSION);
        ArrayNode list = root.putArray("projects");
        for (Project p : projects) {
            ObjectNode node = IntelligenceJson.mapper().valueToTree(p);
            node.remove("workspaceId");
            list.add(node);
        }
        try {
            return IntelligenceJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("definitions could not be written", e);
        }
    }

    /**
     * Reads definitions for {@code workspaceId}.
     *
     * @throws HarmonyException MALFORMED when the text is not JSON of this shape, INVALID when a
     *                          definition breaks a rule (the message says which and why)
     */
    public static List<Project> fromJson(String json, String workspaceId) {
        JsonNode root;
        try {
            root = IntelligenceJson.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new HarmonyException(ErrorKind.MALFORMED, "The definitions are not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject() || !root.path("projects").isArray()) {
            throw new HarmonyException(ErrorKind.MALFORMED, "The definitions need a \"projects\" list.");
        }
        int version = root.path("version").asInt(VERSION);
        if (version != VERSION) {
            throw new HarmonyException(ErrorKind.INVALID, "Definitions version " + version + " is not supported; expected " + VERSION + ".");
        }
        List<Project> out = new ArrayList<>();
        int i = 0;
        for (JsonNode node : root.path("projects")) {
            if (!node.isObject()) {
                throw new HarmonyException(ErrorKind.MALFORMED, "Project " + (i + 1) + " is not a JSON object.");
            }
            ObjectNode copy = ((ObjectNode) node).deepCopy();
            copy.put("workspaceId", workspaceId);
            try {
                out.add(IntelligenceJson.mapper().treeToValue(copy, Project.class));
            } catch (JsonMappingException e) {
                throw new HarmonyException(ErrorKind.INVALID, "Project " + (i + 1) + " (" + node.path("id").asText("no id")
                        + ") is invalid: " + reason(e), e);
            } catch (JsonProcessingException e) {
                throw new HarmonyException(ErrorKind.MALFORMED, "Project " + (i + 1) + " could not be read: " + e.getOriginalMessage(), e);
            }
            i++;
        }
        return out;
    }

    private static String reason(JsonMappingException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String where = e.getPath().isEmpty() ? "" : " at " + pathOf(e);
        String message = root instanceof IllegalArgumentException || root instanceof NullPointerException
                ? root.getMessage() : e.getOriginalMessage();
        if (root instanceof NullPointerException) {
            message = "\"" + message + "\" is required";
        }
        return message + where;
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (var ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(sb.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private ProjectDefinitions() {
    }
}
