package harmony.testkit;

import harmony.core.port.out.Job;
import harmony.core.port.out.JobLane;
import harmony.core.port.out.JobQueue;
import harmony.core.port.out.LeasedJob;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
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
 * What every {@link JobQueue} must do. Subclasses supply a fresh, empty queue that reads time from the
 * given clock; the tests move that clock.
 */
public abstract class JobQueueContract {
    protected static final Duration LEASE = Duration.ofSeconds(30);
    protected static final Set<JobLane> ALL = EnumSet.allOf(JobLane.class);

    protected MutableClock clock;
    protected JobQueue queue;

    /** A new, empty queue whose notion of "now" is {@code clock}. */
    protected abstract JobQueue newQueue(Clock clock);

    /**
     * Called before a job for the conversation is enqueued; an adapter whose jobs reference stored
     * conversations creates one here. Does nothing by default.
     */
    protected void givenConversation(String workspaceId, String conversationId) {
    }

    @BeforeEach
    void setUpQueue() {
        clock = new MutableClock(T0);
        queue = newQueue(clock);
    }

    private String conversation(String id) {
        givenConversation(WS, id);
        return id;
    }

    @Test
    void leasesAnEnqueuedJobOnceWithItsDetails() {
        String c = conversation("c-1");
        assertThat(queue.enqueue(c, WS, JobLane.TEXT)).isTrue();

        LeasedJob lease = queue.lease("w1", ALL, LEASE).orElseThrow();
        assertThat(lease.conversationId()).isEqualTo(c);
        assertThat(lease.workspaceId()).isEqualTo(WS);
        assertThat(lease.lane()).isEqualTo(JobLane.TEXT);
        assertThat(lease.attempts()).isEqualTo(1);
        assertThat(lease.completedStage()).isNull();
        assertThat(lease.workerId()).isEqualTo("w1");
        assertThat(lease.leasedUntil()).isEqualTo(T0.plus(LEASE));
        assertThat(queue.lease("w2", ALL, LEASE)).isEmpty();

        Job job = queue.find(c).orElseThrow();
        assertThat(job.id()).isEqualTo(lease.jobId());
        assertThat(job.workerId()).isEqualTo("w1");
        assertThat(job.leasedUntil()).isEqualTo(T0.plus(LEASE));
        assertThat(job.stepStartedAt()).isEqualTo(T0);
    }

    @Test
    void keepsAtMostOneLiveJobPerConversation() {
        String c = conversation("c-1");
        assertThat(queue.enqueue(c, WS, JobLane.MEDIA)).isTrue();
        assertThat(queue.enqueue(c, WS, JobLane.MEDIA)).isFalse();
        LeasedJob lease = queue.lease("w1", ALL, LEASE).orElseThrow();
        assertThat(queue.enqueue(c, WS, JobLane.TEXT)).isFalse();
        assertThat(queue.lease("w2", ALL, LEASE)).isEmpty();

        assertThat(queue.complete(lease)).isTrue();
        assertThat(queue.find(c)).isEmpty();
        assertThat(queue.enqueue(c, WS, JobLane.TEXT)).isTrue();
        assertThat(queue.lease("w2", ALL, LEASE).orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    void givesWorkersOnlyTheirLanes() {
        queue.enqueue(conversation("media"), WS, JobLane.MEDIA);
        assertThat(queue.lease("text-worker", EnumSet.of(JobLane.TEXT), LEASE)).isEmpty();
        queue.enqueue(conversation("text"), WS, JobLane.TEXT);
        assertThat(queue.lease("text-worker", EnumSet.of(JobLane.TEXT), LEASE).orElseThrow().conversationId())
                .isEqualTo("text");
        assertThat(queue.lease("media-worker", EnumSet.of(JobLane.MEDIA), LEASE).orElseThrow().conversationId())
                .isEqualTo("media");
    }

    @Test
    void leasesTheJobThatWaitedLongestFirst() {
        queue.enqueue(conversation("first"), WS, JobLane.MEDIA);
        clock.advance(Duration.ofSeconds(1));
        queue.enqueue(conversation("second"), WS, JobLane.TEXT);
        queue.enqueue(conversation("third"), WS, JobLane.MEDIA);
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            order.add(queue.lease("w", ALL, LEASE).orElseThrow().conversationId());
        }
        assertThat(order).containsExactly("first", "second", "third");
    }

    @Test
    void anExpiredLeaseIsLostAndTheJobGoesToAnotherWorker() {
        String c = conversation("c-1");
        queue.enqueue(c, WS, JobLane.MEDIA);
        LeasedJob first = queue.lease("w1", ALL, LEASE).orElseThrow();
        clock.advance(LEASE.minusSeconds(1));
        assertThat(queue.lease("w2", ALL, LEASE)).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        assertThat(queue.heartbeat(first, LEASE)).as("an expired lease cannot be extended").isFalse();
        LeasedJob second = queue.lease("w2", ALL, LEASE).orElseThrow();
        assertThat(second.jobId()).isEqualTo(first.jobId());
        assertThat(second.leaseId()).isNotEqualTo(first.leaseId());
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.workerId()).isEqualTo("w2");

        assertThat(queue.heartbeat(first, LEASE)).isFalse();
        assertThat(queue.checkpoint(first, "transcription", LEASE)).isFalse();
        assertThat(queue.retryAt(first, clock.instant())).isFalse();
        assertThat(queue.fail(first, "late")).isFalse();
        assertThat(queue.complete(first)).isFalse();
        assertThat(queue.find(c).orElseThrow().workerId()).isEqualTo("w2");
        assertThat(queue.complete(second)).isTrue();
    }

