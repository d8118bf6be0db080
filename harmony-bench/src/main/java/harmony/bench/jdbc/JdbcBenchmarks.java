package harmony.bench.jdbc;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the JDBC benchmarks briefly and prints what the targets are about: conversations created per
 * second beside plain JDBC (ratio), and median list/search times with 100,000 conversations stored.
 *
 * <p>Arguments: {@code write}, {@code read} or both (default), or {@code paired} (the create
 * benchmark's store and plain-JDBC variants alternating in one JVM, for noisy machines); optionally
 * {@code h2} or {@code postgresql} to run one database.
 */
public final class JdbcBenchmarks {

    public static void main(String[] args) throws RunnerException {
        if (contains(args, "paired")) {
            for (String db : new String[] {"h2", "postgresql", "postgresql-durable"}) {
                if ((db.equals("h2") && !contains(args, "postgresql")) || (!db.equals("h2") && !contains(args, "h2"))) {
                    paired(db, 15);
                }
            }
            return;
        }
        boolean write = args.length == 0 || contains(args, "write") || !contains(args, "read");
        boolean read = args.length == 0 || contains(args, "read") || !contains(args, "write");
        boolean h2 = !contains(args, "postgresql");
        boolean postgres = !contains(args, "h2");
        if (write) {
            printWrites(run(CreateConversationBenchmark.class,
                    databases(h2 ? "h2" : null, postgres ? "postgresql" : null, postgres ? "postgresql-durable" : null), 3, 8));
        }
        if (read) {
            // Eight 2 s warmups: on a loaded 2-core machine (load 14) H2's search paths took about 15 s to
            // reach steady state (JIT and H2's page cache).
            printReads(run(ListAndSearchBenchmark.class, databases(h2 ? "h2" : null, postgres ? "postgresql" : null), 8, 3));
        }
    }

    private static Collection<RunResult> run(Class<?> benchmark, String[] databases, int warmups, int iterations)
            throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(benchmark.getName() + "\\.")
                .param("database", databases)
                .forks(1)
                .warmupIterations(warmups)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(2))
                .jvmArgsAppend("-Xmx2g");
        return new Runner(options.build()).run();
    }

    private static void printWrites(Collection<RunResult> results) {
        Map<String, double[]> byDatabase = new TreeMap<>();
        for (RunResult r : results) {
            String db = r.getParams().getParam("database");
            double opsPerSecond = r.getPrimaryResult().getStatistics().getPercentile(50);
            int slot = r.getParams().getBenchmark().endsWith(".store") ? 0 : 1;
            byDatabase.computeIfAbsent(db, k -> new double[2])[slot] = opsPerSecond;
        }
        System.out.println();
        System.out.println("Create conversation (5,000-word transcript, ~600 turns) + job, one transaction, median of iterations:");
        byDatabase.forEach((db, v) -> System.out.printf("  %-18s store %8.1f/s   plain JDBC %8.1f/s   ratio %.2f%n",
                db, v[0], v[1], v[0] / v[1]));
    }

    private static void printReads(Collection<RunResult> results) {
        System.out.println();
        System.out.printf("List and search, %,d conversations stored, median (p90) per call:%n",
                ListAndSearchBenchmark.CONVERSATIONS);
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            var stats = r.getPrimaryResult().getStatistics();
            System.out.printf("  %-18s %-22s %7.2f ms (%6.2f ms)%n", r.getParams().getParam("database"), name,
                    stats.getPercentile(50), stats.getPercentile(90));
        }
    }

    /**
     * The create benchmark's two variants in alternating one-second blocks in one JVM: on a shared,
     * noisy machine, load changes between JMH's separate forks; here both see the same load.
     */
    private static void paired(String database, int rounds) {
        CreateConversationBenchmark b = new CreateConversationBenchmark();
        b.database = database;
        try {
            b.setUp();
            try {
                opsPerSecond(b::store, 3_000);
                opsPerSecond(b::plainJdbc, 3_000);
                b.settlePlain();
                double[] store = new double[rounds];
                double[] plain = new double[rounds];
                double[] ratio = new double[rounds];
                for (int i = 0; i < rounds; i++) {
                    store[i] = opsPerSecond(b::store, 1_000);
                    plain[i] = opsPerSecond(b::plainJdbc, 1_000);
                    b.settlePlain();
                    ratio[i] = store[i] / plain[i];
                }
                System.out.printf("paired %-18s store %8.1f/s   plain JDBC %8.1f/s   ratio %.2f (median of %d alternating 1 s blocks)%n",
                        database, median(store), median(plain), median(ratio), rounds);
            } finally {
                b.tearDown();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Op {
        void run() throws Exception;
    }

    private static double opsPerSecond(Op op, long millis) throws Exception {
        long start = System.nanoTime();
        long end = start + millis * 1_000_000L;
        int n = 0;
        long now;
        do {
            op.run();
            n++;
            now = System.nanoTime();
        } while (now < end);
        return n / ((now - start) / 1e9);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static String[] databases(String... names) {
        return java.util.Arrays.stream(names).filter(java.util.Objects::nonNull).toArray(String[]::new);
    }

    private static boolean contains(String[] args, String value) {
        for (String a : args) {
            if (a.equalsIgnoreCase(value)) {
                return true;
            }
        }
        return false;
    }

    private JdbcBenchmarks() {
    }
}
