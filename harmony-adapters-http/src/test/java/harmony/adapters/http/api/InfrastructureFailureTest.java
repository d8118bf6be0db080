package harmony.adapters.http.api;

import harmony.adapters.http.api.ApiHarness.Response;
import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.error.UserMessages;
import harmony.core.port.out.RecordingStore;
import harmony.core.port.out.StoredObject;
import harmony.testkit.InMemoryRecordingStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Infrastructure that is down or full answers a problem the client can act on: 503 with Retry-After for
 * a dependency that is away, 507 for a full disk; never a 500, never a stack trace, and nothing is created.
 * The storage adapters' own tests show that their real failures (S3 unreachable, ENOSPC) raise these kinds.
 */
class InfrastructureFailureTest {
    static final SwitchableStore store = new SwitchableStore();
    static ApiHarness api;

    @BeforeAll
    static void start() throws Exception {
        api = new ApiHarness(ApiSettings.DEFAULTS.withRateLimit(1000, 1000), store);
    }

    @AfterAll
    static void stop() throws Exception {
        api.close();
    }

    @AfterEach
    void storageBack() {
        store.failure = null;
    }

    @Test
    void anUploadWhileStorageIsUnreachableIs503WithRetryAfterAndCreatesNothing() throws Exception {
        store.failure = new HarmonyException(ErrorKind.UNAVAILABLE, UserMessages.STORAGE_UNAVAILABLE,
                new java.net.ConnectException("Connection refused"));

        int conversations = conversations();
        int objects = store.inner.size();

        Response r = upload();

        assertThat(r.status()).isEqualTo(503);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.header("Retry-After")).isEqualTo(Integer.toString(Problems.UNAVAILABLE_RETRY_AFTER_SECONDS));
        assertThat(r.json().get("title").asText()).isEqualTo("Service Unavailable");
        assertThat(r.json().get("detail").asText()).isEqualTo(UserMessages.STORAGE_UNAVAILABLE);
        assertThat(r.raw().body()).doesNotContain("Exception", "Connection refused", "at harmony.");
        assertThat(conversations()).as("no conversation record").isEqualTo(conversations);
        assertThat(store.inner.size()).as("no stored object").isEqualTo(objects);

        store.failure = null;
        assertThat(upload().status()).as("storage is back").isEqualTo(201);
    }

    @Test
    void anUploadOntoAFullDiskIs507WithoutRetryAfterAndCreatesNothing() throws Exception {
        store.failure = new HarmonyException(ErrorKind.INSUFFICIENT_STORAGE, UserMessages.STORAGE_FULL,
                new IOException("No space left on device"));

        int conversations = conversations();
        int objects = store.inner.size();

        Response r = upload();

        assertThat(r.status()).isEqualTo(507);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.header("Retry-After")).isNull();
        assertThat(r.json().get("title").asText()).isEqualTo("Insufficient Storage");
        assertThat(r.json().get("detail").asText()).isEqualTo(UserMessages.STORAGE_FULL);
        assertThat(r.raw().body()).doesNotContain("No space left", "Exception");
        assertThat(conversations()).as("no conversation record").isEqualTo(conversations);
        assertThat(store.inner.size()).as("no stored object").isEqualTo(objects);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyAfterTheOutageCreatesTheConversation() throws Exception {
        store.failure = new HarmonyException(ErrorKind.UNAVAILABLE, UserMessages.STORAGE_UNAVAILABLE);
        ApiHarness.Multipart form = HarmonyApiTest.validForm().file("file", "retry.mp3", "audio/mpeg", HarmonyApiTest.sample("sample.mp3"));
        byte[] body = form.build();
        java.util.function.Supplier<java.net.http.HttpRequest> request = () -> api.request("/v1/conversations/upload")
                .header("Content-Type", form.contentType()).header("Idempotency-Key", "outage-retry-1")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)).build();

        assertThat(api.send(request.get()).status()).isEqualTo(503);
        store.failure = null;
        Response retried = api.send(request.get());

        // The 503 was not remembered as the key's answer: the retry does the work.
        assertThat(retried.status()).as(retried.raw().body()).isEqualTo(201);
        assertThat(retried.header("Idempotent-Replayed")).isNull();
        Response replayed = api.send(request.get());
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.json().get("id")).isEqualTo(retried.json().get("id"));
    }

    @Test
    void aDeleteWhileStorageIsUnreachableIs503AndKeepsTheConversationForTheRetry() throws Exception {
        Response created = upload();
        assertThat(created.status()).isEqualTo(201);
        String path = "/v1/conversations/" + created.json().get("id").asText();
        int objects = store.inner.size();

        store.failure = new HarmonyException(ErrorKind.UNAVAILABLE, UserMessages.STORAGE_UNAVAILABLE);
        Response refused = api.send(api.request(path).DELETE().build());
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(api.get(path).status()).as("the record stays until its media is gone").isEqualTo(200);
        assertThat(store.inner.size()).isEqualTo(objects);

        store.failure = null;
        assertThat(api.send(api.request(path).DELETE().build()).status()).isEqualTo(204);
        assertThat(api.get(path).status()).isEqualTo(404);
        assertThat(store.inner.size()).isEqualTo(objects - 1);
    }

    @Test
    void theOpenApiDocumentListsBothAnswers() throws Exception {
        var doc = api.get("/v1/openapi.json").json();
        var upload = doc.at("/paths/~1v1~1conversations~1upload/post/responses");
        assertThat(upload.has("503")).isTrue();
        assertThat(upload.has("507")).isTrue();
        assertThat(doc.at("/components/responses/Unavailable/headers/Retry-After").isMissingNode()).isFalse();
        assertThat(doc.at("/components/responses/InsufficientStorage/description").asText()).contains(UserMessages.STORAGE_FULL);
    }

    private static Response upload() throws Exception {
        return api.postMultipart("/v1/conversations/upload", HarmonyApiTest.validForm()
                .file("file", "kickoff.mp3", "audio/mpeg", HarmonyApiTest.sample("sample.mp3")));
    }

    private static int conversations() throws Exception {
        Response list = api.get("/v1/conversations?limit=100");
        assertThat(list.status()).isEqualTo(200);
        return list.json().get("items").size();
    }

    /** The in-memory store, failing like a real adapter does after it read part of the upload. */
    static final class SwitchableStore implements RecordingStore {
        final InMemoryRecordingStore inner = new InMemoryRecordingStore();
        volatile HarmonyException failure;

        @Override
        public StoredObject put(String key, InputStream content) throws IOException {
            HarmonyException f = failure;
            if (f != null) {
                content.readNBytes(4096); // the adapter had started writing when the store gave out
                throw f;
            }
            return inner.put(key, content);
        }

        @Override
        public InputStream open(String key, long offset, long length) throws IOException {
            return inner.open(key, offset, length);
        }

        @Override
        public Optional<StoredObject> stat(String key) {
            return inner.stat(key);
        }

        @Override
        public void delete(String key) {
            HarmonyException f = failure;
            if (f != null) {
                throw f;
            }
            inner.delete(key);
        }
    }
}
