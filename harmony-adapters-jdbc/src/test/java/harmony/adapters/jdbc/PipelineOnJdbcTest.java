package harmony.adapters.jdbc;

import harmony.core.domain.Conversation;
import harmony.core.domain.ProcessingStatus;
import harmony.core.pipeline.Pipeline;
import harmony.core.pipeline.PipelineSettings;
import harmony.core.pipeline.PipelineWorkers;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static harmony.testkit.Fixtures.T0;
import static harmony.testkit.Fixtures.WS;
import static org.assertj.core.api.Assertions.assertThat;

/** Core's pipeline on the JDBC ports: two application instances on one PostgreSQL finish every conversation once. */
class PipelineOnJdbcTest {
    private static final PipelineSettings SETTINGS = PipelineSettings.DEFAULT.withWorkers(1, 2)
            .withPollInterval(Duration.ofMillis(20));

    @Test
    void twoInstancesRunEveryStageOfEveryConversationExactlyOnce() throws Exception {
        String url = TestDatabases.newPostgres("pipeline");
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        List<Stage> stages = List.of(
                Stage.of("extraction", ProcessingStatus.EXTRACTING, c -> true,
                        ctx -> runs.computeIfAbsent(ctx.conversation().id() + "/extraction", k -> new AtomicInteger()).incrementAndGet()),
                Stage.of("insights", ProcessingStatus.GENERATING_INSIGHTS, c -> true,
                        ctx -> runs.computeIfAbsent(ctx.conversation().id() + "/insights", k -> new AtomicInteger()).incrementAndGet()));
        try (JdbcHarmonyStore a = JdbcHarmonyStore.builder(url).credentials(TestDatabases.PG_USER, "").open();
             JdbcHarmonyStore b = JdbcHarmonyStore.builder(url).credentials(TestDatabases.PG_USER, "").open()) {
            Pipeline onA = pipeline(a, stages);
            Pipeline onB = pipeline(b, stages);
            List<Conversation> created = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                Conversation c = Fixtures.conversation("Call " + i, T0.plusSeconds(i));
                JdbcHarmonyStore store = i % 2 == 0 ? a : b;
                Pipeline pipeline = i % 2 == 0 ? onA : onB;
                store.transactions().inTransaction(() -> {
                    store.conversations().create(c, Optional.of(Fixtures.transcript("Hello", "Hi")));
                    pipeline.submit(c);
                });
                created.add(c);
            }
            try (PipelineWorkers workersA = new PipelineWorkers(onA, "instance-a");
                 PipelineWorkers workersB = new PipelineWorkers(onB, "instance-b")) {
                workersA.start();
                workersB.start();
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (!created.stream().allMatch(c -> a.conversations().findById(c.id()).orElseThrow().status()
                        == ProcessingStatus.COMPLETED)) {
                    assertThat(System.nanoTime()).as("all completed within a minute").isLessThan(deadline);
                    Thread.sleep(50);
                }
            }
            assertThat(runs).hasSize(created.size() * stages.size());
            assertThat(runs.values()).allMatch(n -> n.get() == 1);
            for (Conversation c : created) {
                assertThat(a.jobs().find(c.id())).isEmpty();
            }
            List<ConversationEvent> events = a.events().since(WS, 0, 10_000);
            assertThat(events).filteredOn(e -> e.status() == ProcessingStatus.COMPLETED).hasSize(created.size());
            assertThat(events).extracting(ConversationEvent::id).isSorted().doesNotHaveDuplicates();
        }
    }

    private static Pipeline pipeline(JdbcHarmonyStore store, List<Stage> stages) {
        return new Pipeline(stages, store.conversations(), store.jobs(), store.events(), store.transactions(),
                Clock.systemUTC(), SETTINGS);
    }
}
