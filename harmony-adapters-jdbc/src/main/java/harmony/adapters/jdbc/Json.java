package harmony.adapters.jdbc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import harmony.core.domain.Speaker;
import harmony.core.domain.Turn;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON documents kept in text columns, written and read with Jackson's streaming API (no
 * reflection, no intermediate trees: a 600-turn transcript is one pass each way).
 *
 * <p>Custom-field values keep their Java types: JSON strings are {@link String}, numbers
 * {@link BigDecimal} (exactly as written, scale included), booleans {@link Boolean}, arrays lists of
 * strings.
 */
final class Json {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    interface Writer {
        void write(JsonGenerator g) throws IOException;
    }

    interface Reader<T> {
        T read(JsonParser p) throws IOException;
    }

    static String write(Writer writer) {
        Chars out = new Chars();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            writer.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static <T> T read(String json, Reader<T> reader) {
        try (JsonParser p = FACTORY.createParser(json)) {
            p.nextToken();
            return reader.read(p);
        } catch (IOException e) {
            throw new UncheckedIOException("stored JSON is unreadable", e);
        }
    }

    static String strings(List<String> values) {
        return write(g -> {
            g.writeStartArray();
            for (String v : values) {
                g.writeString(v);
            }
            g.writeEndArray();
        });
    }

    static List<String> strings(String json) {
        return read(json, Json::readStrings);
    }

    private static List<String> readStrings(JsonParser p) throws IOException {
        expect(p, JsonToken.START_ARRAY);
        List<String> values = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            values.add(p.getText());
        }
        return List.copyOf(values);
    }

    static String customFields(Map<String, Object> fields) {
        return write(g -> {
            g.writeStartObject();
            for (Map.Entry<String, Object> e : new java.util.TreeMap<>(fields).entrySet()) {
                g.writeFieldName(e.getKey());
                Object v = e.getValue();
                if (v == null) {
                    g.writeNull();
                } else if (v instanceof String s) {
                    g.writeString(s);
                } else if (v instanceof Boolean b) {
                    g.writeBoolean(b);
                } else if (v instanceof BigDecimal d) {
                    // As text: a JSON number would lose the scale (25.50) on some parsers.
                    g.writeNumber(d.toString());
                } else if (v instanceof Number n) {
                    g.writeNumber(new BigDecimal(n.toString()).toString());
                } else if (v instanceof List<?> list) {
                    g.writeStartArray();
                    for (Object item : list) {
                        g.writeString(String.valueOf(item));
                    }
                    g.writeEndArray();
                } else {
                    throw new IllegalArgumentException("custom field " + e.getKey() + " has an unsupported value type "
                            + v.getClass().getName());
                }
            }
            g.writeEndObject();
        });
    }

    static Map<String, Object> customFields(String json) {
        return read(json, p -> {
            expect(p, JsonToken.START_OBJECT);
            Map<String, Object> fields = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                JsonToken t = p.nextToken();
                Object value = switch (t) {
                    case VALUE_STRING -> p.getText();
                    case VALUE_TRUE, VALUE_FALSE -> p.getBooleanValue();
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new BigDecimal(p.getText());
                    case START_ARRAY -> readStrings(p);
                    case VALUE_NULL -> null;
                    default -> throw new IOException("unexpected " + t + " in custom fields");
                };
                if (value != null) {
                    fields.put(key, value);
                }
            }
            return fields;
        });
    }

    static String speakers(List<Speaker> speakers) {
        return write(g -> {
            g.writeStartArray();
            for (Speaker s : speakers) {
                g.writeStartObject();
                g.writeStringField("label", s.label());
                if (s.name() != null) {
                    g.writeStringField("name", s.name());
                }
                if (s.contactId() != null) {
                    g.writeStringField("contactId", s.contactId());
                }
                if (s.userId() != null) {
                    g.writeStringField("userId", s.userId());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        });
    }

    static List<Speaker> speakers(String json) {
        return read(json, p -> {
            expect(p, JsonToken.START_ARRAY);
            List<Speaker> speakers = new ArrayList<>();
            while (p.nextToken() == JsonToken.START_OBJECT) {
                Map<String, String> f = fields(p);
                speakers.add(new Speaker(f.get("label"), f.get("name"), f.get("contactId"), f.get("userId")));
            }
            return speakers;
        });
    }

    /**
     * Turns as compact arrays: {@code [speaker, startMs, endMs, text]}. Written by hand rather than
     * through a generator: this is the biggest document Harmony stores (about 50 KB for 5,000 words)
     * and most turn texts need no escaping, so they are copied whole. Jackson reads it back.
     */
    static String turns(List<Turn> turns) {
        int length = 2;
        for (Turn t : turns) {
            length += t.text().length() + t.speaker().length() + 32;
        }
        StringBuilder sb = new StringBuilder(length).append('[');
        for (Turn t : turns) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append('[');
            quote(t.speaker(), sb);
            sb.append(',').append(t.startMs()).append(',').append(t.endMs()).append(',');
            quote(t.text(), sb);
            sb.append(']');
        }
        return sb.append(']').toString();
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /**
     * Appends {@code s} as a JSON string (quotes, backslashes and control characters escaped). The runs
     * between escapes are appended as string ranges, which the builder copies as whole arrays.
     */
    private static void quote(String s, StringBuilder sb) {
        int n = s.length();
        sb.append('"');
        int from = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                sb.append(s, from, i);
                switch (c) {
                    case '"' -> sb.append("\\\"");
                    case '\\' -> sb.append("\\\\");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    case '\t' -> sb.append("\\t");
                    default -> sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                }
                from = i + 1;
            }
        }
        sb.append(s, from, n).append('"');
    }

    static List<Turn> turns(String json) {
        return read(json, p -> {
            expect(p, JsonToken.START_ARRAY);
            List<Turn> turns = new ArrayList<>();
            while (p.nextToken() == JsonToken.START_ARRAY) {
                p.nextToken();
                String speaker = p.getText();
                p.nextToken();
                long start = p.getLongValue();
                p.nextToken();
                long end = p.getLongValue();
                p.nextToken();
                String text = p.getText();
                expect(p.nextToken(), JsonToken.END_ARRAY);
                turns.add(new Turn(speaker, start, end, text));
            }
            return turns;
        });
    }

    /** A flat object of string (or null) fields; the parser is on START_OBJECT. */
    private static Map<String, String> fields(JsonParser p) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            fields.put(name, t == JsonToken.VALUE_NULL ? null : p.getText());
        }
        return fields;
    }

    private static void expect(JsonParser p, JsonToken token) throws IOException {
        expect(p.currentToken(), token);
    }

    private static void expect(JsonToken actual, JsonToken token) throws IOException {
        if (actual != token) {
            throw new IOException("expected " + token + " but found " + actual);
        }
    }

    /** An unsynchronised {@link StringWriter}: documents are built on one thread. */
    private static final class Chars extends java.io.Writer {
        private final StringBuilder sb = new StringBuilder(256);

        @Override
        public void write(char[] chars, int off, int len) {
            sb.append(chars, off, len);
        }

        @Override
        public void write(String str, int off, int len) {
            sb.append(str, off, off + len);
        }

        @Override
        public void write(int c) {
            sb.append((char) c);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return sb.toString();
        }
    }

    private Json() {
    }
}
