package harmony.core.ingest.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import harmony.core.domain.Transcript;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The published schema says what the reader does: same required fields, same kinds, same formats. */
class TranscriptSchemaTest {
    private final JsonTranscriptReader reader = new JsonTranscriptReader();

    @Test
    void schemaIsOnTheClasspathAndItsExampleReads() throws IOException {
        JsonNode schema = schema();
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        Transcript example = reader.read(schema.path("examples").get(0).toString());
        assertThat(Samples.turns(example)).containsExactly("p1|0|4200|Thanks for taking the call.");
    }

    @Test
    void requiredFieldsKindsAndFormatsMatchTheReader() throws IOException {
        JsonNode schema = schema();
        assertThat(schema.path("required").toString()).isEqualTo("[\"turns\"]");
        assertThat(schema.path("$defs").path("turn").path("required").toString()).isEqualTo("[\"speaker\",\"text\"]");
        assertThat(schema.path("$defs").path("participant").path("required").toString()).isEqualTo("[\"id\"]");
        assertThat(schema.path("$defs").path("participant").path("properties").path("kind").path("enum").toString())
                .isEqualTo("[\"contact\",\"user\",\"external\"]");
        for (JsonNode format : schema.path("properties").path("format").path("enum")) {
            try {
                reader.read("{\"format\":\"" + format.asText() + "\"}");
            } catch (TranscriptFormatException e) {
                assertThat(e.getMessage()).doesNotContain("is not one of");
            }
        }
        assertThatThrownBy(() -> reader.read("{\"turns\":[{\"text\":\"x\"}]}")).hasMessage("turns[0].speaker: is missing");
        assertThatThrownBy(() -> reader.read("{\"turns\":[{\"speaker\":\"x\"}]}")).hasMessage("turns[0].text: is missing");
        assertThatThrownBy(() -> reader.read("{\"participants\":[{}],\"turns\":[]}")).hasMessage("participants[0].id: is missing");
    }

    private static JsonNode schema() throws IOException {
        try (InputStream in = JsonTranscriptReader.class.getResourceAsStream("/harmony/transcript.schema.json")) {
            assertThat(in).as("harmony/transcript.schema.json on the classpath").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }
}
