package harmony.adapters.s3;

import harmony.testkit.GeneratedBytes;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JVM capped at 128 MiB of heap streams 1 GiB (never held whole) into S3Proxy: memory stays bounded
 * by two parts whatever the file size. S3Proxy runs here, on disk; only the writer is capped.
 */
class S3BoundedMemoryTest {
    private static final long SIZE = 1L << 30;
    private static final long SEED = 42;

    @Test
    void streamsOneGibibyteWithA128MebibyteHeap() throws Exception {
        try (S3ProxyServer server = new S3ProxyServer()) {
            S3Settings settings = server.newBucket("memory");
            String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
            Process child = new ProcessBuilder(List.of(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                    StreamToS3Main.class.getName(), server.endpoint().toString(), "memory", Long.toString(SIZE),
                    Long.toString(SEED)))
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            CompletableFuture<String> log = CompletableFuture.supplyAsync(() -> readAll(child.getInputStream()));
            if (!child.waitFor(5, TimeUnit.MINUTES)) {
                child.destroyForcibly();
                throw new AssertionError("the writer did not finish within 5 minutes");
            }
            String output = log.get();
            System.out.println("[S3BoundedMemoryTest] " + output.strip());

            assertThat(child.exitValue()).as(output).isZero();
            String expected = GeneratedBytes.sha256(SEED, SIZE);
            assertThat(output).contains("stored " + SIZE + " " + expected);
            try (S3Client s3 = settings.clientBuilder().build()) {
                assertThat(s3.headObject(b -> b.bucket("memory").key("memory/large.bin")).contentLength()).isEqualTo(SIZE);
                assertThat(s3.listMultipartUploads(b -> b.bucket("memory")).uploads()).isEmpty();
            }
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
