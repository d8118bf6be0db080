package harmony.adapters.s3;

import harmony.core.domain.Conversation;
import harmony.core.domain.ProcessingStatus;
import harmony.core.domain.Recording;
import harmony.core.domain.Speaker;
import harmony.core.domain.Transcript;
import harmony.core.domain.Turn;
import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.error.UserMessages;
import harmony.core.pipeline.Pipeline;
import harmony.core.pipeline.PipelineSettings;
import harmony.core.pipeline.PipelineWorkers;
import harmony.core.pipeline.RetryPolicy;
import harmony.core.pipeline.TranscriptionStage;
import harmony.core.port.out.StoredObject;
import harmony.core.port.out.Transcriber;
import harmony.core.port.out.UploadSessions.NewUpload;
import harmony.testkit.Fixtures;
import harmony.testkit.GeneratedBytes;
import harmony.testkit.InMemoryConversationEvents;
import harmony.testkit.InMemoryConversationRepository;
import harmony.testkit.InMemoryJobQueue;
import harmony.testkit.InMemoryTransactions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * S3 goes away (the server stops; its port refuses connections) and comes back on the same port with the
 * same objects. Calls made meanwhile fail with UNAVAILABLE and leave nothing behind; the same client works
 * again afterwards; a pipeline stage that reads the recording retries with backoff and completes.
 */
class S3OutageTest {
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private S3ProxyServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = new S3ProxyServer();
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    @Test
    void callsDuringTheOutageAreUnavailableAndLeaveNothingAndTheSameClientRecovers() throws Exception {
        S3Settings settings = server.newBucket("outage-" + BUCKETS.incrementAndGet());
        try (S3Client s3 = settings.clientBuilder().build(); S3Presigner presigner = settings.newPresigner();
             S3RecordingStore store = new S3RecordingStore(s3, settings)) {
            S3UploadSessions sessions = new S3UploadSessions(s3, presigner, settings, S3UploadSessions.MIN_PART_SIZE,
                    Duration.ofHours(1), Clock.systemUTC());
            StoredObject before = store.put("ws-1/before.wav", new GeneratedBytes(1, 1000));

            server.stop();
            long started = System.nanoTime();
            assertUnavailable(catchThrowable(() -> store.put("ws-1/small.wav", new GeneratedBytes(2, 1000))));
            assertUnavailable(catchThrowable(() -> store.put("ws-1/large.wav", new GeneratedBytes(3, 2L * settings.partSize() + 1))));
            assertUnavailable(catchThrowable(() -> store.open("ws-1/before.wav")));
            assertUnavailable(catchThrowable(() -> store.stat("ws-1/before.wav"))); // not "missing": that would be permanent
            assertUnavailable(catchThrowable(() -> sessions.create(
                    new NewUpload("ws-1", "ws-1/browser.webm", "browser.webm", 20L << 20, "video/webm"))));
            System.out.printf("[S3OutageTest] five calls against a dead endpoint failed in %d ms%n",
                    Duration.ofNanos(System.nanoTime() - started).toMillis());

            server.restart();
            // The same client, with no restart of its own: the pool drops the dead connections.
            assertThat(store.stat("ws-1/before.wav")).contains(before);
            assertThat(store.stat("ws-1/small.wav")).isEmpty();
            assertThat(store.stat("ws-1/large.wav")).isEmpty();
            assertThat(s3.listObjectsV2(b -> b.bucket(settings.bucket())).contents())
                    .extracting(o -> o.key()).containsExactlyInAnyOrder("ws-1/before.wav", ".sha256/ws-1/before.wav");
            assertThat(s3.listMultipartUploads(b -> b.bucket(settings.bucket())).uploads()).isEmpty();
            assertThat(store.put("ws-1/after.wav", new GeneratedBytes(4, 1000)).sizeBytes()).isEqualTo(1000);
        }
    }

    @Test
    void aStageThatReadsTheRecordingRetriesThroughTheOutageAndCompletes() throws Exception {
        S3Settings settings = server.newBucket("stage-" + BUCKETS.incrementAndGet());
        Clock clock = Clock.systemUTC();
        InMemoryConversationRepository conversations = new InMemoryConversationRepository();
        InMemoryJobQueue jobs = new InMemoryJobQueue(clock);
        InMemoryTransactions transactions = new InMemoryTransactions();
        AtomicInteger reads = new AtomicInteger();
        Transcriber transcriber = (media, progress) -> {
            try (InputStream in = media.open()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            reads.incrementAndGet();
            return new Transcriber.Transcription(new Transcript(List.of(Speaker.unnamed("S1")),
                    List.of(new Turn("S1", 0, 1000, "Pricing is settled."))), 1000);
        };
        PipelineSettings pipelineSettings = PipelineSettings.DEFAULT.withWorkers(1, 0).withPollInterval(Duration.ofMillis(20))
                .withRetry(new RetryPolicy(20, Duration.ofMillis(100), Duration.ofMillis(400), 0.2));
        try (S3RecordingStore store = S3RecordingStore.create(settings)) {
            Pipeline pipeline = new Pipeline(List.of(new TranscriptionStage(transcriber, store, conversations, transactions)),
                    conversations, jobs, new InMemoryConversationEvents(clock), transactions, clock, pipelineSettings);
            Conversation uploaded = Fixtures.recordingConversation("Call", Fixtures.T0);
            Recording recording = uploaded.recordingIfAny().orElseThrow();
            store.put(recording.storageKey(), new GeneratedBytes(5, 50_000));

            server.stop();
            transactions.inTransaction(() -> {
                conversations.create(uploaded, Optional.empty());
                pipeline.submit(uploaded);
            });
            try (PipelineWorkers workers = new PipelineWorkers(pipeline, "node-1")) {
                workers.start();
                // The stage fails while S3 is away and is tried again, with backoff, not failed for good.
                Conversation waiting = await(conversations, uploaded.id(), c -> c.processing().attempts() >= 3);
                assertThat(waiting.status()).isEqualTo(ProcessingStatus.TRANSCRIBING);
                assertThat(reads).hasValue(0);

                server.restart();
                Conversation done = await(conversations, uploaded.id(), c -> c.status().isTerminal());
                assertThat(done.status()).as(String.valueOf(done.processing().error())).isEqualTo(ProcessingStatus.COMPLETED);
                assertThat(reads).hasValue(1);
                assertThat(conversations.findTranscript(uploaded.id()).orElseThrow().turns()).hasSize(1);
                assertThat(workers.isRunning()).isTrue();
            }
        }
    }

    private static Conversation await(InMemoryConversationRepository conversations, String id,
                                      java.util.function.Predicate<Conversation> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Conversation c = conversations.findById(id).orElseThrow();
            if (condition.test(c)) {
                return c;
            }
            assertThat(System.nanoTime()).as("waited 30 s; conversation is %s %s", c.status(), c.processing()).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void assertUnavailable(Throwable thrown) {
        assertThat(thrown).isInstanceOfSatisfying(HarmonyException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
            assertThat(e.getMessage()).isEqualTo(UserMessages.STORAGE_UNAVAILABLE);
            assertThat(e.getCause()).hasMessageContaining("failed");
        });
    }
}
