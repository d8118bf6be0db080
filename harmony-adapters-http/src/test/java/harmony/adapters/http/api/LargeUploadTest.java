package harmony.adapters.http.api;

import harmony.core.ingest.UploadLimits;
import harmony.testkit.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 2 GiB upload streams from the socket through validation into storage in a JVM with a 128 MiB
 * heap; one byte more is refused with 413 as soon as it crosses the limit.
 */
class LargeUploadTest {
    static Process server;
    static BufferedReader serverOut;
    static int port;
    static String key;

    @BeforeAll
    static void startServerWithSmallHeap() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        server = new ProcessBuilder(List.of(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                LargeUploadServer.class.getName())).redirectErrorStream(true).start();
        serverOut = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = serverOut.readLine()) != null && !line.startsWith("PORT ")) {
            // skip log lines
        }
        assertThat(line).as("server did not start").isNotNull();
        String[] parts = line.split(" ");
        port = Integer.parseInt(parts[1]);
        key = parts[3];
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.destroy();
        }
    }

    @Test
    void twoGibibytesStreamThroughA128MiBHeapAndOneByteMoreIs413() throws Exception {
        HttpResponse<String> ok = upload(UploadLimits.MEDIA_MAX_BYTES);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        assertThat(ok.body()).contains("\"sizeBytes\":2147483648");

        HttpResponse<String> tooBig = upload(UploadLimits.MEDIA_MAX_BYTES + 1);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(tooBig.body()).contains("The maximum file size is 2048 MB.");

        server.getOutputStream().close();
        String line;
        long peak = -1;
        while ((line = serverOut.readLine()) != null) {
            if (line.startsWith("HEAP_PEAK_BYTES ")) {
                peak = Long.parseLong(line.substring(16));
            }
        }
        System.out.printf("2 GiB upload: server heap peak %.1f MiB (limit 128 MiB)%n", peak / 1048576.0);
        assertThat(peak).isPositive().isLessThan(128L * 1024 * 1024);
    }

    private static HttpResponse<String> upload(long fileBytes) throws Exception {
        String boundary = "large-upload-boundary";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"contact\"\r\n\r\n" + Fixtures.DANA + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"customFields\"\r\n\r\n{\"projectCode\":\"BIG\"}\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"long.mp3\"\r\n"
                + "Content-Type: audio/mpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] mp3;
        try (InputStream in = LargeUploadTest.class.getResourceAsStream("/media/sample.mp3")) {
            mp3 = in.readAllBytes();
        }
        InputStream body = new SequenceInputStream(java.util.Collections.enumeration(List.of(
                new ByteArrayInputStream(head), new ByteArrayInputStream(mp3), new Zeros(fileBytes - mp3.length),
                new ByteArrayInputStream(tail))));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/conversations/upload"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> body),
                        head.length + fileBytes + tail.length))
                .build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            // The server may close the connection while we are still sending a refused upload.
            throw new AssertionError("connection closed before an answer: " + e, e);
        }
    }

    /** {@code n} zero bytes, generated as read. */
    static final class Zeros extends InputStream {
        private long left;

        Zeros(long n) {
            left = n;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) 0);
            left -= n;
            return n;
        }
    }
}
