package harmony.adapters.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import harmony.core.Harmony;
import harmony.core.pipeline.PipelineSettings;
import harmony.core.port.out.RemoteFiles;
import harmony.testkit.Fixtures;
import harmony.testkit.InMemoryApiKeys;
import harmony.testkit.InMemoryConversationEvents;
import harmony.testkit.InMemoryConversationAnalyses;
import harmony.testkit.InMemoryJobQueue;
import harmony.testkit.InMemoryProjectCatalog;
import harmony.testkit.InMemoryUploadSessions;
import harmony.testkit.InMemoryWebhookSubscriptions;
import harmony.adapters.http.client.AllowList;
import harmony.adapters.http.client.HostResolver;
import harmony.adapters.http.client.PublicAddressGuard;
import harmony.adapters.http.client.WebhookSender;
import harmony.adapters.http.client.WebhookSettings;
import harmony.testkit.InMemoryConversationRepository;
import harmony.testkit.InMemoryDirectory;
import harmony.testkit.InMemoryIdempotencyRecords;
import harmony.testkit.InMemoryRecordingStore;
import harmony.testkit.InMemoryTransactions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/** The API on a real Jetty on a random port, wired to core's services on in-memory adapters. */
final class ApiHarness implements AutoCloseable {
    final InMemoryDirectory directory = new InMemoryDirectory();
    final InMemoryConversationRepository conversations = new InMemoryConversationRepository();
    final InMemoryRecordingStore store = new InMemoryRecordingStore();
    private final harmony.core.port.out.RecordingStore recordingStore;
    final InMemoryJobQueue jobs;
    final InMemoryProjectCatalog projects = new InMemoryProjectCatalog();
    /** The real sender, allowed to reach this machine so tests can receive deliveries. */
    final WebhookSender webhookSender = new WebhookSender(
            new PublicAddressGuard(AllowList.parse("127.0.0.1"), HostResolver.SYSTEM),
            new WebhookSettings(Duration.ofSeconds(2), Duration.ofSeconds(2), 3, Duration.ofMillis(50), Duration.ofMillis(200)));
    final Harmony harmony;
    /** What transcription answers; tests set it before starting workers. */
    final TestTranscriber transcriber = new TestTranscriber();
    final Set<String> publicUrls = new CopyOnWriteArraySet<>();
    final String adaKey;
    final String hankKey;
    final ApiServer server;
    final ApiUseCases useCases;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    ApiHarness(ApiSettings settings) throws Exception {
        this(settings, null);
    }

    /** With {@code recordingStore} null, recordings go to the in-memory {@link #store}. */
    ApiHarness(ApiSettings settings, harmony.core.port.out.RecordingStore recordingStore) throws Exception {
        this(settings, recordingStore, new InMemoryIdempotencyRecords());
    }

    ApiHarness(ApiSettings settings, harmony.core.port.out.RecordingStore recordingStore,
               harmony.core.port.out.IdempotencyRecords idempotency) throws Exception {
        this.recordingStore = recordingStore != null ? recordingStore : store;
        Fixtures.seed(directory);
        Clock clock = Clock.systemUTC();
        RemoteFiles remote = new RemoteFiles() {
            @Override
            public boolean isPubliclyAccessible(URI url) {
                return publicUrls.contains(url.toString());
            }

            @Override
            public Download open(URI url) {
                throw new UnsupportedOperationException();
            }
        };
        jobs = new InMemoryJobQueue(clock);
        harmony = Harmony.builder()
                .directory(directory).conversations(conversations).recordings(this.recordingStore)
                .jobs(jobs).events(new InMemoryConversationEvents(clock)).transactions(new InMemoryTransactions())
                .apiKeys(new InMemoryApiKeys()).transcriber(transcriber).remoteFiles(remote).clock(clock)
                .analyses(new InMemoryConversationAnalyses()).projects(projects)
                .webhooks(new InMemoryWebhookSubscriptions()).webhookSender(webhookSender)
                .uploadSessions(new InMemoryUploadSessions(this.recordingStore, 64 * 1024, Duration.ofHours(24), clock))
                .pipelineSettings(PipelineSettings.DEFAULT.withPollInterval(Duration.ofMillis(20)))
                .build();
        adaKey = harmony.apiKeys().issueApiKey(Fixtures.WS, Fixtures.ADA, "test").key();
        hankKey = harmony.apiKeys().issueApiKey(Fixtures.OTHER_WS, Fixtures.OTHER_USER, "test").key();
        useCases = useCasesOf(harmony);
        server = new ApiServer("127.0.0.1", 0, Duration.ofSeconds(30),
                new HarmonyApi(useCases, idempotency, settings, clock)).start();
    }

    static ApiUseCases useCasesOf(Harmony h) {
        var in = h.ingestion();
        var cat = h.catalog();
        return new ApiUseCases(h.apiKeys(), h.directory(), in, in, in, cat, cat, cat, cat, cat, in, in, in,
                h.processing(), h.processing(), h.browserUploads(), h.webhooks());
    }

    /** True when the conversation has a job in the queue (was handed to the pipeline). */
    boolean scheduled(String conversationId) {
        return jobs.find(conversationId).isPresent();
    }

    ApiHarness() throws Exception {
        this(ApiSettings.DEFAULTS.withRateLimit(1000, 1000));
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + adaKey).timeout(Duration.ofSeconds(60));
    }

    Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(r);
    }

    Response get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    Response postJson(String path, String json) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A multipart/form-data body built by hand: fields in order, then an optional file part. */
    static final class Multipart {
        final String boundary;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Multipart() {
            this("harmony-test-boundary-7MA4YWxkTrZu0gW");
        }

        /** With the boundary a client picked, as browsers pick a new one for every request. */
        Multipart(String boundary) {
            this.boundary = boundary;
        }

        Multipart field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
            return this;
        }

        Multipart file(String name, String filename, String type, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                    + "\"\r\nContent-Type: " + type + "\r\n\r\n");
            out.writeBytes(content);
            write("\r\n");
            return this;
        }

        byte[] build() {
            write("--" + boundary + "--\r\n");
            return out.toByteArray();
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }

        private void write(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
        }
    }

    JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new AssertionError(text, e);
        }
    }

    Response postMultipart(String path, Multipart m) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", m.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(m.build())).build());
    }

    record Response(HttpResponse<String> raw) {
        int status() {
            return raw.statusCode();
        }

        JsonNode json() {
            try {
                return Json.MAPPER.readTree(raw.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + raw.body(), e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    @Override
    public void close() throws Exception {
        harmony.close();
        server.close();
    }
}
