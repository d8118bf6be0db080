package harmony.adapters.jdbc;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema builds from an empty database on both vendors, and opening again changes nothing. */
class MigrationTest {
    private static final Set<String> TABLES = Set.of("workspaces", "teams", "users", "user_teams", "contacts",
            "custom_field_definitions", "conversations", "conversation_tags", "recordings", "transcripts", "stage_results",
            "api_keys", "idempotency_keys", "upload_sessions", "upload_parts", "webhooks", "webhook_deliveries", "jobs", "events", "event_counters");

    @Test
    void migratesAnEmptyH2FileDatabaseOnce() throws SQLException {
        String url = TestDatabases.newH2("migrate");
        try (JdbcHarmonyStore store = JdbcHarmonyStore.open(url, "sa", "")) {
            assertThat(tables(store)).containsAll(TABLES);
            assertThat(appliedMigrations(store)).isPositive();
        }
        try (JdbcHarmonyStore again = JdbcHarmonyStore.open(url, "sa", "")) {
            assertThat(appliedMigrations(again)).isEqualTo(appliedMigrations(again));
            assertThat(again.directory().workspace("none")).isEmpty();
        }
    }

    @Test
    void migratesAnEmptyPostgresDatabaseOnceWithTheSearchIndex() throws SQLException {
        String url = TestDatabases.newPostgres("migrate");
        int applied;
        try (JdbcHarmonyStore store = JdbcHarmonyStore.open(url, TestDatabases.PG_USER, "")) {
            assertThat(tables(store)).containsAll(TABLES);
            applied = appliedMigrations(store);
            try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT indexdef FROM pg_indexes WHERE indexname = 'conversations_search'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).contains("gin").contains("search_vector");
            }
        }
        try (JdbcHarmonyStore again = JdbcHarmonyStore.open(url, TestDatabases.PG_USER, "")) {
            assertThat(appliedMigrations(again)).isEqualTo(applied);
        }
    }

    private static Set<String> tables(JdbcHarmonyStore store) throws SQLException {
        Set<String> names = new TreeSet<>();
        try (Connection c = store.dataSource().getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE", "BASE TABLE"})) {
                while (rs.next()) {
                    names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }

    private static int appliedMigrations(JdbcHarmonyStore store) throws SQLException {
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"harmony_schema_history\" WHERE \"success\" = TRUE")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
