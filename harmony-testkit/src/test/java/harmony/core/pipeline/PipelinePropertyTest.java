package harmony.core.pipeline;

import harmony.core.domain.Conversation;
import harmony.core.domain.ProcessingStatus;
import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.port.out.ConversationEvent;
import harmony.testkit.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static harmony.testkit.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random stage outcomes (success, transient error, permanent error, worker death), seeded so a failure
 * names the seed that reproduces it. Whatever happens: every conversation ends completed or failed, its
 * statuses only move along legal transitions, no stage runs twice at once for one conversation, and every
 * output of a completed conversation exists exactly once, in pipeline order.
 */
class PipelinePropertyTest {
    private static final List<String> TEXT_STAGES = List.of("extraction", "insights", "goals");

    /** What a stage does on one call, drawn from the seed. */
    static class RandomStages extends RecordingStages {
        private final SplittableRandom random;
        private final double transientRate;
        private final double permanentRate;
        private final double deathRate;

        RandomStages(long seed, double transientRate, double permanentRate, double deathRate) {
            this.random = new SplittableRandom(seed);
            this.transientRate = transientRate;
            this.permanentRate = permanentRate;
            this.deathRate = deathRate;
        }

        List<Stage> allStages() {
            List<Stage> all = new ArrayList<>();
            all.add(stage("transcription", ProcessingStatus.TRANSCRIBING, c -> c.source().isMedia()));
            all.addAll(textStages());
            return all;
        }

        @Override
        void before(String stage, StageContext ctx) throws Exception {
            double roll;
            synchronized (random) {
                roll = random.nextDouble();
            }
            if (roll < deathRate) {
                throw new PipelineTest.WorkerDeath();
            }
            roll -= deathRate;
            if (roll < permanentRate) {
                throw new HarmonyException(ErrorKind.INVALID, "The " + stage + " input is not usable.");
            }
            roll -= permanentRate;
            if (roll < transientRate) {
                throw new IOException("flaky dependency");
            }
        }
    }

    @Test
    void randomOutcomesOnOneWorkerAlwaysEndCompletedOrFailedAlongLegalMoves() {
        for (long seed = 1; seed <= 150; seed++) {
            runSeed(seed);
        }
    }

    private void runSeed(long seed) {
        PipelineHarness h = new PipelineHarness();
        RandomStages stages = new RandomStages(seed, 0.15, 0.03, 0.08);
        Pipeline p = h.pipeline(stages.allStages());
        SplittableRandom random = new SplittableRandom(seed * 31);
        List<Conversation> submitted = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Conversation c = random.nextBoolean()
                    ? Fixtures.conversation("Text " + i, T0)
                    : Fixtures.recordingConversation("Media " + i, T0);
            if (random.nextInt(3) == 0) {
                c = c.toBuilder().tags(List.of(RecordingStages.SCORED)).build();
            }
            submitted.add(h.submit(p, c));
        }
        int steps = 0;
        while (submitted.stream().anyMatch(c -> h.jobs.find(c.id()).isPresent())) {
            assertThat(++steps).as("seed %d does not settle", seed).isLessThan(10_000);
            int action = random.nextInt(10);
            if (action < 7) {
                try {
                    p.runNext("w" + random.nextInt(3), PipelineHarness.ALL);
                } catch (PipelineTest.WorkerDeath dead) {
                    // The worker is gone; its lease runs out.
                }
            } else {
                h.mutableClock().advance(Duration.ofSeconds(random.nextInt(1, 180)));
            }
        }
        for (Conversation c : submitted) {
            checkProperties(h, stages, c, seed);
        }
        assertThat(stages.overlaps).hasValue(0);
        h.close();
    }

    static void checkProperties(PipelineHarness h, RecordingStages stages, Conversation c, long seed) {
        Conversation end = h.stored(c.id());
        String where = "seed " + seed + ", " + c.title();
        assertThat(end.status()).as(where).isIn(ProcessingStatus.COMPLETED, ProcessingStatus.FAILED);
        List<ConversationEvent> events = h.events(c.id());
        assertThat(events.get(0).status()).as(where).isEqualTo(ProcessingStatus.QUEUED);
        assertThat(events.get(events.size() - 1).status()).as(where + ": nothing after the end").isEqualTo(end.status());
        assertThat(events.stream().filter(e -> e.status().isTerminal()).count()).as(where).isEqualTo(1);
        h.assertLegalSequence(c.id());
        List<String> outputs = stages.outputs.getOrDefault(c.id(), List.of());
        assertThat(outputs).as(where).doesNotHaveDuplicates();
        if (end.status() == ProcessingStatus.COMPLETED) {
            List<String> expected = new ArrayList<>();
            if (c.source().isMedia()) {
                expected.add("transcription");
            }
            expected.addAll(TEXT_STAGES);
            if (c.tags().contains(RecordingStages.SCORED)) {
                expected.add("scoring");
            }
            assertThat(outputs).as(where).containsExactlyElementsOf(expected);
            assertThat(end.processing().error()).as(where).isNull();
        } else {
            assertThat(end.processing().error()).as(where).isNotBlank();
            assertThat(end.processing().stage()).as(where).isNotNull();
        }
    }

    @Test
    void randomOutcomesOnManyWorkersNeverOverlapAndAllEnd() throws Exception {
        for (long seed = 1; seed <= 3; seed++) {
            PipelineHarness h = new PipelineHarness(Clock.systemUTC());
            RandomStages stages = new RandomStages(seed, 0.15, 0.02, 0.05) {
                @Override
                void before(String stage, StageContext ctx) throws Exception {
                    Thread.sleep(0, 200_000);
                    super.before(stage, ctx);
                }
            };
            PipelineSettings settings = PipelineSettings.DEFAULT.withWorkers(2, 2)
                    .withLease(Duration.ofMillis(300), Duration.ofMillis(50))
                    .withPollInterval(Duration.ofMillis(5))
                    .withRetry(new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(20), 0.5));
            Pipeline p = h.pipeline(stages.allStages(), settings);
            List<Conversation> submitted = new ArrayList<>();
            try (PipelineWorkers workers = new PipelineWorkers(p, "node-" + seed)) {
                workers.start();
                SplittableRandom random = new SplittableRandom(seed);
                for (int i = 0; i < 150; i++) {
                    Conversation c = random.nextBoolean()
                            ? Fixtures.conversation("Text " + i, T0)
                            : Fixtures.recordingConversation("Media " + i, T0);
                    submitted.add(h.submit(p, c));
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (submitted.stream().anyMatch(c -> !h.stored(c.id()).status().isTerminal())) {
                    assertThat(System.nanoTime()).as("seed %d: all conversations end", seed).isLessThan(deadline);
                    Thread.sleep(20);
                }
            }
            for (Conversation c : submitted) {
                checkProperties(h, stages, c, seed);
                assertThat(h.jobs.find(c.id())).isEmpty();
            }
            assertThat(stages.overlaps).as("a stage ran twice at once for one conversation").hasValue(0);
            h.close();
        }
    }
}
