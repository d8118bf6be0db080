package harmony.bench.ingest;

import harmony.bench.Ratios;
import harmony.core.ingest.UploadLimits;
import harmony.core.ingest.UploadValidator;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The cost of checking an upload on its way to storage. Target: validation adds under 5 % to a plain
 * {@link InputStream#transferTo} of 100 MB (ratio ≥ 0.95). Both sides read the same "socket" (a
 * stream that copies into the caller's buffer, in the JDK's 8 KiB chunks) into the same "page cache"
 * sink; the validating side sniffs the 64 KiB head with Tika, then counts every byte against the
 * 2 GB limit. {@link #validateHead} is that fixed per-upload cost alone.
 *
 * <p>The machines these run on are shared, and load from elsewhere comes in bursts longer than a JMH
 * iteration, so two benchmarks measured one after the other can differ by more than 5 % for no reason
 * of their own. {@link #pairedTransfers} therefore does one plain and one validating copy per
 * operation, in alternating order, and adds up each side's wall time and thread CPU time: both sides
 * meet the same load, and the ratio is taken within each iteration. {@link #main} prints it for
 * several forks, and the medians. The heap is fixed and touched up front, as on a server that has
 * run a while: a short run on a growing heap makes the side that allocates more (Tika's ~0.8 MB per
 * sniff) pay the kernel for zeroing fresh pages, about 0.5 ms per copy here, that a warm server
 * never pays.
 *
 * <pre>
 * mvn -q -Pbench -pl harmony-bench -am package -DskipTests
 * java -cp harmony-bench/target/benchmarks.jar harmony.bench.ingest.UploadValidationBenchmark   # -Dforks=5
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {UploadValidationBenchmark.HEAP_MIN, UploadValidationBenchmark.HEAP_MAX, UploadValidationBenchmark.PRE_TOUCH})
public class UploadValidationBenchmark {
    static final String HEAP_MIN = "-Xms1g";
    static final String HEAP_MAX = "-Xmx1g";
    static final String PRE_TOUCH = "-XX:+AlwaysPreTouch";
    private static final int HUNDRED_MB = 100 * 1024 * 1024;

    private byte[] upload;
    private byte[] head;
    private final UploadValidator validator = new UploadValidator();

    @Setup
    public void setUp() throws IOException {
        upload = new byte[HUNDRED_MB];
        new Random(7).nextBytes(upload);
        byte[] mp3 = Files.readAllBytes(Path.of(mp3Sample()));
        System.arraycopy(mp3, 0, upload, 0, mp3.length);
        head = Arrays.copyOf(upload, UploadLimits.SNIFF_BYTES);
    }

    private static String mp3Sample() {
        return System.getProperty("harmony.bench.mp3", "harmony-core/src/test/resources/media/sample.mp3");
    }

    /** Baseline: the bytes copied from a "socket" to a "file" with no checks at all. */
    @Benchmark
    public long plainTransfer() throws IOException {
        return socket(upload).transferTo(new PageCacheSink());
    }

    /** Sniff the head, then count every byte against the 2 GB limit while copying. */
    @Benchmark
    public long validatingTransfer() throws IOException {
        UploadValidator.CheckedMedia media = validator.media(socket(upload), "call.mp3");
        return media.content().transferTo(new PageCacheSink());
    }

    /**
     * The fixed cost per upload: read a 64 KiB head, sniff it, accept it. Back to back, Tika's tables
     * stay in the CPU caches; after a 100 MB copy they do not, and the same work costs more (see the
     * README's Measurements).
     */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public String validateHead() throws IOException {
        return validator.media(socket(head), "call.mp3").mimeType();
    }

    /** Reads like a socket: copies into the caller's buffer (no array-stream shortcut). */
    private static InputStream socket(byte[] bytes) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
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

    /** One plain and one validating copy, in alternating order; each side's times go to {@link PairedTimes}. */
    @Benchmark
    public long pairedTransfers(PairedTimes times) throws IOException {
        boolean validatingFirst = (times.pairs++ & 1) == 1;
        return times.timed(validatingFirst) + times.timed(!validatingFirst);
    }

    /** Wall and thread CPU nanoseconds of each side, summed per iteration (JMH reports them as secondary results). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class PairedTimes {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        public long plainWallNanos;
        public long plainCpuNanos;
        public long validatingWallNanos;
        public long validatingCpuNanos;
        public long pairs;
        private UploadValidationBenchmark bench;

        @Setup(Level.Iteration)
        public void reset(UploadValidationBenchmark bench) {
            this.bench = bench;
            plainWallNanos = plainCpuNanos = validatingWallNanos = validatingCpuNanos = pairs = 0;
        }

        long timed(boolean validating) throws IOException {
            long cpu = THREADS.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            long copied = validating ? bench.validatingTransfer() : bench.plainTransfer();
            wall = System.nanoTime() - wall;
            cpu = THREADS.getCurrentThreadCpuTime() - cpu;
            if (validating) {
                validatingWallNanos += wall;
                validatingCpuNanos += cpu;
            } else {
                plainWallNanos += wall;
                plainCpuNanos += cpu;
            }
            return copied;
        }
    }

    public static void main(String[] args) throws Exception {
        int forks = Integer.getInteger("forks", 5);
        String mp3 = "-Dharmony.bench.mp3=" + new File(mp3Sample()).getAbsolutePath();
        Collection<RunResult> paired = Ratios.run(new OptionsBuilder()
                .include(UploadValidationBenchmark.class.getName() + "\\.pairedTransfers$")
                .jvmArgsAppend(HEAP_MIN, HEAP_MAX, PRE_TOUCH, mp3).forks(forks).build());
        List<Double> wallRatios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        int fork = 0;
        for (BenchmarkResult result : paired.iterator().next().getBenchmarkResults()) {
            double[] sums = new double[5];
            for (IterationResult iteration : result.getIterationResults()) {
                Map<String, Result> counters = iteration.getSecondaryResults();
                sums[0] += counters.get("plainWallNanos").getScore();
                sums[1] += counters.get("validatingWallNanos").getScore();
                sums[2] += counters.get("plainCpuNanos").getScore();
                sums[3] += counters.get("validatingCpuNanos").getScore();
                sums[4] += counters.get("pairs").getScore();
            }
            wallRatios.add(sums[0] / sums[1]);
            cpuRatios.add(sums[2] / sums[3]);
            System.out.printf(Locale.ROOT, "fork %d: %.0f pairs; a copy takes %.2f ms plain, %.2f ms validating (CPU %.2f / %.2f ms)"
                            + " -> ratio %.3f by wall time, %.3f by CPU time%n", ++fork, sums[4],
                    sums[0] / sums[4] / 1e6, sums[1] / sums[4] / 1e6, sums[2] / sums[4] / 1e6, sums[3] / sums[4] / 1e6,
                    wallRatios.get(fork - 1), cpuRatios.get(fork - 1));
        }
        Collection<RunResult> head = Ratios.run(new OptionsBuilder()
                .include(UploadValidationBenchmark.class.getName() + "\\.validateHead$")
                .jvmArgsAppend(HEAP_MIN, HEAP_MAX, PRE_TOUCH, mp3).build());
        System.out.printf(Locale.ROOT, "%nvalidateHead: median %.0f µs per 64 KiB head%n", Ratios.median(head, "validateHead"));
        System.out.printf(Locale.ROOT, "plain / validating copy time, median of %d forks: %.3f by wall time, %.3f by CPU time"
                + "   (target ≥ 0.95: validation adds under 5 %%)%n", forks, median(wallRatios), median(cpuRatios));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
