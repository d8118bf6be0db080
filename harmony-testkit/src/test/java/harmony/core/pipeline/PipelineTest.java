package harmony.core.pipeline;

import harmony.core.domain.Conversation;
import harmony.core.domain.Processing;
import harmony.core.domain.ProcessingStatus;
import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.error.UserMessages;
import harmony.core.port.out.ConversationEvent;
import harmony.core.port.out.Job;
import harmony.core.port.out.JobLane;
import harmony.testkit.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static harmony.core.domain.ProcessingStatus.COMPLETED;
import static harmony.core.domain.ProcessingStatus.EVALUATING_GOALS;
import static harmony.core.domain.ProcessingStatus.EXTRACTING;
import static harmony.core.domain.ProcessingStatus.FAILED;
import static harmony.core.domain.ProcessingStatus.GENERATING_INSIGHTS;
import static harmony.core.domain.ProcessingStatus.QUEUED;
import static harmony.core.domain.ProcessingStatus.SCORING;
import static harmony.testkit.Fixtures.T0;
import static harmony.testkit.Fixtures.WS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PipelineTest {
    private final PipelineHarness h = new PipelineHarness();
    private final RecordingStages stages = new RecordingStages();

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void runsTheTextStagesInOrderStoringAndAnnouncingEachBeforeAndAfter() {
        Pipeline p = h.pipeline(stages.textStages());
        Conversation c = h.submit(p, Fixtures.conversation("Pasted", T0));

        assertThat(h.drain(p)).isEqualTo(1);

        assertThat(h.statuses(c.id())).containsExactly(QUEUED, EXTRACTING, GENERATING_INSIGHTS, EVALUATING_GOALS, COMPLETED);
        List<ConversationEvent> events = h.events(c.id());
        assertThat(events).extracting(e -> e.processing().stage() + "@" + e.processing().progress()).containsExactly(
                "null@0.0", "extraction@0.0", "extraction@1.0", "insights@0.0", "insights@1.0",
                "goals@0.0", "goals@1.0", "null@1.0");
        assertThat(h.stored(c.id()).status()).isEqualTo(COMPLETED);
        assertThat(h.stored(c.id()).processing().error()).isNull();
        stages.assertOutputsOnce(c.id(), List.of("extraction", "insights", "goals"));
        assertThat(h.jobs.find(c.id())).as("the job is finished").isEmpty();
        h.assertLegalSequence(c.id());
    }

    @Test
    void scoresOnlyWhenAScorecardApplies() {
        Pipeline p = h.pipeline(stages.textStages());
        Conversation scored = h.submit(p, Fixtures.conversation("Scored", T0).toBuilder().tags(List.of(RecordingStages.SCORED)).build());
        Conversation plain = h.submit(p, Fixtures.conversation("Plain", T0));
        h.drain(p);
        assertThat(h.statuses(scored.id())).contains(SCORING).endsWith(COMPLETED);
        assertThat(h.statuses(plain.id())).doesNotContain(SCORING).endsWith(COMPLETED);
        stages.assertOutputsOnce(scored.id(), List.of("extraction", "insights", "goals", "scoring"));
    }

    @Test
    void queuesTextAndMediaInTheirLanes() {
        Pipeline p = h.pipeline(stages.textStages());
        Conversation text = h.submit(p, Fixtures.conversation("Pasted", T0));
        Conversation media = h.submit(p, Fixtures.recordingConversation("Upload", T0));
        assertThat(h.jobs.find(text.id()).orElseThrow().lane()).isEqualTo(JobLane.TEXT);
        assertThat(h.jobs.find(media.id()).orElseThrow().lane()).isEqualTo(JobLane.MEDIA);
        assertThat(p.submit(text)).as("one live job per conversation").isFalse();
    }

    @Test
    void retriesATransientFailureWithBackoffAndShowsTheAttempt() {
        AtomicInteger failures = new AtomicInteger(2);
        RecordingStages flaky = new RecordingStages() {
            @Override
            void before(String stage, StageContext ctx) throws IOException {
                if (stage.equals("insights") && failures.getAndDecrement() > 0) {
                    throw new IOException("model server restarting");
                }
            }
        };
        Pipeline p = h.pipeline(flaky.textStages());
        Conversation c = h.submit(p, Fixtures.conversation("Flaky", T0));

        h.drain(p);
        Job waiting = h.jobs.find(c.id()).orElseThrow();
        assertThat(waiting.completedStage()).isEqualTo("extraction");
        Duration firstDelay = Duration.between(T0, waiting.runAt());
        assertThat(firstDelay).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(h.stored(c.id()).status()).isEqualTo(GENERATING_INSIGHTS);
        assertThat(h.drain(p)).as("not before its time").isZero();

        h.mutableClock().set(waiting.runAt());
        h.drain(p);
        Job again = h.jobs.find(c.id()).orElseThrow();
        Duration secondDelay = Duration.between(waiting.runAt(), again.runAt());
        assertThat(secondDelay).as("doubles, less jitter").isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(h.stored(c.id()).processing().attempts()).isEqualTo(2);

        h.mutableClock().set(again.runAt());
        h.drain(p);
        Conversation done = h.stored(c.id());
        assertThat(done.status()).isEqualTo(COMPLETED);
        assertThat(flaky.runs(c.id(), "extraction")).as("resumed after the completed stage").isEqualTo(1);
        flaky.assertOutputsOnce(c.id(), List.of("extraction", "insights", "goals"));
        assertThat(h.events(c.id())).filteredOn(e -> "insights".equals(e.processing().stage()))
                .extracting(e -> e.processing().attempts()).contains(1, 2, 3);
        h.assertLegalSequence(c.id());
    }

    @Test
    void failsWithAReadableReasonWhenAttemptsRunOut() {
        RecordingStages broken = new RecordingStages() {
            @Override
            void before(String stage, StageContext ctx) {
                if (stage.equals("goals")) {
                    throw new IllegalStateException("connection refused");
                }
            }
        };
        Pipeline p = h.pipeline(broken.textStages());
        Conversation c = h.submit(p, Fixtures.conversation("Doomed", T0));
        for (int i = 0; i < 5; i++) {
            h.drain(p);
            h.mutableClock().advance(Duration.ofMinutes(1));
        }
        Conversation failed = h.stored(c.id());
        assertThat(failed.status()).isEqualTo(FAILED);
        assertThat(failed.processing().stage()).isEqualTo("goals");
        assertThat(failed.processing().attempts()).isEqualTo(3);
        assertThat(failed.processing().error())
                .isEqualTo("Goal evaluation did not succeed after 3 attempts. Reprocess the conversation to try again.");
        assertThat(h.jobs.find(c.id())).isEmpty();
        assertThat(h.statuses(c.id())).endsWith(EVALUATING_GOALS, FAILED);
        h.assertLegalSequence(c.id());
    }

    @Test
    void failsAtOnceOnAPermanentFailureWithTheUsersMessage() {
        RecordingStages invalid = new RecordingStages() {
            @Override
            void before(String stage, StageContext ctx) {
                if (stage.equals("extraction")) {
                    throw new HarmonyException(ErrorKind.INVALID, UserMessages.NO_AUDIO_TRACK);
                }
            }
        };
        Pipeline p = h.pipeline(invalid.textStages());
        Conversation c = h.submit(p, Fixtures.conversation("No audio", T0));
        h.drain(p);
        Conversation failed = h.stored(c.id());
        assertThat(failed.status()).isEqualTo(FAILED);
        assertThat(failed.processing().error()).isEqualTo(UserMessages.NO_AUDIO_TRACK);
        assertThat(failed.processing().attempts()).isEqualTo(1);
        assertThat(invalid.runs(c.id(), "extraction")).isZero();
        assertThat(h.jobs.find(c.id())).isEmpty();
    }

    @Test
    void recognisesAPermanentFailureWrappedInAnother() {
        RecordingStages wrapped = new RecordingStages() {
            @Override
            void before(String stage, StageContext ctx) {
                throw new IllegalStateException("wrapper", new PermanentStageFailure("The transcript is empty."));
            }
        };
        Pipeline p = h.pipeline(wrapped.textStages());
        Conversation c = h.submit(p, Fixtures.conversation("Empty", T0));
        h.drain(p);
        assertThat(h.stored(c.id()).processing().error()).isEqualTo("The transcript is empty.");
    }

    @Test
    void failedOrCompletedConversationsCanBeReprocessedAndOutputsAreReplacedNotDuplicated() {
        AtomicInteger failOnce = new AtomicInteger(1);
        RecordingStages once = new RecordingStages() {
            @Override
            void before(String stage, StageContext ctx) {
                if (stage.equals("goals") && failOnce.getAndDecrement() > 0) {
                    throw new PermanentStageFailure("Goals could not be read.");
                }
            }
        };
        Pipeline p = h.pipeline(once.textStages());
        Conversation c = h.submit(p, Fixtures.conversation("Again", T0));
        h.drain(p);
        assertThat(h.stored(c.id()).status()).isEqualTo(FAILED);

        Conversation queued = p.reprocess(WS, c.id());
        assertThat(queued.status()).isEqualTo(QUEUED);
        assertThat(queued.processing()).isEqualTo(Processing.NONE);
        h.drain(p);
        assertThat(h.stored(c.id()).status()).isEqualTo(COMPLETED);

        p.reprocess(WS, c.id());
        h.drain(p);
        assertThat(h.stored(c.id()).status()).isEqualTo(COMPLETED);
        assertThat(once.runs(c.id(), "extraction")).isEqualTo(3);
        once.assertOutputsOnce(c.id(), List.of("extraction", "insights", "goals"));
        assertThat(h.statuses(c.id())).containsSubsequence(FAILED, QUEUED, EXTRACTING, COMPLETED, QUEUED, EXTRACTING, COMPLETED);
        h.assertLegalSequence(c.id());
    }

    @Test
    void refusesToReprocessWhatIsStillRunningOrNotVisible() {
        Pipeline p = h.pipeline(stages.textStages());
        Conversation c = h.submit(p, Fixtures.conversation("Busy", T0));
        assertThatThrownBy(() -> p.reprocess(WS, c.id()))
                .isInstanceOfSatisfying(HarmonyException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFLICT));
        assertThatThrownBy(() -> p.reprocess(Fixtures.OTHER_WS, c.id()))
                .isInstanceOfSatisfying(HarmonyException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
        assertThatThrownBy(() -> p.reprocess(WS, "missing"))
                .isInstanceOfSatisfying(HarmonyException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND));
    }

    @Test
    void aWorkerThatDiesMidStageIsReplacedAfterTheLeaseAndResumesAfterTheLastCompletedStage() {
        AtomicInteger deaths = new AtomicInteger(1);
        RecordingStages mortal = new RecordingStages() {
            @Override
            void before(String stage, StageContext ctx) {
                if (stage.equals("goals") && deaths.getAndDecrement() > 0) {
                    throw new WorkerDeath();
                }
            }
        };
        Pipeline p = h.pipeline(mortal.textStages());
        Conversation c = h.submit(p, Fixtures.conversation("Crash", T0));
        assertThatThrownBy(() -> p.runNext("doomed", PipelineHarness.ALL)).isInstanceOf(WorkerDeath.class);
        assertThat(h.stored(c.id()).status()).isEqualTo(EVALUATING_GOALS);
        assertThat(p.runNext("rescuer", PipelineHarness.ALL)).as("still leased").isFalse();

        h.mutableClock().advance(PipelineHarness.SETTINGS.leaseDuration());
        assertThat(p.runNext("rescuer", PipelineHarness.ALL)).isTrue();
        assertThat(h.stored(c.id()).status()).isEqualTo(COMPLETED);
        assertThat(mortal.runs(c.id(), "extraction")).isEqualTo(1);
        assertThat(mortal.runs(c.id(), "insights")).isEqualTo(1);
        assertThat(h.events(c.id())).filteredOn(e -> "goals".equals(e.processing().stage()))
                .extracting(e -> e.processing().attempts()).contains(1, 2);
        h.assertLegalSequence(c.id());
    }

    @Test
    void failsAConversationWhoseWorkersKeepDying() {
        RecordingStages cursed = new RecordingStages() {
            @Override
            void before(String stage, StageContext ctx) {
                if (stage.equals("insights")) {
                    throw new WorkerDeath();
                }
            }
        };
        Pipeline p = h.pipeline(cursed.textStages());
        Conversation c = h.submit(p, Fixtures.conversation("Poison", T0));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> p.runNext("w", PipelineHarness.ALL)).isInstanceOf(WorkerDeath.class);
            h.mutableClock().advance(PipelineHarness.SETTINGS.leaseDuration());
        }
        assertThat(p.runNext("w", PipelineHarness.ALL)).isTrue();
        Conversation failed = h.stored(c.id());
        assertThat(failed.status()).isEqualTo(FAILED);
        assertThat(failed.processing().error()).startsWith("Insight generation did not succeed after 3 attempts.");
        assertThat(h.jobs.find(c.id())).isEmpty();
    }

    @Test
    void failsWhatStaysInOneStatusTooLongAndStopsItsWorker() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        RecordingStages hanging = new RecordingStages() {
            @Override
            void before(String stage, StageContext ctx) {
                if (ctx.conversation().title().equals("Hangs")) {
                    entered.countDown();
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        Pipeline p = h.pipeline(hanging.textStages());
        Conversation hangs = h.submit(p, Fixtures.conversation("Hangs", T0));
        Thread worker = new Thread(() -> p.runNext("w", EnumSet.of(JobLane.TEXT)));
        worker.start();
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        Conversation waits = h.submit(p, Fixtures.recordingConversation("Nobody takes media", T0));

        h.mutableClock().advance(Duration.ofMinutes(29));
        assertThat(p.failStuck()).isZero();
        h.mutableClock().advance(Duration.ofMinutes(2));
        assertThat(p.failStuck()).isEqualTo(2);

        assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("the hanging stage is interrupted").isTrue();
        worker.join(10_000);
        assertThat(worker.isAlive()).isFalse();
        Conversation stuck = h.stored(hangs.id());
        assertThat(stuck.status()).isEqualTo(FAILED);
        assertThat(stuck.processing().error()).isEqualTo(
                "Processing stayed at extraction for more than 30 minutes and was stopped. Reprocess the conversation to try again.");
        assertThat(h.stored(waits.id()).processing().error()).isEqualTo(
                "Processing waited in the queue for more than 30 minutes and was stopped. Reprocess the conversation to try again.");
        assertThat(h.statuses(hangs.id())).as("the stopped worker wrote nothing after").endsWith(EXTRACTING, FAILED);
        assertThat(h.jobs.find(hangs.id())).isEmpty();
        assertThat(h.jobs.find(waits.id())).isEmpty();
        assertThat(p.failStuck()).isZero();
    }

    @Test
    void aWorkerThatLostItsJobCannotWriteIntoTheNextRun() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        RecordingStages zombie = new RecordingStages() {
            @Override
            void before(String stage, StageContext ctx) throws Exception {
                if (calls.getAndIncrement() == 0) {
                    entered.countDown();
                    proceed.await();
                    ctx.progress().progress(0.5);
                }
            }
        };
        Pipeline here = h.pipeline(zombie.textStages());
        Pipeline elsewhere = h.pipeline(zombie.textStages());
        Conversation c = h.submit(here, Fixtures.conversation("Zombie", T0));
        Thread worker = new Thread(() -> here.runNext("here", PipelineHarness.ALL));
        worker.start();
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        // Another process fails it as stuck and the user reprocesses it there; this worker has not noticed yet.
        h.mutableClock().advance(Duration.ofMinutes(31));
        assertThat(elsewhere.failStuck()).isEqualTo(1);
        elsewhere.reprocess(WS, c.id());
        int eventsBefore = h.events(c.id()).size();
        proceed.countDown();
        worker.join(10_000);

        assertThat(h.stored(c.id()).status()).isEqualTo(QUEUED);
        assertThat(h.events(c.id())).hasSize(eventsBefore);
        assertThat(h.jobs.find(c.id())).as("the new run's job is untouched").isPresent();
        h.drain(elsewhere);
        assertThat(h.stored(c.id()).status()).isEqualTo(COMPLETED);
        h.assertLegalSequence(c.id());
    }

    @Test
    void cancellingStopsARunningStageAndLeavesNoJob() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        List<Throwable> seen = new ArrayList<>();
        RecordingStages slow = new RecordingStages() {
            @Override
            void before(String stage, StageContext ctx) throws Exception {
                entered.countDown();
                for (int i = 1; i <= 1000; i++) {
                    Thread.sleep(10);
                    ctx.progress().progress(i / 1000.0);
                }
            }
        };
        Pipeline p = h.pipeline(slow.textStages());
        Conversation c = h.submit(p, Fixtures.conversation("Deleted soon", T0));
        Thread worker = new Thread(() -> {
            try {
                p.runNext("w", PipelineHarness.ALL);
            } catch (Throwable t) {
                seen.add(t);
            }
        });
        worker.start();
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(p.cancel(c.id())).isTrue();
        h.conversations.delete(WS, c.id());
        worker.join(10_000);

        assertThat(worker.isAlive()).isFalse();
        assertThat(seen).isEmpty();
        assertThat(h.jobs.find(c.id())).isEmpty();
        assertThat(slow.runs(c.id(), "extraction")).as("the stage never finished").isZero();
        assertThat(h.drain(p)).isZero();
    }

    @Test
    void aConversationDeletedElsewhereStopsItsWorkerAtTheNextWrite() {
        RecordingStages deleting = new RecordingStages() {
            @Override
            void before(String stage, StageContext ctx) {
                h.conversations.delete(WS, ctx.conversation().id());
            }
        };
        Pipeline p = h.pipeline(deleting.textStages());
        Conversation c = h.submit(p, Fixtures.conversation("Gone", T0));
        h.drain(p);
        assertThat(h.jobs.find(c.id())).isEmpty();
        assertThat(deleting.runs(c.id(), "insights")).isZero();
    }

    @Test
    void refusesStagesOutOfOrder() {
        Stage goals = Stage.of("goals", EVALUATING_GOALS, ctx -> { });
        Stage extraction = Stage.of("extraction", EXTRACTING, ctx -> { });
        assertThatThrownBy(() -> h.pipeline(List.of(goals, extraction))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> h.pipeline(List.of(extraction, Stage.of("extraction", SCORING, ctx -> { }))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> h.pipeline(List.of(Stage.of("done", COMPLETED, ctx -> { }))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Stands for a worker process dying: nothing in the engine catches it. */
    static final class WorkerDeath extends Error {
        WorkerDeath() {
            super("worker died", null, false, false);
        }
    }
}
