package harmony.adapters.http.api;

import harmony.adapters.http.api.ApiHarness.Response;
import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.port.out.ConversationQuery;
import harmony.core.port.out.IdempotencyRecords;
import harmony.testkit.Fixtures;
import harmony.testkit.InMemoryIdempotencyRecords;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node that dies after a create commits but before it records the Idempotency-Key's answer: here the
 * answer's store fails at that moment, so the client gets no 201, as with a crash, and retries. The
 * retry must answer the conversation already made and make no second one, on every creating route.
 */
class IdempotentRetryAfterCrashTest {
    static final ForgetfulRecords records = new ForgetfulRecords();
    static ApiHarness api;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiHarness(ApiSettings.DEFAULTS.withRateLimit(1000, 1000), null, records);
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @Test
    void aPastedTranscriptRetriedAfterTheCrashIsTheSameConversation() throws Exception {
        String body = "{\"team\":\"" + Fixtures.SALES + "\",\"contact\":\"" + Fixtures.DANA + "\",\"medium\":\"call\","
                + "\"title\":\"crash-paste\",\"customFields\":{\"projectCode\":\"P-7\",\"region\":\"EMEA\"},\"transcript\":\"Ada: Hello.\\nDana: Hi.\"}";
        Supplier<HttpRequest> request = () -> api.request("/v1/conversations").header("Content-Type", "application/json")
                .header("Idempotency-Key", "crash-paste").POST(HttpRequest.BodyPublishers.ofString(body)).build();

        assertRetryAnswersTheConversationTheCrashLeft(request, "crash-paste", false);
    }

    @Test
    void anUploadRetriedAfterTheCrashIsTheSameConversationAndStoresTheBytesOnce() throws Exception {
        ApiHarness.Multipart form = HarmonyApiTest.validForm().field("title", "crash-upload")
                .file("file", "crash.mp3", "audio/mpeg", HarmonyApiTest.sample("sample.mp3"));
        byte[] body = form.build();
        Supplier<HttpRequest> request = () -> api.request("/v1/conversations/upload").header("Content-Type", form.contentType())
                .header("Idempotency-Key", "crash-upload").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();

        assertRetryAnswersTheConversationTheCrashLeft(request, "crash-upload", true);
    }

