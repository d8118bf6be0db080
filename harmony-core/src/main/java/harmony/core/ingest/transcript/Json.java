package harmony.core.ingest.transcript;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Typed reads from a JSON tree whose errors name the path: {@code turns[3].startMs: must be a whole
 * number of milliseconds, not "abc"}.
 */
final class Json {
    /** About 31 years: any offset past this is a mistake, and it keeps arithmetic far from overflow. */
    private static final long MAX_MS = 1_000_000_000_000L;

    static String path(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    static String path(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** The list at {@code field}; empty when absent or null unless required. */
    static JsonNode array(JsonNode node, String field, String parent, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw TranscriptFormatException.at(path(parent, field), "is missing");
            }
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
        if (!value.isArray()) {
            throw TranscriptFormatException.at(path(parent, field), "must be a list, not " + describe(value));
        }
        return value;
    }

    static JsonNode object(JsonNode array, int index, String parent) {
        JsonNode value = array.get(index);
        if (!value.isObject()) {
            throw TranscriptFormatException.at(path(parent, index), "must be an object, not " + describe(value));
        }
        return value;
    }

    /** A string (numbers are taken as their text), or null when absent and not required. */
    static String text(JsonNode node, String field, String parent, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw TranscriptFormatException.at(path(parent, field), "is missing");
            }
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isIntegralNumber()) {
            return value.asText();
        }
        throw TranscriptFormatException.at(path(parent, field), "must be a string, not " + describe(value));
    }

    /** Whole milliseconds, {@code absent} when the field is absent or null. */
    static long millis(JsonNode node, String field, String parent, long absent) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isNumber() || (!value.isIntegralNumber() && value.doubleValue() != Math.rint(value.doubleValue()))) {
            throw TranscriptFormatException.at(path(parent, field),
                    "must be a whole number of milliseconds, not " + describe(value));
        }
        long ms = checked(value.doubleValue(), field, parent);
        return value.isIntegralNumber() ? value.longValue() : ms;
    }

    /** Seconds (with a fraction) as milliseconds, {@code absent} when the field is absent or null. */
    static long seconds(JsonNode node, String field, String parent, long absent) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isNumber()) {
            throw TranscriptFormatException.at(path(parent, field), "must be a number of seconds, not " + describe(value));
        }
        return checked(value.doubleValue() * 1000, field, parent);
    }

    private static long checked(double ms, String field, String parent) {
        if (Double.isNaN(ms) || ms < 0) {
            throw TranscriptFormatException.at(path(parent, field), "must not be negative");
        }
        if (ms > MAX_MS) {
            throw TranscriptFormatException.at(path(parent, field), "is too large to be a time in a conversation");
        }
        return Math.round(ms);
    }

    static String describe(JsonNode value) {
        if (value.isTextual()) {
            String t = value.textValue();
            return "\"" + (t.length() > 40 ? t.substring(0, 40) + "…" : t) + "\"";
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isBoolean()) {
            return value.asText();
        }
        if (value.isNumber()) {
            String t = value.asText();
            return t.length() > 40 ? t.substring(0, 40) + "…" : t;
        }
        return "null";
    }

    private Json() {
    }
}
