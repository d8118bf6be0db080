package harmony.adapters.s3;

import harmony.core.port.out.RecordingStore;
import harmony.core.port.out.UploadSessions;
import harmony.testkit.RecordingStoreContract;
import harmony.testkit.UploadSessionsContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The S3 adapters keep the recording-store and upload-session contracts against a real S3 server (S3Proxy). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3RecordingStoreTest {
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    private S3ProxyServer server;

    @BeforeAll
    void startServer() throws Exception {
        server = new S3ProxyServer();
    }

    @AfterAll
    void stopServer() throws Exception {
        server.close();
    }

    static void assertNoOpenUploads(S3Client s3, String bucket) {
        assertThat(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
    }

    @Nested
    class Contract extends RecordingStoreContract {
        private S3Settings settings;
        private S3Client s3;
        private S3RecordingStore recordings;

        @Override
        protected RecordingStore newStore() {
            settings = server.newBucket("store-" + BUCKETS.incrementAndGet()).withKeyPrefix("recordings");
            s3 = settings.clientBuilder().build();
            recordings = new S3RecordingStore(s3, settings);
            return recordings;
        }

        @Override
        protected void assertNothingLeftBehind() {
            assertNoOpenUploads(s3, settings.bucket());
        }

        @Override
        protected boolean holdsKeysThatArePrefixesOfOtherKeys() {
            return false; // S3Proxy keeps objects as files, so "a/b" cannot also be a folder; S3 itself can
        }

        @AfterEach
        void close() {
            recordings.close();
            s3.close();
        }
    }

    @Nested
    class Uploads extends UploadSessionsContract {
        private S3Settings settings;
        private S3Client s3;
        private S3Presigner presigner;
        private S3RecordingStore recordings;

        @Override
        protected UploadSessions newSessions(Clock clock, Duration timeToLive, long partSize) {
            settings = server.newBucket("uploads-" + BUCKETS.incrementAndGet());
            s3 = settings.clientBuilder().build();
            presigner = settings.newPresigner();
            recordings = new S3RecordingStore(s3, settings);
            return new S3UploadSessions(s3, presigner, settings, partSize, timeToLive, clock);
        }

        @Override
        protected RecordingStore store() {
            return recordings;
        }

        @Override
        protected void assertNothingLeftBehind() {
            assertNoOpenUploads(s3, settings.bucket());
            assertThat(s3.listObjectsV2(b -> b.bucket(settings.bucket()).prefix(".uploads/")).contents()).isEmpty();
        }

        @AfterEach
        void close() {
            recordings.close();
            presigner.close();
            s3.close();
        }
    }
}