    @Test
    void aHeartbeatKeepsTheLease() {
        queue.enqueue(conversation("c-1"), WS, JobLane.TEXT);
        LeasedJob lease = queue.lease("w1", ALL, LEASE).orElseThrow();
        for (int i = 0; i < 5; i++) {
            clock.advance(LEASE.minusSeconds(5));
            assertThat(queue.heartbeat(lease, LEASE)).isTrue();
        }
        assertThat(queue.lease("w2", ALL, LEASE)).isEmpty();
        assertThat(queue.find("c-1").orElseThrow().leasedUntil()).isEqualTo(clock.instant().plus(LEASE));
        assertThat(queue.complete(lease)).isTrue();
    }

    @Test
    void aCheckpointRecordsTheStageAndRestartsAttemptsAndTheStepClock() {
        String c = conversation("c-1");
        queue.enqueue(c, WS, JobLane.MEDIA);
        LeasedJob first = queue.lease("w1", ALL, LEASE).orElseThrow();
        clock.advance(LEASE.plusSeconds(1));
        LeasedJob second = queue.lease("w2", ALL, LEASE).orElseThrow();
        assertThat(second.attempts()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(10));
        assertThat(queue.checkpoint(second, "transcription", LEASE)).isTrue();
        Job job = queue.find(c).orElseThrow();
        assertThat(job.completedStage()).isEqualTo("transcription");
        assertThat(job.attempts()).as("this lease is the next step's first attempt").isEqualTo(1);
        assertThat(job.stepStartedAt()).isEqualTo(clock.instant());
        assertThat(job.leasedUntil()).isEqualTo(clock.instant().plus(LEASE));

        clock.advance(LEASE);
        LeasedJob third = queue.lease("w3", ALL, LEASE).orElseThrow();
        assertThat(third.completedStage()).isEqualTo("transcription");
        assertThat(third.attempts()).isEqualTo(2);
        assertThat(queue.checkpoint(first, "download", LEASE)).isFalse();
    }

    @Test
    void retryAtReleasesTheJobUntilItsTime() {
        String c = conversation("c-1");
        queue.enqueue(c, WS, JobLane.TEXT);
        LeasedJob first = queue.lease("w1", ALL, LEASE).orElseThrow();
        assertThat(queue.retryAt(first, T0.plusSeconds(8))).isTrue();
        assertThat(queue.heartbeat(first, LEASE)).as("released").isFalse();

        Job waiting = queue.find(c).orElseThrow();
        assertThat(waiting.runAt()).isEqualTo(T0.plusSeconds(8));
        assertThat(waiting.workerId()).isNull();
        assertThat(waiting.leasedUntil()).isNull();
        clock.advance(Duration.ofSeconds(7));
        assertThat(queue.lease("w1", ALL, LEASE)).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        LeasedJob second = queue.lease("w2", ALL, LEASE).orElseThrow();
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(queue.complete(first)).isFalse();
    }

    @Test
    void aDelayedRetryLetsOtherJobsGoFirst() {
        queue.enqueue(conversation("retried"), WS, JobLane.TEXT);
        LeasedJob lease = queue.lease("w", ALL, LEASE).orElseThrow();
        queue.retryAt(lease, T0.plusSeconds(5));
        clock.advance(Duration.ofSeconds(1));
        queue.enqueue(conversation("fresh"), WS, JobLane.TEXT);
        clock.advance(Duration.ofSeconds(10));
        assertThat(queue.lease("w", ALL, LEASE).orElseThrow().conversationId()).isEqualTo("fresh");
        assertThat(queue.lease("w", ALL, LEASE).orElseThrow().conversationId()).isEqualTo("retried");
    }

