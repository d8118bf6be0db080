package harmony.adapters.s3;

import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.port.out.UploadSession;
import harmony.core.port.out.UploadSessions.NewUpload;
import harmony.core.port.out.UploadSessions.PartTarget;
import harmony.core.port.out.UploadSessions.ReceivedPart;
import harmony.testkit.GeneratedBytes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Failures on the S3 side, presigned browser parts, and the request shapes of small and large writes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3FaultsTest {
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private static final String OWNER = "workspace-1";
    private S3ProxyServer server;

    @BeforeAll
    void startServer() throws Exception {
        server = new S3ProxyServer();
    }

    @AfterAll
    void stopServer() throws Exception {
        server.close();
    }

    @Test
    void aPartThatFailsAbortsTheUploadAndRecordsNothing() throws Exception {
        S3Settings settings = server.newBucket("fail-part-" + BUCKETS.incrementAndGet());
        PartRefuser refuser = new PartRefuser(2);
        try (S3Client s3 = settings.clientBuilder().overrideConfiguration(c -> c.addExecutionInterceptor(refuser)).build();
             S3RecordingStore store = new S3RecordingStore(s3, settings)) {

            assertThatThrownBy(() -> store.put("recording.mp4", new GeneratedBytes(1, 4L * settings.partSize() + 5)))
                    .isInstanceOf(IOException.class).hasMessageContaining("part 2 refused");

            assertThat(refuser.operations).contains("CreateMultipartUpload", "AbortMultipartUpload")
                    .doesNotContain("CompleteMultipartUpload");
            assertThat(s3.listMultipartUploads(b -> b.bucket(settings.bucket())).uploads()).isEmpty();
            assertThat(s3.listObjectsV2(b -> b.bucket(settings.bucket())).contents()).isEmpty();
            assertThat(store.stat("recording.mp4")).isEmpty();
        }
    }

    @Test
    void smallWritesTakeOnePutAndLargeOnesStreamInParts() throws Exception {
        S3Settings settings = server.newBucket("shapes-" + BUCKETS.incrementAndGet());
        PartRefuser watcher = new PartRefuser(-1);
        try (S3Client s3 = settings.clientBuilder().overrideConfiguration(c -> c.addExecutionInterceptor(watcher)).build();
             S3RecordingStore store = new S3RecordingStore(s3, settings)) {
            store.put("small.wav", new GeneratedBytes(1, settings.partSize() - 1));
            assertThat(watcher.operations).containsExactly("PutObject", "PutObject"); // the object and its digest

            watcher.operations.clear();
            store.put("large.wav", new GeneratedBytes(1, 2L * settings.partSize() + 1));
            assertThat(watcher.operations).containsExactly("CreateMultipartUpload", "UploadPart", "UploadPart",
                    "UploadPart", "CompleteMultipartUpload", "PutObject");
        }
    }

    @Test
    void anEndpointThatDiesMidUploadFailsTheWriteAndCleanupFreesWhatItLeft() throws Exception {
        S3Settings direct = server.newBucket("dies-" + BUCKETS.incrementAndGet());
        long size = 5L * direct.partSize();
        try (CuttableProxy proxy = new CuttableProxy(server.endpoint(), 2L * direct.partSize() + (1 << 20));
             S3RecordingStore store = S3RecordingStore.create(new S3Settings(direct.bucket(), "", null, proxy.endpoint(), true,
                     S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY, direct.partSize()))) {

            // Gone for good mid-upload: the write fails as UNAVAILABLE (retry later), not as a bug.
            assertThatThrownBy(() -> store.put("cut.webm", new GeneratedBytes(3, size)))
                    .isInstanceOfSatisfying(HarmonyException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
            assertThat(proxy.wasCut()).isTrue();
        }
        try (S3Client s3 = direct.clientBuilder().build(); S3Presigner presigner = direct.newPresigner();
             S3RecordingStore store = new S3RecordingStore(s3, direct)) {
            assertThat(store.stat("cut.webm")).isEmpty();
            // Nobody could abort while the endpoint was gone: the upload waits for the cleanup, which frees it.
            S3UploadSessions sessions = new S3UploadSessions(s3, presigner, direct, S3UploadSessions.MIN_PART_SIZE,
                    Duration.ofHours(1), Clock.systemUTC());
            assertThat(s3.listMultipartUploads(b -> b.bucket(direct.bucket())).uploads()).hasSize(1);
            assertThat(sessions.cleanupExpired(Clock.systemUTC().instant())).as("younger than a session: kept").isZero();
            assertThat(sessions.cleanupExpired(Clock.systemUTC().instant().plus(Duration.ofHours(2)))).isEqualTo(1);
            assertThat(s3.listMultipartUploads(b -> b.bucket(direct.bucket())).uploads()).isEmpty();
        }
    }

    @Test
    void aPlaybackClosedEarlyDropsTheDownloadInsteadOfDrainingIt() throws Exception {
        S3Settings direct = server.newBucket("playback-" + BUCKETS.incrementAndGet());
        long size = 3L * direct.partSize();
        try (S3RecordingStore store = S3RecordingStore.create(direct)) {
            store.put("long.mp4", new GeneratedBytes(8, size));
        }
        try (CuttableProxy proxy = new CuttableProxy(server.endpoint(), Long.MAX_VALUE);
             S3RecordingStore store = S3RecordingStore.create(new S3Settings(direct.bucket(), "", null, proxy.endpoint(), true,
                     S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY, direct.partSize()))) {
            for (int i = 0; i < 40; i++) { // more than the pool's 32 connections: a leaked one would hang here
                try (InputStream in = store.open("long.mp4", 1000L * i, -1)) {
                    assertThat(in.readNBytes(16)).isEqualTo(GeneratedBytes.slice(8, 1000L * i, 16));
                }
            }
            // Draining would have moved 40 x 24 MiB; dropping moves little more than the socket buffers.
            assertThat(proxy.downstreamBytes()).isLessThan(size * 40 / 4);
            try (InputStream in = store.open("long.mp4", 5, 3)) {
                assertThat(in.readAllBytes()).isEqualTo(GeneratedBytes.slice(8, 5, 3));
            }
        }
    }

    @Test
    void aBrowserSendsPartsToPresignedUrlsAndResumes() throws Exception {
        S3Settings settings = server.newBucket("browser-" + BUCKETS.incrementAndGet());
        long size = 2 * S3UploadSessions.MIN_PART_SIZE + 777;
        HttpClient http = HttpClient.newHttpClient();
        try (S3Client s3 = settings.clientBuilder().build(); S3Presigner presigner = settings.newPresigner();
             S3RecordingStore store = new S3RecordingStore(s3, settings)) {
            S3UploadSessions sessions = new S3UploadSessions(s3, presigner, settings, S3UploadSessions.MIN_PART_SIZE,
                    Duration.ofHours(1), Clock.systemUTC());
            UploadSession session = sessions.create(new NewUpload(OWNER, "browser/talk.webm", "talk.webm", size, "video/webm"));

            assertThat(put(http, session.targets().get(0), session, 1).statusCode()).isEqualTo(200);
            // The connection drops; the client asks what arrived, and sends the rest to fresh URLs.
            UploadSession resumed = sessions.find(session.uploadId()).orElseThrow();
            assertThat(resumed.received()).containsExactly(new ReceivedPart(1, S3UploadSessions.MIN_PART_SIZE));
            assertThat(put(http, resumed.targets().get(2), session, 3).statusCode()).isEqualTo(200);
            assertThat(put(http, resumed.targets().get(1), session, 2).statusCode()).isEqualTo(200);
            // A presigned URL pins the part's length: a longer body is refused by S3 itself.
            HttpResponse<String> tooLong = http.send(HttpRequest.newBuilder(resumed.targets().get(2).url())
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[778])).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(tooLong.statusCode()).isGreaterThanOrEqualTo(400);

            assertThat(sessions.complete(session.uploadId()).sizeBytes()).isEqualTo(size);
            try (InputStream in = store.open("browser/talk.webm")) {
                assertThat(GeneratedBytes.sha256Of(in)).isEqualTo(GeneratedBytes.sha256(5, size));
            }
        }
    }

    private static HttpResponse<String> put(HttpClient http, PartTarget target, UploadSession session, int n)
            throws Exception {
        InputStream whole = new GeneratedBytes(5, session.sizeBytes());
        whole.skipNBytes((n - 1) * session.partSize());
        byte[] part = whole.readNBytes((int) session.partSize(n));
        return http.send(HttpRequest.newBuilder(target.url()).method(target.method(), HttpRequest.BodyPublishers.ofByteArray(part))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Records each operation, and refuses UploadPart number {@code refused} before it is sent. */
    private static final class PartRefuser implements ExecutionInterceptor {
        final List<String> operations = new CopyOnWriteArrayList<>();
        private final int refused;

        PartRefuser(int refused) {
            this.refused = refused;
        }

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            SdkRequest request = context.request();
            operations.add(request.getClass().getSimpleName().replace("Request", ""));
            if (request instanceof UploadPartRequest part && part.partNumber() == refused) {
                throw SdkClientException.create("Injected failure: part " + refused + " refused");
            }
        }
    }
}
