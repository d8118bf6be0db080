package harmony.adapters.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import harmony.adapters.http.api.ApiHarness.Response;
import harmony.testkit.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.http.HttpRequest;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** /v1/uploads: parts, resume, completion re-checked on the stored bytes, abort. */
class BrowserUploadTest {
    static ApiHarness api;
    static final String FORM = "{\"contact\":\"" + Fixtures.DANA + "\",\"customFields\":{\"projectCode\":\"P-3\"}}";

    @BeforeAll
    static void start() throws Exception {
        api = new ApiHarness();
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    static byte[] file(String sample, int size) throws Exception {
        try (InputStream in = BrowserUploadTest.class.getResourceAsStream("/media/" + sample)) {
            return Arrays.copyOf(in.readAllBytes(), size);
        }
    }

    Response putPart(JsonNode part, byte[] file, long partSize) throws Exception {
        int n = part.get("partNumber").asInt();
        int from = (int) ((n - 1) * partSize);
        byte[] bytes = Arrays.copyOfRange(file, from, (int) Math.min(file.length, from + partSize));
        return api.send(api.request(part.get("url").asText()).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    }

    @Test
    void partsArriveInAnyOrderResumeAndCompleteIntoAConversation() throws Exception {
        byte[] file = file("sample.mp3", 150_000);
        Response started = api.postJson("/v1/uploads", "{\"filename\":\"board-meeting.mp3\",\"size\":" + file.length + ",\"contentType\":\"audio/mpeg\"}");
        assertThat(started.status()).as(started.raw().body()).isEqualTo(201);
        JsonNode s = started.json();
        long partSize = s.get("partSize").asLong();
        assertThat(s.get("partCount").asInt()).isEqualTo((int) Math.ceil(file.length / (double) partSize)).isGreaterThan(1);
        assertThat(s.at("/parts/0/url").asText()).isEqualTo("/v1/uploads/" + s.get("uploadId").asText() + "/parts/1");

        JsonNode parts = s.get("parts");
        assertThat(putPart(parts.get(parts.size() - 1), file, partSize).status()).isEqualTo(200);
        JsonNode status = api.get("/v1/uploads/" + s.get("uploadId").asText()).json();
        assertThat(status.get("parts")).hasSize(1);
        assertThat(status.get("size").asLong()).isEqualTo(file.length);

        Response early = api.postJson("/v1/uploads/" + s.get("uploadId").asText() + "/complete", FORM);
        assertThat(early.status()).isEqualTo(409);

        for (int i = 0; i < parts.size() - 1; i++) {
            assertThat(putPart(parts.get(i), file, partSize).status()).isEqualTo(200);
        }
        Response done = api.postJson("/v1/uploads/" + s.get("uploadId").asText() + "/complete", FORM);
        assertThat(done.status()).as(done.raw().body()).isEqualTo(201);
        assertThat(done.json().get("source").asText()).isEqualTo("browser_upload");
        assertThat(done.json().at("/recording/sizeBytes").asLong()).isEqualTo(file.length);
        assertThat(done.json().get("title").asText()).isEqualTo("board-meeting");
        assertThat(api.get("/v1/uploads/" + s.get("uploadId").asText()).status()).isEqualTo(404);
    }

    @Test
    void aDocumentSentInPartsIsRefusedAtCompletionAndNothingStays() throws Exception {
        byte[] pdf = file("sample.pdf", 70_000);
        int before = api.store.size();
        JsonNode s = api.postJson("/v1/uploads", "{\"filename\":\"notes.mp3\",\"size\":" + pdf.length + ",\"contentType\":\"audio/mpeg\"}").json();
        for (JsonNode part : s.get("parts")) {
            putPart(part, pdf, s.get("partSize").asLong());
        }
        Response r = api.postJson("/v1/uploads/" + s.get("uploadId").asText() + "/complete", FORM);
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.json().get("detail").asText()).isEqualTo("Please upload an audio or video file.");
        assertThat(api.store.size()).isEqualTo(before);
    }

    @Test
    void declaredSizeAndTypeAreCheckedWhenTheSessionOpens() throws Exception {
        Response big = api.postJson("/v1/uploads", "{\"filename\":\"big.mp4\",\"size\":2147483649,\"contentType\":\"video/mp4\"}");
        assertThat(big.status()).isEqualTo(413);
        assertThat(big.json().get("detail").asText()).isEqualTo("The maximum file size is 2048 MB.");
        Response pdf = api.postJson("/v1/uploads", "{\"filename\":\"a.pdf\",\"size\":100,\"contentType\":\"application/pdf\"}");
        assertThat(pdf.status()).isEqualTo(415);
        assertThat(api.postJson("/v1/uploads", "{\"filename\":\"a.mp3\",\"size\":0}").status()).isEqualTo(422);
        assertThat(api.postJson("/v1/uploads", "{\"filename\":\"a.mp3\"}").status()).isEqualTo(400);
    }

    @Test
    void abortFreesTheSessionAndOtherWorkspacesCannotSeeIt() throws Exception {
        JsonNode s = api.postJson("/v1/uploads", "{\"filename\":\"a.mp3\",\"size\":1000,\"contentType\":\"audio/mpeg\"}").json();
        String id = s.get("uploadId").asText();
        Response foreign = api.send(HttpRequest.newBuilder(api.uri("/v1/uploads/" + id)).header("Authorization", "Bearer " + api.hankKey).GET().build());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(api.send(api.request("/v1/uploads/" + id).DELETE().build()).status()).isEqualTo(204);
        assertThat(api.get("/v1/uploads/" + id).status()).isEqualTo(404);
    }
}
