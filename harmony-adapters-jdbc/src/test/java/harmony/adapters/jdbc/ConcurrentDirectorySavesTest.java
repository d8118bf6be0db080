package harmony.adapters.jdbc;

import harmony.core.domain.Team;
import harmony.core.domain.User;
import harmony.core.domain.Workspace;
import harmony.core.port.out.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several nodes saving the same new directory rows at once (demo seeding, an admin sync) all succeed
 * and leave one row each, on both databases: each save is a single insert-or-update statement.
 */
class ConcurrentDirectorySavesTest {
    private static final int SAVERS = 6;
    private static JdbcHarmonyStore h2;
    private static JdbcHarmonyStore postgres;

    @BeforeAll
    static void open() {
        h2 = TestStores.h2("dirsaves");
        postgres = TestStores.postgres("dirsaves");
    }

    @AfterAll
    static void close() {
        h2.close();
        postgres.close();
    }

    @Nested
    class OnH2 extends Contract {
        OnH2() {
            super(h2);
        }
    }

    @Nested
    class OnPostgres extends Contract {
        OnPostgres() {
            super(postgres);
        }
    }

    abstract static class Contract {
        private final Directory directory;

        Contract(JdbcHarmonyStore store) {
            this.directory = store.directory();
        }

        @Test
        void theSameNewRowsSavedAtOnceFromManyConnectionsAllSucceedOnce() throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(SAVERS);
            try {
                for (int round = 0; round < 10; round++) {
                    String ws = "race-" + round;
                    Workspace workspace = new Workspace(ws, "Race " + round);
                    Team team = new Team(ws + "-team", ws, "Sales");
                    User user = new User(ws + "-user", ws, "Ada", "ada@example.com", Set.of(team.id()));
                    CountDownLatch go = new CountDownLatch(1);
                    List<CompletableFuture<Void>> saves = new ArrayList<>();
                    for (int i = 0; i < SAVERS; i++) {
                        saves.add(CompletableFuture.runAsync(() -> {
                            await(go);
                            directory.save(workspace);
                            directory.save(team);
                            directory.save(user);
                        }, pool));
                    }
                    go.countDown();
                    CompletableFuture.allOf(saves.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

                    assertThat(directory.teams(ws)).containsExactly(team);
                    assertThat(directory.users(ws)).containsExactly(user);
                }
            } finally {
                pool.shutdownNow();
            }
        }

        private static void await(CountDownLatch go) {
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
