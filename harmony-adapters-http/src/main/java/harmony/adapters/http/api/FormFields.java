package harmony.adapters.http.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import harmony.core.error.ErrorKind;
import harmony.core.error.FieldError;
import harmony.core.error.HarmonyException;
import harmony.core.ingest.ConversationForm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The contract's shared form fields, read from a JSON body or from multipart form parts. */
final class FormFields {
    static final List<String> NAMES = List.of("team", "contact", "owner", "medium", "title", "occurredAt", "tags", "customFields");

    static ConversationForm fromJson(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        ConversationForm form = new ConversationForm(text(body, "team", errors), text(body, "contact", errors),
                text(body, "owner", errors), text(body, "medium", errors), text(body, "title", errors),
                text(body, "occurredAt", errors), tags(body.get("tags"), errors), customFields(body.get("customFields"), errors));
        if (!errors.isEmpty()) {
            throw new HarmonyException(ErrorKind.INVALID, harmony.core.error.UserMessages.FIELDS_INVALID, errors, null);
        }
        return form;
    }

    /** From form parts: {@code tags} repeated or comma-separated, {@code customFields} one JSON part. */
    static ConversationForm fromParts(Map<String, List<String>> parts) {
        Map<String, Object> custom = Map.of();
        String customJson = first(parts, "customFields");
        if (customJson != null && !customJson.isBlank()) {
            List<FieldError> errors = new ArrayList<>();
            try {
                custom = customFields(Json.MAPPER.readTree(customJson), errors);
            } catch (JacksonException e) {
                errors.add(new FieldError("customFields", "Send custom fields as a JSON object."));
            }
            if (!errors.isEmpty()) {
                throw new HarmonyException(ErrorKind.INVALID, harmony.core.error.UserMessages.FIELDS_INVALID, errors, null);
            }
        }
        return new ConversationForm(first(parts, "team"), first(parts, "contact"), first(parts, "owner"),
                first(parts, "medium"), first(parts, "title"), first(parts, "occurredAt"),
                parts.getOrDefault("tags", List.of()), custom);
    }

    private static String first(Map<String, List<String>> parts, String name) {
        List<String> values = parts.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String text(JsonNode body, String field, List<FieldError> errors) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isContainerNode()) {
            errors.add(new FieldError(field, "Send a single value."));
            return null;
        }
        return n.asText();
    }

    private static List<String> tags(JsonNode n, List<FieldError> errors) {
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (n.isTextual()) {
            return List.of(n.asText());
        }
        List<String> tags = new ArrayList<>();
        if (n.isArray()) {
            for (JsonNode t : n) {
                if (t.isValueNode() && !t.isNull()) {
                    tags.add(t.asText());
                } else {
                    errors.add(new FieldError("tags", "Send tags as a list of strings."));
                    return List.of();
                }
            }
            return tags;
        }
        errors.add(new FieldError("tags", "Send tags as a list of strings."));
        return List.of();
    }

    private static Map<String, Object> customFields(JsonNode n, List<FieldError> errors) {
        if (n == null || n.isNull()) {
            return Map.of();
        }
        if (!n.isObject()) {
            errors.add(new FieldError("customFields", "Send custom fields as a JSON object."));
            return Map.of();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> values.put(e.getKey(), plain(e.getValue())));
        return values;
    }

    /** JSON scalars and lists as Java values; objects are kept as text for the rules to refuse. */
    private static Object plain(JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isArray()) {
            List<Object> items = new ArrayList<>();
            v.forEach(i -> items.add(i.isValueNode() ? i.asText() : i.toString()));
            return items;
        }
        if (v.isObject()) {
            return java.util.Map.of();
        }
        return v.asText();
    }

    private FormFields() {
    }
}
