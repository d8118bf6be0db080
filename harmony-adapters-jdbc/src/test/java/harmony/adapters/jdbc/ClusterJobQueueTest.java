package harmony.adapters.jdbc;

import harmony.core.port.out.JobLane;
import harmony.core.port.out.JobQueue;
import harmony.core.port.out.LeasedJob;
import harmony.testkit.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static harmony.testkit.Fixtures.T0;
import static harmony.testkit.Fixtures.WS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances (two stores, two pools) on one database share the work: every job runs
 * exactly once, never twice at the same time, and a dead instance's job is taken over once its lease expires.
 */
class ClusterJobQueueTest {
    private static final Set<JobLane> ALL = EnumSet.allOf(JobLane.class);
    private static final Duration LEASE = Duration.ofSeconds(30);

    @Test
    void twoInstancesWithFourWorkersEachRunAThousandJobsExactlyOnceOnPostgres() throws Exception {
        String url = TestDatabases.newPostgres("cluster");
        try (JdbcHarmonyStore a = JdbcHarmonyStore.builder(url).credentials(TestDatabases.PG_USER, "").open();
             JdbcHarmonyStore b = JdbcHarmonyStore.builder(url).credentials(TestDatabases.PG_USER, "").open()) {
            runThousandJobs(a, b);
        }
    }

    @Test
    void twoInstancesWithFourWorkersEachRunAThousandJobsExactlyOnceOnH2() throws Exception {
        String url = TestDatabases.newH2("cluster");
        try (JdbcHarmonyStore a = JdbcHarmonyStore.open(url, "sa", "");
             JdbcHarmonyStore b = JdbcHarmonyStore.open(url, "sa", "")) {
            runThousandJobs(a, b);
        }
    }

    private static void runThousandJobs(JdbcHarmonyStore a, JdbcHarmonyStore b) throws Exception {
        int jobs = 1_000;
        for (int i = 0; i < jobs; i++) {
            (i % 2 == 0 ? a : b).jobs().enqueue("c-" + i, WS, i % 3 == 0 ? JobLane.MEDIA : JobLane.TEXT);
        }
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        Set<String> running = ConcurrentHashMap.newKeySet();
        AtomicInteger overlaps = new AtomicInteger();
        Map<String, AtomicInteger> byInstance = new ConcurrentHashMap<>();
        AtomicInteger completed = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                String instance = w < 4 ? "a" : "b";
                JobQueue queue = (w < 4 ? a : b).jobs();
                String worker = instance + "-w" + w;
                workers.add(pool.submit(() -> {
                    start.await();
                    // An empty lease is not the end: on H2 a worker that loses a row to another gets none
                    // this time, as a real worker would, and polls again.
                    while (completed.get() < jobs) {
                        Optional<LeasedJob> lease = queue.lease(worker, ALL, LEASE);
                        if (lease.isEmpty()) {
                            Thread.sleep(2);
                            continue;
                        }
                        String conversation = lease.get().conversationId();
                        if (!running.add(conversation)) {
                            overlaps.incrementAndGet();
                        }
                        runs.computeIfAbsent(conversation, k -> new AtomicInteger()).incrementAndGet();
                        byInstance.computeIfAbsent(instance, k -> new AtomicInteger()).incrementAndGet();
                        running.remove(conversation);
                        assertThat(queue.complete(lease.get())).isTrue();
                        completed.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : workers) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(overlaps).hasValue(0);
        assertThat(runs).hasSize(jobs);
        assertThat(runs.values()).allMatch(n -> n.get() == 1);
        assertThat(byInstance.keySet()).as("both instances took work").containsExactlyInAnyOrder("a", "b");
        assertThat(a.jobs().lease("late", ALL, LEASE)).isEmpty();
    }

    @Test
    void aDeadInstancesJobIsTakenOverWhenItsLeaseExpires() {
        String url = TestDatabases.newPostgres("takeover");
        MutableClock clock = new MutableClock(T0);
        try (JdbcHarmonyStore survivor = JdbcHarmonyStore.builder(url).credentials(TestDatabases.PG_USER, "")
                .clock(clock).open()) {
            LeasedJob lost;
            try (JdbcHarmonyStore doomed = JdbcHarmonyStore.builder(url).credentials(TestDatabases.PG_USER, "")
                    .clock(clock).open()) {
                doomed.jobs().enqueue("c-1", WS, JobLane.MEDIA);
                lost = doomed.jobs().lease("doomed-w1", ALL, LEASE).orElseThrow();
            } // the instance goes away holding the lease

            assertThat(survivor.jobs().lease("survivor-w1", ALL, LEASE)).isEmpty();
            clock.advance(LEASE);
            LeasedJob taken = survivor.jobs().lease("survivor-w1", ALL, LEASE).orElseThrow();
            assertThat(taken.jobId()).isEqualTo(lost.jobId());
            assertThat(taken.attempts()).isEqualTo(2);
            assertThat(survivor.jobs().complete(lost)).isFalse();
            assertThat(survivor.jobs().complete(taken)).isTrue();
        }
    }
}
