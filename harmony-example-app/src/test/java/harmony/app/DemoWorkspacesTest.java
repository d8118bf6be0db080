package harmony.app;

import harmony.adapters.jdbc.JdbcHarmonyStore;
import harmony.core.application.ApiKeyAccess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Demo seeding when the nodes of a cluster start together on one empty PostgreSQL database. */
class DemoWorkspacesTest {
    static final int NODES = 4;
    static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void nodesSeedingOneEmptyDatabaseAtOnceAllSucceedAndStoreEachRowOnce() throws Exception {
        for (int round = 1; round <= 3; round++) {
            String database = "seed" + round;
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + database);
            }
            String url = postgres.getJdbcUrl("postgres", database);
            List<JdbcHarmonyStore> stores = new ArrayList<>();
            ExecutorService nodes = Executors.newFixedThreadPool(NODES);
            try {
                for (int i = 0; i < NODES; i++) {
                    stores.add(JdbcHarmonyStore.builder(url).credentials("postgres", "").maxPoolSize(4).open());
                }
                CyclicBarrier together = new CyclicBarrier(NODES);
                List<Future<List<DemoWorkspaces.DemoKey>>> seeded = new ArrayList<>();
                for (JdbcHarmonyStore store : stores) {
                    seeded.add(nodes.submit(() -> {
                        together.await();
                        return DemoWorkspaces.seed(store.directory(), store.projects(),
                                new ApiKeyAccess(store.apiKeys(), store.directory(), Clock.systemUTC()));
                    }));
                }
                for (Future<List<DemoWorkspaces.DemoKey>> f : seeded) {
                    assertThat(f.get(60, TimeUnit.SECONDS)).hasSize(2);
                }
                try (Connection c = stores.get(0).dataSource().getConnection(); Statement s = c.createStatement()) {
                    assertThat(count(s, "workspaces")).isEqualTo(2);
                    assertThat(count(s, "teams")).isEqualTo(4);
                    assertThat(count(s, "users")).isEqualTo(5);
                    assertThat(count(s, "user_teams")).isEqualTo(6);
                    assertThat(count(s, "contacts")).isEqualTo(6);
                    assertThat(count(s, "custom_field_definitions")).isEqualTo(5);
                    assertThat(count(s, "projects")).isEqualTo(2);
                    assertThat(count(s, "api_keys")).isEqualTo(2L * NODES);
                }
            } finally {
                nodes.shutdownNow();
                stores.forEach(JdbcHarmonyStore::close);
            }
        }
    }

    private static long count(Statement s, String table) throws Exception {
        try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
