package harmony.adapters.s3;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A real S3 server for tests: S3Proxy in-process on a filesystem backend, loopback only, a random port. */
final class S3ProxyServer implements AutoCloseable {
    static final String ACCESS_KEY = "harmony-test";
    static final String SECRET_KEY = "harmony-test-secret";

    private final Path folder;
    private final boolean onDisk;
    private S3Proxy proxy;
    private final URI endpoint;

    /** On the filesystem backend (large objects stay off the heap). */
    S3ProxyServer() throws Exception {
        this(true);
    }

    S3ProxyServer(boolean onDisk) throws Exception {
        this.folder = Files.createTempDirectory("harmony-s3proxy");
        this.onDisk = onDisk;
        this.proxy = start(0);
        this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    private S3Proxy start(int port) throws Exception {
        S3Proxy started = S3Proxy.builder()
                .blobStore(onDisk ? new FilesystemNio2BlobStore(folder.toString()) : new TransientNio2BlobStore())
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        started.start();
        while (!"STARTED".equals(started.getState())) {
            Thread.sleep(10);
        }
        return started;
    }

    /** Takes the server down: connections to its port are refused until {@link #restart()}. */
    void stop() throws Exception {
        proxy.stop();
        while (!"STOPPED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
    }

    /** Starts it again on the same port and, on disk, with the same objects (a restarted S3 service). */
    void restart() throws Exception {
        proxy = start(endpoint.getPort());
    }

    URI endpoint() {
        return endpoint;
    }

    /** Settings for a new, empty bucket on this server. */
    S3Settings newBucket(String bucket) {
        S3Settings settings = S3Settings.compatible(endpoint, bucket, ACCESS_KEY, SECRET_KEY).withPartSize(S3Settings.MIN_PART_SIZE);
        try (S3Client s3 = settings.clientBuilder().build()) {
            s3.createBucket(b -> b.bucket(bucket));
        }
        return settings;
    }

    @Override
    public void close() throws IOException {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IOException("S3Proxy did not stop", e);
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
