package harmony.adapters.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import harmony.adapters.http.api.ApiHarness.Multipart;
import harmony.adapters.http.api.ApiHarness.Response;
import harmony.testkit.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Pasted transcripts, transcript files and structured imports through the API. */
class TranscriptEndpointsTest {
    static ApiHarness api;
    static final String FORM = "\"contact\":\"" + Fixtures.DANA + "\",\"customFields\":{\"projectCode\":\"P-9\"}";

    @BeforeAll
    static void start() throws Exception {
        api = new ApiHarness();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @Test
    void aPastedTranscriptBecomesAConversationWithSpeakerTurns() throws Exception {
        Response r = api.postJson("/v1/conversations", "{" + FORM + ",\"title\":\"Renewal\",\"transcript\":"
                + "\"Dana: Can you send the proposal by Friday?\\nAda: Sure, I will send it tomorrow.\"}");
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        assertThat(r.json().get("source").asText()).isEqualTo("transcript_paste");
        assertThat(r.json().get("status").asText()).isEqualTo("queued");
        JsonNode t = api.get("/v1/conversations/" + r.json().get("id").asText() + "/transcript").json();
        assertThat(t.get("turns")).hasSize(2);
        assertThat(t.findValuesAsText("name")).contains("Dana", "Ada");
        assertThat(api.get("/v1/conversations?q=proposal").json().get("items").findValuesAsText("id")).contains(r.json().get("id").asText());
    }

    @Test
    void anEmptyTranscriptIsAMissingRequiredField() throws Exception {
        Response r = api.postJson("/v1/conversations", "{" + FORM + ",\"transcript\":\"   \"}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("detail").asText()).isEqualTo("Please fill in all required fields.");
        assertThat(r.json().get("errors").findValuesAsText("field")).containsExactly("transcript");
    }

    @Test
    void aJsonTranscriptFileIsParsed() throws Exception {
        String json = "{\"participants\":[{\"id\":\"p1\",\"name\":\"Dana Reyes\",\"kind\":\"contact\"},{\"id\":\"p2\",\"name\":\"Ada\",\"kind\":\"user\"}],"
                + "\"turns\":[{\"speaker\":\"p1\",\"startMs\":0,\"endMs\":4200,\"text\":\"Hello there.\"},"
                + "{\"speaker\":\"p2\",\"startMs\":4200,\"endMs\":9000,\"text\":\"Hi Dana.\"}]}";
        Response r = api.postMultipart("/v1/conversations/transcript-upload", new Multipart().field("contact", Fixtures.DANA)
                .field("customFields", "{\"projectCode\":\"P-1\"}").file("file", "call.json", "application/json", json.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        assertThat(r.json().get("source").asText()).isEqualTo("transcript_file");
        JsonNode t = api.get("/v1/conversations/" + r.json().get("id").asText() + "/transcript").json();
        assertThat(t.at("/turns/1/startMs").asLong()).isEqualTo(4200);
    }

    @Test
    void aTranscriptFileOverTenMegabytesIs413() throws Exception {
        byte[] big = new byte[10 * 1024 * 1024 + 10];
        java.util.Arrays.fill(big, (byte) 'a');
        Response r = api.postMultipart("/v1/conversations/transcript-upload", new Multipart().field("contact", Fixtures.DANA)
                .field("customFields", "{\"projectCode\":\"P-1\"}").file("file", "big.txt", "text/plain", big));
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().get("detail").asText()).isEqualTo("The maximum file size is 10 MB.");
    }

    @Test
    void aBrokenTranscriptFileIs422NamingThePlace() throws Exception {
        String srt = "1\n00:00:01,000 --> 00:61:00,000\nDana: hello\n";
        Response r = api.postMultipart("/v1/conversations/transcript-upload", new Multipart().field("contact", Fixtures.DANA)
                .field("customFields", "{\"projectCode\":\"P-1\"}").file("file", "call.srt", "application/x-subrip", srt.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("detail").asText()).startsWith("line 2");
    }

    @Test
    void aStructuredImportMapsParticipantsAndTimes() throws Exception {
        String body = "{" + FORM + ",\"participants\":[{\"id\":\"a\",\"name\":\"Dana\",\"email\":\"dana@initech.test\",\"kind\":\"contact\"},"
                + "{\"id\":\"b\",\"name\":\"Ada\",\"email\":\"ada@acme.test\",\"kind\":\"user\"}],"
                + "\"messages\":[{\"participantId\":\"a\",\"sentAt\":\"2026-11-28T16:00:00Z\",\"text\":\"Hi, any update?\"},"
                + "{\"participantId\":\"b\",\"sentAt\":\"2026-11-28T16:00:30Z\",\"text\":\"Yes, shipping today.\"}]}";
        Response r = api.postJson("/v1/conversations/structured-import", body);
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        assertThat(r.json().get("occurredAt").asText()).isEqualTo("2026-11-28T16:00:00Z");
        JsonNode t = api.get("/v1/conversations/" + r.json().get("id").asText() + "/transcript").json();
        assertThat(t.at("/turns/1/startMs").asLong()).isEqualTo(30_000);
        assertThat(t.findValuesAsText("contactId")).contains(Fixtures.DANA);
        assertThat(t.findValuesAsText("userId")).contains(Fixtures.ADA);

        Response bad = api.postJson("/v1/conversations/structured-import", "{" + FORM + ",\"participants\":\"nope\"}");
        assertThat(bad.status()).isEqualTo(422);
    }

    @Test
    void theTranscriptSchemaIsPublished() throws Exception {
        Response r = api.send(HttpRequest.newBuilder(api.uri("/v1/transcript.schema.json")).GET().build());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().toString()).contains("participants", "turns");
    }
}
