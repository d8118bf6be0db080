package harmony.core.pipeline;

import harmony.core.domain.Conversation;
import harmony.core.domain.ProcessingStatus;
import harmony.core.port.out.ConversationEvent;
import harmony.testkit.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static harmony.testkit.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two processes share the stores. The first one's worker is abandoned mid-stage (it hangs and sends no
 * heartbeats, as if its process froze); after its lease expires the second process takes the job over,
 * resumes after the last completed stage and finishes. When the first worker wakes up it writes nothing.
 */
class CrashRecoveryTest {

    @Test
    void anotherWorkerFinishesAConversationAfterTheAbandonedWorkersLeaseExpires() throws Exception {
        PipelineHarness h = new PipelineHarness(Clock.systemUTC());
        CountDownLatch frozen = new CountDownLatch(1);
        CountDownLatch thaw = new CountDownLatch(1);
        RecordingStages stages = new RecordingStages() {
            @Override
            void before(String stage, StageContext ctx) {
                if (stage.equals("insights") && Thread.currentThread().getName().equals("frozen-node")) {
                    frozen.countDown();
                    awaitUninterruptibly(thaw);
                }
            }
        };
        PipelineSettings settings = PipelineSettings.DEFAULT.withWorkers(0, 1)
                .withLease(Duration.ofMillis(1500), Duration.ofMillis(100))
                .withPollInterval(Duration.ofMillis(10));
        Pipeline frozenNode = h.pipeline(stages.textStages(), settings);
        Pipeline rescuer = h.pipeline(stages.textStages(), settings);
        Conversation c = h.submit(frozenNode, Fixtures.conversation("Crash", T0));

        AtomicReference<Throwable> frozenOutcome = new AtomicReference<>();
        Thread frozenWorker = new Thread(() -> {
            try {
                frozenNode.runNext("frozen/text-1", PipelineHarness.ALL);
            } catch (Throwable t) {
                frozenOutcome.set(t);
            }
        }, "frozen-node");
        frozenWorker.start();
        assertThat(frozen.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(h.stored(c.id()).status()).isEqualTo(ProcessingStatus.GENERATING_INSIGHTS);
        assertThat(h.jobs.find(c.id()).orElseThrow().workerId()).isEqualTo("frozen/text-1");

        try (PipelineWorkers workers = new PipelineWorkers(rescuer, "rescuer")) {
            workers.start();
            awaitStatus(h, c.id(), ProcessingStatus.COMPLETED);
        }
        long eventsAtCompletion = h.events(c.id()).size();

        thaw.countDown();
        frozenWorker.join(10_000);
        assertThat(frozenWorker.isAlive()).isFalse();
        assertThat(frozenOutcome.get()).isNull();

        assertThat(h.stored(c.id()).status()).isEqualTo(ProcessingStatus.COMPLETED);
        assertThat(h.events(c.id())).as("the thawed worker wrote nothing").hasSize((int) eventsAtCompletion);
        assertThat(stages.runs(c.id(), "extraction")).as("not redone").isEqualTo(1);
        // The thawed stage body itself ran to its end (as a frozen process would); its output replaced the
        // rescuer's identical one, and the engine around it wrote no status, event or checkpoint.
        assertThat(stages.runs(c.id(), "insights")).isEqualTo(2);
        assertThat(stages.runs(c.id(), "goals")).as("the thawed worker went no further").isEqualTo(1);
        stages.assertOutputsOnce(c.id(), List.of("extraction", "insights", "goals"));
        assertThat(h.jobs.find(c.id())).isEmpty();
        List<ConversationEvent> insights = h.events(c.id()).stream()
                .filter(e -> "insights".equals(e.processing().stage())).toList();
        assertThat(insights).extracting(e -> e.processing().attempts()).containsSubsequence(1, 2);
        h.assertLegalSequence(c.id());
        h.close();
    }

    static void awaitStatus(PipelineHarness h, String id, ProcessingStatus status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (h.stored(id).status() != status) {
            assertThat(System.nanoTime()).as("%s reaches %s", id, status).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
