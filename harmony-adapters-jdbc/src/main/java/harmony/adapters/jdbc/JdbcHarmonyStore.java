package harmony.adapters.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import harmony.core.port.out.ConversationRepository;
import harmony.core.port.out.Directory;
import harmony.core.port.out.Transactions;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.util.Objects;

/**
 * Everything Harmony keeps in a database, from one JDBC URL: builds a HikariCP pool, brings the
 * schema up to date with Flyway, and hands out the port implementations, which all share one
 * {@link Transactions}.
 *
 * <pre>{@code
 * try (JdbcHarmonyStore store = JdbcHarmonyStore.open("jdbc:h2:file:./data/harmony", "sa", "")) {
 *     store.transactions().inTransaction(() -> store.conversations().create(conversation, transcript));
 * }
 * }</pre>
 *
 * <p>A lost connection (database restarted) is not fatal: the pool validates connections before
 * handing them out and replaces broken ones, so the next call after the database is back works.
 */
public final class JdbcHarmonyStore implements AutoCloseable {
    private final HikariDataSource pool;
    private final Database database;
    private final JdbcTransactions transactions;
    private final JdbcConversationRepository conversations;
    private final JdbcDirectory directory;

    private JdbcHarmonyStore(HikariDataSource pool, Dialect dialect) {
        this.pool = pool;
        this.database = new Database(pool, dialect);
        this.transactions = new JdbcTransactions(database);
        this.conversations = new JdbcConversationRepository(database);
        this.directory = new JdbcDirectory(database);
    }

    /** Opens a pool of up to 10 connections and migrates the schema. */
    public static JdbcHarmonyStore open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, 10);
    }

    public static JdbcHarmonyStore open(String jdbcUrl, String user, String password, int maxPoolSize) {
        return open(jdbcUrl, user, password, maxPoolSize, 5_000);
    }

    /** As {@link #open(String, String, String, int)}, failing a call after {@code connectionTimeoutMs} without a connection. */
    static JdbcHarmonyStore open(String jdbcUrl, String user, String password, int maxPoolSize, long connectionTimeoutMs) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Dialect dialect = Dialect.ofUrl(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(maxPoolSize);
        config.setPoolName("harmony");
        // Fail calls quickly while the database is away instead of blocking request threads.
        config.setConnectionTimeout(connectionTimeoutMs);
        // Start even when the database is not up yet; the first call that needs it will wait.
        config.setInitializationFailTimeout(-1);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            migrate(pool, dialect);
            return new JdbcHarmonyStore(pool, dialect);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    private static void migrate(DataSource dataSource, Dialect dialect) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(dialect.migrationLocations())
                .table("harmony_schema_history")
                .load()
                .migrate();
    }

    public Transactions transactions() {
        return transactions;
    }

    public ConversationRepository conversations() {
        return conversations;
    }

    public Directory directory() {
        return directory;
    }

    /** The pool, for host code that wants to run its own queries on the same database. */
    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
