package harmony.core.pipeline;

import harmony.core.domain.Conversation;
import harmony.core.domain.ProcessingStatus;
import harmony.testkit.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static harmony.core.pipeline.CrashRecoveryTest.awaitStatus;
import static harmony.testkit.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

class PipelineWorkersTest {
    private static final PipelineSettings FAST = PipelineSettings.DEFAULT
            .withLease(Duration.ofMillis(1000), Duration.ofMillis(50))
            .withPollInterval(Duration.ofMillis(20));

    private final PipelineHarness h = new PipelineHarness(Clock.systemUTC());
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch transcribing = new CountDownLatch(1);
    private final RecordingStages stages = new RecordingStages() {
        @Override
        void before(String stage, StageContext ctx) throws InterruptedException {
            if (stage.equals("transcription")) {
                transcribing.countDown();
                release.await();
            }
        }
    };

    @AfterEach
    void close() {
        release.countDown();
        h.close();
    }

    private List<Stage> all() {
        List<Stage> list = new ArrayList<>();
        list.add(stages.stage("transcription", ProcessingStatus.TRANSCRIBING, c -> c.source().isMedia()));
        list.addAll(stages.textStages());
        return list;
    }

    @Test
    void pastedTranscriptsDoNotWaitBehindALongRecording() throws Exception {
        Pipeline p = h.pipeline(all(), FAST.withWorkers(1, 1));
        try (PipelineWorkers workers = new PipelineWorkers(p, "node")) {
            workers.start();
            Conversation recording = h.submit(p, Fixtures.recordingConversation("Two hours", T0));
            assertThat(transcribing.await(10, TimeUnit.SECONDS)).isTrue();
            List<Conversation> pasted = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                pasted.add(h.submit(p, Fixtures.conversation("Pasted " + i, T0)));
            }
            for (Conversation c : pasted) {
                awaitStatus(h, c.id(), ProcessingStatus.COMPLETED);
            }
            assertThat(h.stored(recording.id()).status()).as("still transcribing").isEqualTo(ProcessingStatus.TRANSCRIBING);
            release.countDown();
            awaitStatus(h, recording.id(), ProcessingStatus.COMPLETED);
        }
    }

    @Test
    void heartbeatsKeepAStageLongerThanTheLeaseWithItsWorker() throws Exception {
        RecordingStages slow = new RecordingStages() {
            @Override
            void before(String stage, StageContext ctx) throws InterruptedException {
                if (stage.equals("insights")) {
                    Thread.sleep(2_500);
                }
            }
        };
        Pipeline p = h.pipeline(slow.textStages(), FAST.withWorkers(0, 3));
        try (PipelineWorkers workers = new PipelineWorkers(p, "node")) {
            workers.start();
            Conversation c = h.submit(p, Fixtures.conversation("Slow", T0));
            awaitStatus(h, c.id(), ProcessingStatus.COMPLETED);
            assertThat(slow.runs(c.id(), "insights")).isEqualTo(1);
            assertThat(slow.overlaps).hasValue(0);
            assertThat(h.events(c.id())).filteredOn(e -> "insights".equals(e.processing().stage()))
                    .allMatch(e -> e.processing().attempts() == 1);
        }
    }

    @Test
    void stoppingLetsRunningWorkFinish() throws Exception {
        Pipeline p = h.pipeline(all(), FAST.withWorkers(1, 0));
        PipelineWorkers workers = new PipelineWorkers(p, "node");
        workers.start();
        Conversation c = h.submit(p, Fixtures.recordingConversation("Draining", T0));
        assertThat(transcribing.await(10, TimeUnit.SECONDS)).isTrue();
        new Thread(() -> {
            sleep(300);
            release.countDown();
        }).start();
        assertThat(workers.stop(Duration.ofSeconds(10))).isTrue();
        assertThat(workers.isRunning()).isFalse();
        assertThat(h.stored(c.id()).status()).isEqualTo(ProcessingStatus.COMPLETED);
    }

    @Test
    void stoppingHandsBackWorkThatDoesNotFinishInTimeAndOtherWorkersResumeIt() throws Exception {
        CountDownLatch hung = new CountDownLatch(1);
        RecordingStages stubborn = new RecordingStages() {
            @Override
            void before(String stage, StageContext ctx) throws InterruptedException {
                if (stage.equals("goals") && hung.getCount() > 0) {
                    hung.countDown();
                    Thread.sleep(60_000);
                }
            }
        };
        Pipeline first = h.pipeline(stubborn.textStages(), FAST.withWorkers(0, 1));
        PipelineWorkers workers = new PipelineWorkers(first, "first");
        workers.start();
        Conversation c = h.submit(first, Fixtures.conversation("Handed back", T0));
        assertThat(hung.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(workers.stop(Duration.ofMillis(100))).isFalse();
        assertThat(h.jobs.find(c.id()).orElseThrow().workerId()).as("released, not left to expire").isNull();
        assertThat(h.jobs.find(c.id()).orElseThrow().completedStage()).isEqualTo("insights");

        Pipeline second = h.pipeline(stubborn.textStages(), FAST.withWorkers(0, 1));
        try (PipelineWorkers next = new PipelineWorkers(second, "second")) {
            next.start();
            awaitStatus(h, c.id(), ProcessingStatus.COMPLETED);
        }
        assertThat(stubborn.runs(c.id(), "insights")).isEqualTo(1);
        stubborn.assertOutputsOnce(c.id(), List.of("extraction", "insights", "goals"));
    }

    @Test
    void theSchedulerFailsStuckConversations() throws Exception {
        Pipeline p = h.pipeline(all(), FAST.withWorkers(0, 1)
                .withStuckAfter(Duration.ofMillis(1500), Duration.ofMillis(50)));
        try (PipelineWorkers workers = new PipelineWorkers(p, "node")) {
            workers.start();
            Conversation media = h.submit(p, Fixtures.recordingConversation("No media worker", T0));
            awaitStatus(h, media.id(), ProcessingStatus.FAILED);
            assertThat(h.stored(media.id()).processing().error()).startsWith("Processing waited in the queue for more than");
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
