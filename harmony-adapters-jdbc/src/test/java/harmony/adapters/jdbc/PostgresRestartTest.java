package harmony.adapters.jdbc;

import harmony.core.domain.Conversation;
import harmony.core.domain.ProcessingStatus;
import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.pipeline.Pipeline;
import harmony.core.pipeline.PipelineSettings;
import harmony.core.pipeline.PipelineWorkers;
import harmony.core.pipeline.RetryPolicy;
import harmony.core.pipeline.Stage;
import harmony.core.port.out.ConversationEvent;
import harmony.testkit.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static harmony.testkit.Fixtures.T0;
import static harmony.testkit.Fixtures.WS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PostgreSQL restarts while workers lease and process jobs through the pool. Calls made while it is away fail
 * with UNAVAILABLE; the worker threads live through it; once it is back the same store and workers finish
 * every conversation, with no restart of the application.
 */
class PostgresRestartTest {
    private static final int CONVERSATIONS = 30;
    private static final PipelineSettings SETTINGS = PipelineSettings.DEFAULT.withWorkers(2, 2)
            .withPollInterval(Duration.ofMillis(20))
            // Leases far longer than the test: jobs the outage cut short must be handed back, not left to expire.
            .withLease(Duration.ofMinutes(5), Duration.ofSeconds(1))
            .withRetry(new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(500), 0.2));

    @Test
    void workersLiveThroughARestartAndFinishEveryConversationOnTheSamePool() throws Exception {
        String url = TestDatabases.newPostgres("restart_pipeline");
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        AtomicInteger inFlight = new AtomicInteger();
        CountDownLatch databaseDown = new CountDownLatch(1);
        // The first stages to start end while the database is down: their next write and checkpoint fail.
        Stage gated = Stage.of("extraction", ProcessingStatus.EXTRACTING, c -> true, ctx -> {
            inFlight.incrementAndGet();
            databaseDown.await(30, TimeUnit.SECONDS);
            runs.computeIfAbsent(ctx.conversation().id(), k -> new AtomicInteger()).incrementAndGet();
        });
        Stage quick = Stage.of("insights", ProcessingStatus.GENERATING_INSIGHTS, c -> true, ctx -> { });
        try (JdbcHarmonyStore store = JdbcHarmonyStore.builder(url).credentials(TestDatabases.PG_USER, "")
                .maxPoolSize(6).connectionTimeout(Duration.ofSeconds(1)).open()) {
            Pipeline pipeline = new Pipeline(List.of(gated, quick), store.conversations(), store.jobs(), store.events(),
                    store.transactions(), Clock.systemUTC(), SETTINGS);
            List<Conversation> created = new ArrayList<>();
            for (int i = 0; i < CONVERSATIONS; i++) {
                Conversation c = Fixtures.conversation("Call " + i, T0.plusSeconds(i));
                store.transactions().inTransaction(() -> {
                    store.conversations().create(c, Optional.of(Fixtures.transcript("Hello", "Hi")));
                    pipeline.submit(c);
                });
                created.add(c);
            }

            // A live event feed (what an SSE stream sits on), opened before the restart.
            Set<String> completedSeen = ConcurrentHashMap.newKeySet();
            try (PipelineWorkers workers = new PipelineWorkers(pipeline, "node-1");
                 var feed = store.events().subscribe(WS, store.events().latestId(WS), e -> {
                     if (e.status() == ProcessingStatus.COMPLETED) {
                         completedSeen.add(e.conversationId());
                     }
                 })) {
                workers.start();
                Set<Thread> workerThreads = workerThreads();
                assertThat(workerThreads).hasSize(4);
                while (inFlight.get() < workerThreads.size()) { // every worker holds a job
                    Thread.sleep(10);
                }

                TestDatabases.restartPostgres(() -> {
                    // What an API call meets meanwhile: a clear, retryable error, not a hang or a bug.
                    assertThatThrownBy(() -> store.conversations().find(WS, created.get(0).id()))
                            .isInstanceOfSatisfying(HarmonyException.class, e -> {
                                assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
                                assertThat(e.getMessage()).isEqualTo(JdbcException.UNAVAILABLE);
                            });
                    databaseDown.countDown();
                    sleep(2_000); // the workers finish their stages and keep polling into the outage
                    assertThat(workerThreads).allMatch(Thread::isAlive);
                });

                awaitCompleted(store, created, CONVERSATIONS);
                assertThat(workerThreads).as("the same threads, none died").allMatch(Thread::isAlive);
                assertThat(workerThreads()).isEqualTo(workerThreads);
                assertThat(workers.isRunning()).isTrue();
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (completedSeen.size() < CONVERSATIONS && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(completedSeen).as("the feed carried on after the restart").hasSize(CONVERSATIONS);
            }

            for (Conversation c : created) {
                assertThat(runs.get(c.id())).as(c.title()).isNotNull();
                assertThat(store.jobs().find(c.id())).isEmpty();
            }
            List<ConversationEvent> events = store.events().since(WS, 0, 10_000);
            assertThat(events.stream().filter(e -> e.status() == ProcessingStatus.COMPLETED)
                    .map(ConversationEvent::conversationId).collect(Collectors.toSet()))
                    .hasSize(CONVERSATIONS);
            assertThat(events).noneMatch(e -> e.status() == ProcessingStatus.FAILED);
        }
    }

    private static Set<Thread> workerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("harmony-pipeline-node-1/"))
                .collect(Collectors.toSet());
    }

    private static void awaitCompleted(JdbcHarmonyStore store, List<Conversation> created, int atLeast) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (true) {
            long completed = 0;
            try {
                for (Conversation c : created) {
                    if (store.conversations().findById(c.id()).orElseThrow().status() == ProcessingStatus.COMPLETED) {
                        completed++;
                    }
                }
            } catch (HarmonyException e) { // a pooled connection that died with the server, drawn once more
                assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
            }
            if (completed >= atLeast) {
                return;
            }
            assertThat(System.nanoTime()).as("%d of %d completed", completed, atLeast).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
