package harmony.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example app on PostgreSQL and S3 while they fail: S3 stops and comes back on the same port with the same
 * objects, PostgreSQL stops and comes back on the same port and data folder. Requests made meanwhile answer a
 * 503 problem with Retry-After and create nothing; afterwards the same app, with no restart, serves again and
 * its workers finish the work, a transcription that met the S3 outage included (retried with backoff).
 */
class FaultToleranceTest {
    /** How long S3 stays away, as the issue asks. */
    static final Duration S3_OUTAGE = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();
    static final String FORM = "\"contact\":\"acme-dana\",\"customFields\":{\"dealStage\":\"Demo\"}";
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static PostgresS3Stack stack;
    static HarmonyApp app;
    static String key;

    @BeforeAll
    static void start() throws Exception {
        stack = PostgresS3Stack.start();
        app = stack.startApp();
        key = app.demoKeys().get(0).key();
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close(); // the app first
        }
    }

    @Test
    void whileS3IsDownUploadsAnswer503AndLeaveNothingAndATranscriptionRetriesUntilItIsBack() throws Exception {
        byte[] mp3 = resource("speech.mp3");
        Response uploaded = postMultipart("/v1/conversations/upload", mp3, "before-the-outage.mp3");
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        String id = uploaded.json().get("id").asText();
        assertThat(awaitConversation(id, c -> c.get("status").asText().equals("completed")).get("status").asText())
                .isEqualTo("completed");
        Set<String> objects = stack.bucketKeys();
        long conversations = stack.queryLong("SELECT count(*) FROM conversations");
        long jobs = stack.queryLong("SELECT count(*) FROM jobs");

        stack.stopS3();
        long outageStarted = System.nanoTime();
        try {
            Response refused = postMultipart("/v1/conversations/upload", mp3, "during-the-outage.mp3");
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.header("Retry-After")).isNotBlank();
            assertThat(refused.json().get("detail").asText())
                    .isEqualTo("File storage is not reachable right now. Please try again in a moment.");
            assertThat(refused.body()).doesNotContain("Exception", "at harmony.");
            Response browser = postJson("/v1/uploads", "{\"filename\":\"big.mp3\",\"size\":20000000,\"contentType\":\"audio/mpeg\"}");
            assertThat(browser.status()).as(browser.body()).isEqualTo(503);
            assertThat(stack.queryLong("SELECT count(*) FROM conversations")).as("no conversation row").isEqualTo(conversations);
            assertThat(stack.queryLong("SELECT count(*) FROM jobs")).as("no job").isEqualTo(jobs);

            assertThat(get("/v1/conversations/" + id + "/recording").status()).isEqualTo(503);
            Response delete = send(request("/v1/conversations/" + id).DELETE().build());
            assertThat(delete.status()).as(delete.body()).isEqualTo(503);
            assertThat(get("/v1/conversations/" + id).status()).as("kept until its media can go too").isEqualTo(200);

            // The stage that reads the recording fails while S3 is away, and is retried with backoff.
            Response again = post("/v1/conversations/" + id + "/reprocess");
            assertThat(again.status()).as(again.body()).isEqualTo(202);
            JsonNode retrying = awaitConversation(id, c -> c.at("/processing/attempts").asInt() >= 2);
            assertThat(retrying.get("status").asText()).isEqualTo("transcribing");

            // The outage is 30 s: the stage keeps retrying through all of it instead of failing.
            while (System.nanoTime() - outageStarted < S3_OUTAGE.toNanos()) {
                assertThat(get("/v1/conversations/" + id).json().get("status").asText()).isEqualTo("transcribing");
                Thread.sleep(1_000);
            }
        } finally {
            stack.startS3();
        }

        // The next retry may be a backoff of up to ~30 s away.
        JsonNode done = awaitConversation(id, c -> Set.of("completed", "failed").contains(c.get("status").asText()),
                Duration.ofSeconds(120));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(get("/v1/conversations/" + id + "/transcript").json().get("turns")).isNotEmpty();
        assertThat(stack.bucketKeys()).as("nothing written by the refused uploads").isEqualTo(objects);
        assertThat(stack.multipartUploadsLeft()).as("no orphaned parts").isEmpty();
        assertThat(postMultipart("/v1/conversations/upload", mp3, "after-the-outage.mp3").status()).isEqualTo(201);
    }

    @Test
    void whilePostgresIsDownCallsAnswer503AndTheSameAppServesAndProcessesAgainAfterwards() throws Exception {
        List<String> queued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Response r = postJson("/v1/conversations", "{" + FORM + ",\"title\":\"Restart " + i
                    + "\",\"transcript\":\"Ada: I will send the pricing by Friday.\\nDana: Thanks.\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            queued.add(r.json().get("id").asText());
        }

        long conversations = stack.queryLong("SELECT count(*) FROM conversations");
        stack.stopPostgres();
        try {
            for (Response r : List.of(get("/v1/conversations"),
                    postJson("/v1/conversations", "{" + FORM + ",\"transcript\":\"Ada: lost?\"}"))) {
                assertThat(r.status()).as(r.body()).isEqualTo(503);
                assertThat(r.header("Content-Type")).startsWith("application/problem+json");
                assertThat(r.header("Retry-After")).isNotBlank();
                assertThat(r.json().get("detail").asText())
                        .isEqualTo("The database is not reachable right now. Please try again in a moment.");
                assertThat(r.body()).doesNotContain("Exception", "SQL");
            }
        } finally {
            stack.startPostgres();
        }

        // The pool drops the connections that died with the server; at most a few calls meet one.
        Response list = null;
        for (int attempt = 0; attempt < 20 && (list == null || list.status() != 200); attempt++) {
            list = get("/v1/conversations");
            assertThat(list.status()).as(list.body()).isIn(200, 503);
        }
        assertThat(list.status()).isEqualTo(200);
        for (String id : queued) {
            JsonNode done = awaitConversation(id, c -> Set.of("completed", "failed").contains(c.get("status").asText()));
            assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("completed");
        }
        assertThat(stack.queryLong("SELECT count(*) FROM conversations")).as("the refused create left no row").isEqualTo(conversations);
        Response after = postJson("/v1/conversations", "{" + FORM + ",\"title\":\"After\",\"transcript\":\"Ada: back.\"}");
        assertThat(after.status()).as(after.body()).isEqualTo(201);
        assertThat(awaitConversation(after.json().get("id").asText(),
                c -> c.get("status").asText().equals("completed")).get("status").asText()).isEqualTo("completed");
    }

    // ---- HTTP ----------------------------------------------------------------------------------------

    record Response(int status, String body, HttpResponse<String> raw) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(60));
    }

    private static Response send(HttpRequest request) throws Exception {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(r.statusCode(), r.body(), r);
    }

    private static Response get(String path) throws Exception {
        return send(request(path).GET().build());
    }

    private static Response post(String path) throws Exception {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private static Response postJson(String path, String json) throws Exception {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static Response postMultipart(String path, byte[] file, String filename) throws Exception {
        String boundary = "harmony-faults-boundary-42";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String[] field : new String[][] {{"contact", "acme-dana"}, {"customFields", "{\"dealStage\":\"Demo\"}"},
                {"medium", "call"}}) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field[0] + "\"\r\n\r\n"
                    + field[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: audio/mpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build());
    }

    /** Polls the conversation until {@code condition} holds, for up to 50 s. */
    private static JsonNode awaitConversation(String id, Predicate<JsonNode> condition) throws Exception {
        return awaitConversation(id, condition, Duration.ofSeconds(50));
    }

    private static JsonNode awaitConversation(String id, Predicate<JsonNode> condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            Response r = get("/v1/conversations/" + id);
            if (r.status() == 200) {
                last = r.json();
                if (condition.test(last)) {
                    return last;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("conversation " + id + " did not get there within 50 s; last seen: " + last);
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = FaultToleranceTest.class.getResourceAsStream("/media/" + name)) {
            return in.readAllBytes();
        }
    }
}
