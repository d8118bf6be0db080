package harmony.core.ingest.transcript;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Typed reads from a JSON tree whose errors name the path: {@code turns[3].startMs: must be a whole
 * number of milliseconds, not "abc"}.
 */
final class Json {
    /** About 31 years: any offset past this is a mistake, and it keeps arithmetic far from overflow. */
    private static final long MAX_MS = 1_000_000_000_000L;

    /**
     * Where a value sits, e.g. {@code turns[3]}. Built per list element but spelled out only for an
     * error message, so reading a long list stays cheap.
     */
    record At(Object list, int index) {
        @Override
        public String toString() {
            return list + "[" + index + "]";
        }
    }

    /** A field below a place, e.g. {@code turns[3].sentences}, spelled out only when shown. */
    record Field(Object parent, String name) {
        @Override
        public String toString() {
            return path(parent, name);
        }
    }

    static At at(Object list, int index) {
        return new At(list, index);
    }

    static Field field(Object parent, String name) {
        return new Field(parent, name);
    }

    static String path(Object parent, String field) {
        String p = parent.toString();
        return p.isEmpty() ? field : p + "." + field;
    }

    /** The list at {@code field}; empty when absent or null unless required. */
    static JsonNode array(JsonNode node, String field, Object parent, boolean required) {
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

    static JsonNode object(JsonNode array, int index, Object parent) {
        JsonNode value = array.get(index);
        if (!value.isObject()) {
            throw TranscriptFormatException.at(at(parent, index).toString(), "must be an object, not " + describe(value));
        }
        return value;
    }

    /** A string (numbers are taken as their text), or null when absent and not required. */
    static String text(JsonNode node, String field, Object parent, boolean required) {
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
    static long millis(JsonNode node, String field, Object parent, long absent) {
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
    static long seconds(JsonNode node, String field, Object parent, long absent) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isNumber()) {
            throw TranscriptFormatException.at(path(parent, field), "must be a number of seconds, not " + describe(value));
        }
        return checked(value.doubleValue() * 1000, field, parent);
    }

    private static long checked(double ms, String field, Object parent) {
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
