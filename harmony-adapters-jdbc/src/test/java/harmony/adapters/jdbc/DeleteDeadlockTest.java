package harmony.adapters.jdbc;

import harmony.core.domain.Conversation;
import harmony.testkit.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static harmony.testkit.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A conversation deleted while a worker's transaction writes its stage result and then touches the
 * conversation: the two take the same rows in opposite orders, PostgreSQL breaks the deadlock by
 * aborting the delete (it waited first), and the delete, retried, succeeds once the worker commits.
 */
class DeleteDeadlockTest {
    private static JdbcHarmonyStore postgres;

    @BeforeAll
    static void open() {
        postgres = TestStores.postgres("deletedeadlock");
    }

    @AfterAll
    static void close() {
        postgres.close();
    }

    @Test
    void aDeleteTheDatabaseAbortsToBreakADeadlockIsRetriedAndSucceeds() throws Exception {
        Conversation c = Fixtures.conversation("Deleted mid-stage", T0);
        postgres.conversations().create(c, Optional.empty());
        try (Connection setup = postgres.dataSource().getConnection(); Statement s = setup.createStatement()) {
            s.executeUpdate("INSERT INTO stage_results (conversation_id, stage, document_json, updated_at)"
                    + " VALUES ('" + c.id() + "', 'extraction', '{}', now())");
        }

        try (Connection worker = postgres.dataSource().getConnection()) {
            worker.setAutoCommit(false);
            // The worker holds the stage result row...
            update(worker, "UPDATE stage_results SET document_json = '{\"v\":2}' WHERE conversation_id = ?", c.id());
            // ...the delete locks the conversation, then waits on the stage result row it cascades to...
            CompletableFuture<Boolean> deleted = CompletableFuture.supplyAsync(
                    () -> postgres.conversations().delete(c.workspaceId(), c.id()));
            awaitWaiting();
            // ...and the worker now needs the conversation row: a deadlock, which aborts the delete.
            update(worker, "UPDATE conversations SET title = 'Renamed' WHERE id = ?", c.id());
            worker.commit();

            assertThat(deleted.get(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(postgres.conversations().findById(c.id())).isEmpty();
    }

    private static void update(Connection c, String sql, String id) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }

    /** Until the delete is blocked on the worker's lock. */
    private static void awaitWaiting() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        try (Connection probe = postgres.dataSource().getConnection(); Statement s = probe.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (var rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        + " AND query LIKE 'DELETE FROM conversations%'")) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the delete never waited on the worker's lock");
    }
}
