package harmony.bench.ingest;

import harmony.bench.Ratios;
import harmony.core.ingest.MediaTypeSniffer;
import harmony.core.ingest.UploadValidator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collection;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The cost of checking an upload on its way to storage. Target: the validating stream adds under 5 %
 * to a plain {@link InputStream#transferTo} of 100 MB (ratio of throughputs ≥ 0.95).
 *
 * <pre>
 * mvn -q -Pbench -pl harmony-bench -am package -DskipTests
 * java -cp harmony-bench/target/benchmarks.jar harmony.bench.ingest.UploadValidationBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 7, time = 2)
@Fork(1)
public class UploadValidationBenchmark {
    private static final int HUNDRED_MB = 100 * 1024 * 1024;

    private byte[] upload;
    private byte[] header;
    private final UploadValidator validator = new UploadValidator();
    private final MediaTypeSniffer sniffer = new MediaTypeSniffer();

    @Setup
    public void setUp() throws IOException {
        upload = new byte[HUNDRED_MB];
        new Random(7).nextBytes(upload);
        try (InputStream mp3 = new java.io.FileInputStream(mp3Sample())) {
            byte[] head = mp3.readAllBytes();
            System.arraycopy(head, 0, upload, 0, head.length);
        }
        header = java.util.Arrays.copyOf(upload, 64 * 1024);
    }

    private static String mp3Sample() {
        String path = System.getProperty("harmony.bench.mp3", "harmony-core/src/test/resources/media/sample.mp3");
        return path;
    }

    /** Baseline: the bytes copied from a "socket" to a "file" with no checks at all. */
    @Benchmark
    public long plainTransfer() throws IOException {
        return socket().transferTo(new PageCacheSink());
    }

    /** Sniff the head, then count every byte against the 2 GB limit while copying. */
    @Benchmark
    public long validatingTransfer() throws IOException {
        UploadValidator.CheckedMedia media = validator.media(socket(), "call.mp3");
        return media.content().transferTo(new PageCacheSink());
    }

    /** Reads like a socket: copies into the caller's buffer (no array-stream shortcut). */
    private InputStream socket() {
        return new java.io.FilterInputStream(new ByteArrayInputStream(upload)) {
        };
    }

    /** Writes like a file system's page cache: every byte is copied once. */
    private static final class PageCacheSink extends OutputStream {
        private final byte[] page = new byte[64 * 1024];

        @Override
        public void write(int b) {
            page[0] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            while (len > 0) {
                int n = Math.min(len, page.length);
                System.arraycopy(b, off, page, 0, n);
                off += n;
                len -= n;
            }
        }
    }

    /** Sniffing and validating a 64 KiB head alone. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @BenchmarkMode(Mode.AverageTime)
    public String sniffHeader() {
        return sniffer.sniff(header, header.length, "call.mp3");
    }

    public static void main(String[] args) throws Exception {
        Collection<RunResult> results = Ratios.run(new OptionsBuilder()
                .include(UploadValidationBenchmark.class.getName())
                .jvmArgsAppend("-Dharmony.bench.mp3=" + new java.io.File(mp3Sample()).getAbsolutePath())
                .build());
        Ratios.print(results, "validatingTransfer", "plainTransfer", "target ≥ 0.95: validation adds under 5 %");
        System.out.printf("sniffHeader: median %.1f µs per 64 KiB head%n", Ratios.median(results, "sniffHeader"));
    }
}