    @Test
    void failAndCompleteRemoveTheJob() {
        queue.enqueue(conversation("done"), WS, JobLane.TEXT);
        queue.enqueue(conversation("broken"), WS, JobLane.TEXT);
        LeasedJob done = queue.lease("w", ALL, LEASE).orElseThrow();
        LeasedJob broken = queue.lease("w", ALL, LEASE).orElseThrow();
        assertThat(queue.complete(done)).isTrue();
        assertThat(queue.fail(broken, "The file has no audio track.")).isTrue();
        assertThat(queue.find("done")).isEmpty();
        assertThat(queue.find("broken")).isEmpty();
        clock.advance(LEASE.multipliedBy(2));
        assertThat(queue.lease("w", ALL, LEASE)).isEmpty();
        assertThat(queue.complete(done)).isFalse();
    }

    @Test
    void cancelRemovesAWaitingOrLeasedJobAndItsHolderLosesTheLease() {
        queue.enqueue(conversation("waiting"), WS, JobLane.MEDIA);
        queue.enqueue(conversation("leased"), WS, JobLane.TEXT);
        LeasedJob lease = queue.lease("w", EnumSet.of(JobLane.TEXT), LEASE).orElseThrow();

        assertThat(queue.cancel("waiting")).isTrue();
        assertThat(queue.cancel("leased")).isTrue();
        assertThat(queue.cancel("leased")).isFalse();
        assertThat(queue.cancel("never-enqueued")).isFalse();
        assertThat(queue.heartbeat(lease, LEASE)).isFalse();
        assertThat(queue.checkpoint(lease, "extraction", LEASE)).isFalse();
        assertThat(queue.complete(lease)).isFalse();
        assertThat(queue.lease("w", ALL, LEASE)).isEmpty();

        assertThat(queue.enqueue("leased", WS, JobLane.TEXT)).as("a cancelled conversation may be queued again").isTrue();
        assertThat(queue.heartbeat(lease, LEASE)).as("the old lease stays lost").isFalse();
    }

    @Test
    void listsJobsStalledInTheirStepOldestFirst() {
        queue.enqueue(conversation("old"), WS, JobLane.MEDIA);
        clock.advance(Duration.ofMinutes(10));
        queue.enqueue(conversation("newer"), WS, JobLane.TEXT);
        clock.advance(Duration.ofMinutes(10));
        queue.enqueue(conversation("fresh"), WS, JobLane.TEXT);
        LeasedJob newer = queue.lease("w", EnumSet.of(JobLane.TEXT), LEASE).orElseThrow();
        assertThat(newer.conversationId()).isEqualTo("newer");

        assertThat(queue.stalled(clock.instant().minusSeconds(1), 10)).extracting(Job::conversationId)
                .containsExactly("old", "newer");
        assertThat(queue.stalled(clock.instant().minusSeconds(1), 1)).extracting(Job::conversationId)
                .containsExactly("old");
        assertThat(queue.checkpoint(newer, "extraction", LEASE)).isTrue();
        assertThat(queue.stalled(clock.instant().minusSeconds(1), 10)).extracting(Job::conversationId)
                .containsExactly("old");
        assertThat(queue.stalled(T0, 10)).isEmpty();
    }

    @Test
    void concurrentWorkersNeverHoldTheSameJob() throws Exception {
        int jobs = 200;
        for (int i = 0; i < jobs; i++) {
            queue.enqueue(conversation("c-" + i), WS, i % 3 == 0 ? JobLane.MEDIA : JobLane.TEXT);
        }
        Map<String, String> holder = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        int workers = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                String worker = "w" + w;
                running.add(pool.submit(() -> {
                    start.await();
                    Optional<LeasedJob> lease;
                    while ((lease = queue.lease(worker, ALL, LEASE)).isPresent()) {
                        LeasedJob job = lease.get();
                        if (holder.putIfAbsent(job.conversationId(), worker) != null) {
                            overlaps.incrementAndGet();
                        }
                        if (queue.complete(job)) {
                            completed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : running) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(overlaps).hasValue(0);
        assertThat(completed).hasValue(jobs);
        assertThat(holder).hasSize(jobs);
    }
}
