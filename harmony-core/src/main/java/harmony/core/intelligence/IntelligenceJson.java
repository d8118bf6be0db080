package harmony.core.intelligence;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import harmony.core.domain.Medium;

import java.io.IOException;

/**
 * The one Jackson configuration for intelligence values: definitions and analyses. Strict on input
 * (unknown fields are errors, so a typo in a definition is reported, not ignored); media are written
 * by their wire names ({@code call}, {@code video}, {@code chat}).
 */
public final class IntelligenceJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new SimpleModule("harmony-intelligence")
                    .addSerializer(Medium.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(Medium value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                            gen.writeString(value.wireName());
                        }
                    })
                    .addDeserializer(Medium.class, new JsonDeserializer<>() {
                        @Override
                        public Medium deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                            String v = p.getValueAsString();
                            return Medium.fromWireName(v).orElseThrow(() -> new IllegalArgumentException(
                                    "unknown medium \"" + v + "\"; known: call, video, chat"));
                        }
                    }))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    /** A shared, thread-safe mapper; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private IntelligenceJson() {
    }
}