    @Test
    void aMalformedTwinWithTheSameKeyLeavesTheConversationTheCrashLeft() throws Exception {
        byte[] mp3 = HarmonyApiTest.sample("sample.mp3");
        ApiHarness.Multipart good = HarmonyApiTest.validForm().field("title", "crash-twin").file("file", "twin.mp3", "audio/mpeg", mp3);
        ApiHarness.Multipart fieldAfterFile = HarmonyApiTest.validForm().field("title", "crash-twin")
                .file("file", "twin.mp3", "audio/mpeg", mp3).field("note", "late");
        records.forgetNext = true;
        assertThat(api.send(upload(good, "crash-twin")).status()).isEqualTo(503);
        var made = conversationsTitled("crash-twin");
        assertThat(made).hasSize(1);
        int objects = api.store.size();

        Response malformed = api.send(upload(fieldAfterFile, "crash-twin"));

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("detail").asText()).isEqualTo("Send the form fields before the file part.");
        assertThat(conversationsTitled("crash-twin")).as("the first request's conversation survives").containsExactlyElementsOf(made);
        assertThat(api.store.size()).isEqualTo(objects);
        Response retried = api.send(upload(good, "crash-twin"));
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.json().get("id").asText()).isEqualTo(made.get(0).id());
    }

    @Test
    void aKeySentAgainWithAnotherRequestIsAConflictEvenAfterItsAnswerExpired() throws Exception {
        Supplier<HttpRequest> original = () -> paste("reuse-key", "crash-reuse", "Ada: The first meeting.");
        Response first = api.send(original.get());
        assertThat(first.status()).isEqualTo(201);
        records.expireAll();

        Response other = api.send(paste("reuse-key", "crash-reuse", "Ada: A different meeting altogether."));
        Response again = api.send(original.get());

        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().get("detail").asText()).isEqualTo("This Idempotency-Key was already used with a different request.");
        assertThat(again.status()).as("the same request is still a retry").isEqualTo(201);
        assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(conversationsTitled("crash-reuse")).hasSize(1);
    }

    @Test
    void aTwinWithAnotherBodyAfterTheCrashIsAConflictAndTheRetryStillGetsTheConversation() throws Exception {
        records.forgetNext = true;
        assertThat(api.send(paste("twin-body", "crash-body", "Ada: What was sent first.")).status()).isEqualTo(503);
        var made = conversationsTitled("crash-body");

        Response other = api.send(paste("twin-body", "crash-body", "Ada: Something else."));
        Response retried = api.send(paste("twin-body", "crash-body", "Ada: What was sent first."));

        assertThat(other.status()).isEqualTo(409);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.json().get("id").asText()).isEqualTo(made.get(0).id());
        assertThat(conversationsTitled("crash-body")).hasSize(1);
    }

    @Test
    void anUploadRetriedWithAFreshBoundaryIsReplayedAndAnotherFileWithTheKeyIsAConflict() throws Exception {
        byte[] mp3 = HarmonyApiTest.sample("sample.mp3");
        java.util.function.BiFunction<String, byte[], ApiHarness.Multipart> form = (boundary, file) ->
                new ApiHarness.Multipart(boundary).field("contact", Fixtures.DANA).field("customFields", "{\"projectCode\":\"P-7\"}")
                        .field("title", "crash-boundary").file("file", "b.mp3", "audio/mpeg", file);

        Response first = api.send(upload(form.apply("----browserBoundaryA1", mp3), "boundary-key"));
        Response retried = api.send(upload(form.apply("----browserBoundaryB2", mp3), "boundary-key"));
        byte[] other = java.util.Arrays.copyOf(mp3, mp3.length + 1);
        Response otherFile = api.send(upload(form.apply("----browserBoundaryC3", other), "boundary-key"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retried.status()).as(retried.raw().body()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(otherFile.status()).isEqualTo(409);
        assertThat(conversationsTitled("crash-boundary")).hasSize(1);
    }

    private static HttpRequest paste(String key, String title, String transcript) {
        String body = "{\"team\":\"" + Fixtures.SALES + "\",\"contact\":\"" + Fixtures.DANA + "\",\"medium\":\"call\","
                + "\"title\":\"" + title + "\",\"customFields\":{\"projectCode\":\"P-7\",\"region\":\"EMEA\"},"
                + "\"transcript\":\"" + transcript + "\"}";
        return api.request("/v1/conversations").header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpRequest upload(ApiHarness.Multipart form, String key) {
        return api.request("/v1/conversations/upload").header("Content-Type", form.contentType())
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofByteArray(form.build())).build();
    }

    @Test
    void aBrowserUploadsCompletionRetriedAfterTheCrashIsTheSameConversation() throws Exception {
        byte[] file = HarmonyApiTest.sample("sample.mp3");
        var started = api.postJson("/v1/uploads", "{\"filename\":\"crash-parts.mp3\",\"size\":" + file.length + "}").json();
        assertThat(started.get("partCount").asInt()).isEqualTo(1);
        assertThat(api.send(api.request(started.at("/parts/0/url").asText())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(file)).build()).status()).isEqualTo(200);
        Supplier<HttpRequest> request = () -> api.request("/v1/uploads/" + started.get("uploadId").asText() + "/complete")
                .header("Content-Type", "application/json").header("Idempotency-Key", "crash-parts")
                .POST(HttpRequest.BodyPublishers.ofString(BrowserUploadTest.FORM)).build();

        assertRetryAnswersTheConversationTheCrashLeft(request, "crash-parts", true);
    }

    private static void assertRetryAnswersTheConversationTheCrashLeft(Supplier<HttpRequest> request, String title,
                                                                      boolean recording) throws Exception {
        int objects = api.store.size();
        records.forgetNext = true;
        Response lost = api.send(request.get());
        assertThat(lost.status()).as("the answer never reached the client").isEqualTo(503);
        var made = conversationsTitled(title);
        assertThat(made).as("the create itself committed").hasSize(1);

        Response retried = api.send(request.get());

        assertThat(retried.status()).as(retried.raw().body()).isEqualTo(201);
        assertThat(retried.json().get("id").asText()).isEqualTo(made.get(0).id());
        assertThat(retried.header("Location")).isEqualTo("/v1/conversations/" + made.get(0).id());
        assertThat(conversationsTitled(title)).as("no second conversation").hasSize(1);
        assertThat(api.store.size()).as("stored objects").isEqualTo(objects + (recording ? 1 : 0));
        assertThat(api.scheduled(made.get(0).id())).isTrue();

        Response replayed = api.send(request.get());
        assertThat(replayed.header("Idempotent-Replayed")).as("the retry's answer is the key's answer now").isEqualTo("true");
        assertThat(replayed.json().get("id").asText()).isEqualTo(made.get(0).id());
    }

    private static java.util.List<harmony.core.domain.Conversation> conversationsTitled(String title) {
        return api.conversations.list(ConversationQuery.all(Fixtures.WS).withLimit(200)).items().stream()
                .filter(c -> c.title().equals(title)).toList();
    }

    /** Idempotency records whose next save fails, as if the node died between the commit and the save. */
    static final class ForgetfulRecords implements IdempotencyRecords {
        volatile InMemoryIdempotencyRecords inner = new InMemoryIdempotencyRecords();
        volatile boolean forgetNext;

        /** As if every stored answer had outlived its 24 hours. */
        void expireAll() {
            inner = new InMemoryIdempotencyRecords();
        }

        @Override
        public Optional<Entry> find(String workspaceId, String key) {
            return inner.find(workspaceId, key);
        }

        @Override
        public Entry saveIfAbsent(String workspaceId, String key, Entry entry) {
            if (forgetNext) {
                forgetNext = false;
                throw new HarmonyException(ErrorKind.UNAVAILABLE, "The node went away.");
            }
            return inner.saveIfAbsent(workspaceId, key, entry);
        }
    }
}
