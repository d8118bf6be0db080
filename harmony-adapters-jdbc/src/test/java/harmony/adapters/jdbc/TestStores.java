package harmony.adapters.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Opens stores on fresh databases and empties them between tests. */
final class TestStores {
    /** Every table with rows, children before parents. */
    private static final List<String> TABLES = List.of("jobs", "events", "event_counters", "webhook_deliveries", "webhooks", "upload_parts", "upload_sessions",
            "idempotency_keys", "api_keys", "projects", "stage_results", "transcripts", "recordings", "conversation_tags",
            "conversations", "custom_field_definitions", "contacts", "user_teams", "users", "teams", "workspaces");

    static JdbcHarmonyStore h2(String name) {
        return JdbcHarmonyStore.open(TestDatabases.newH2(name), "sa", "");
    }

    static JdbcHarmonyStore postgres(String name) {
        return JdbcHarmonyStore.open(TestDatabases.newPostgres(name), TestDatabases.PG_USER, "");
    }

    static void empty(JdbcHarmonyStore store) {
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                s.executeUpdate("DELETE FROM " + table);
            }
            if (store.database().dialect() == Dialect.H2) {
                s.executeUpdate("DELETE FROM search_postings"); // H2's word index; pending rows went with conversations
                s.executeUpdate("DELETE FROM search_batches");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private TestStores() {
    }
}
