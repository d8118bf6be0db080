package harmony.adapters.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import harmony.core.port.out.ConversationEvents;
import harmony.core.port.out.ConversationRepository;
import harmony.core.port.out.Directory;
import harmony.core.port.out.JobQueue;
import harmony.core.port.out.Transactions;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything Harmony keeps in a database, from one JDBC URL: builds a HikariCP pool, brings the
 * schema up to date with Flyway, and hands out the port implementations, which all share one
 * {@link Transactions} (a conversation, its recording, its first job and its event commit together).
 *
 * <pre>{@code
 * try (JdbcHarmonyStore store = JdbcHarmonyStore.open("jdbc:h2:file:./data/harmony", "sa", "")) {
 *     store.transactions().inTransaction(() -> {
 *         store.conversations().create(conversation, transcript);
 *         store.jobs().enqueue(conversation.id(), conversation.workspaceId(), JobLane.forSource(conversation.source()));
 *         store.events().publish(conversation);
 *     });
 * }
 * }</pre>
 *
 * <p>H2 (file mode) is for one process; many processes share one PostgreSQL. A lost connection
 * (database restarted) is not fatal: calls fail with {@code UNAVAILABLE} while it is away, and the
 * pool replaces broken connections once it is back.
 */
public final class JdbcHarmonyStore implements AutoCloseable {
    private final HikariDataSource pool;
    private final Database database;
    private final JdbcTransactions transactions;
    private final JdbcConversationRepository conversations;
    private final JdbcDirectory directory;
    private final JdbcJobQueue jobs;
    private final JdbcConversationEvents events;
    private final JdbcApiKeys apiKeys;
    private final JdbcIdempotencyRecords idempotency;
    private final JdbcConversationAnalyses analyses;
    private final JdbcProjectCatalog projects;
    private final JdbcWebhookSubscriptions webhooks;

    private JdbcHarmonyStore(HikariDataSource pool, Dialect dialect, Clock clock) {
        this.pool = pool;
        this.database = new Database(pool, dialect);
        this.transactions = new JdbcTransactions(database);
        this.conversations = new JdbcConversationRepository(database);
        this.directory = new JdbcDirectory(database);
        this.jobs = new JdbcJobQueue(database, clock);
        this.events = new JdbcConversationEvents(database, clock);
        this.apiKeys = new JdbcApiKeys(database);
        this.idempotency = new JdbcIdempotencyRecords(database);
        this.analyses = new JdbcConversationAnalyses(database);
        this.projects = new JdbcProjectCatalog(database);
        this.webhooks = new JdbcWebhookSubscriptions(database);
    }

    /** Opens a pool of up to 10 connections on the system clock and migrates the schema. */
    public static JdbcHarmonyStore open(String jdbcUrl, String user, String password) {
        return builder(jdbcUrl).credentials(user, password).open();
    }

    public static Builder builder(String jdbcUrl) {
        return new Builder(jdbcUrl);
    }

    /** Settings with working defaults; only the URL is required. */
    public static final class Builder {
        static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(2);
        static final Duration KEEPALIVE = Duration.ofMinutes(1);
        static final Duration MAX_LIFETIME = Duration.ofMinutes(15);
        static final Duration PG_SOCKET_TIMEOUT = Duration.ofMinutes(2);

        private final String jdbcUrl;
        private String user;
        private String password;
        private int maxPoolSize = 10;
        private Duration connectionTimeout = Duration.ofSeconds(5);
        private Clock clock = Clock.systemUTC();

        private Builder(String jdbcUrl) {
            this.jdbcUrl = Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        }

        public Builder credentials(String user, String password) {
            this.user = user;
            this.password = password;
            return this;
        }

        /** Connections kept at most; size it to the worker threads plus request threads that use it at once. */
        public Builder maxPoolSize(int size) {
            this.maxPoolSize = size;
            return this;
        }

        /** How long a call waits for a connection (e.g. while the database restarts) before failing. */
        public Builder connectionTimeout(Duration timeout) {
            this.connectionTimeout = timeout;
            return this;
        }

        /** The time leases and events are stamped with. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public JdbcHarmonyStore open() {
            Dialect dialect = Dialect.ofUrl(jdbcUrl);
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(dialect == Dialect.H2 ? withH2Defaults(jdbcUrl) : jdbcUrl);
            config.setUsername(user);
            config.setPassword(password);
            config.setMaximumPoolSize(maxPoolSize);
            config.setPoolName("harmony");
            config.setConnectionTimeout(connectionTimeout.toMillis());
            applyRecoverySettings(config, dialect, connectionTimeout);
            // Start even when the database is not up yet; the first call that needs it will wait.
            config.setInitializationFailTimeout(-1);
            HikariDataSource pool = new HikariDataSource(config);
            try {
                Flyway.configure()
                        .dataSource(pool)
                        .locations(dialect.migrationLocations())
                        .table("harmony_schema_history")
                        .load()
                        .migrate();
                return new JdbcHarmonyStore(pool, dialect, clock);
            } catch (RuntimeException e) {
                pool.close();
                throw e;
            }
        }

        /**
         * How the pool gets over a database that restarts or a network that drops connections, without a
         * restart of the application: a connection is checked (at most {@link #VALIDATION_TIMEOUT}) before it
         * is handed out unless it was used in the last half second; idle ones are probed every
         * {@link #KEEPALIVE} so dead ones are replaced before a caller draws them; none lives longer than
         * {@link #MAX_LIFETIME} (below the idle cut-offs of common proxies and firewalls). On PostgreSQL a
         * connect attempt gives up within the pool's wait, and a read that hears nothing for
         * {@link #PG_SOCKET_TIMEOUT} (a server that vanished without closing the connection) fails instead
         * of hanging a worker forever; Harmony's statements take milliseconds. Settings in the URL win.
         */
        private static void applyRecoverySettings(HikariConfig config, Dialect dialect, Duration connectionTimeout) {
            config.setValidationTimeout(Math.max(250, Math.min(VALIDATION_TIMEOUT.toMillis(), connectionTimeout.toMillis())));
            config.setKeepaliveTime(KEEPALIVE.toMillis());
            config.setMaxLifetime(MAX_LIFETIME.toMillis());
            if (dialect == Dialect.POSTGRESQL) {
                long connectSeconds = Math.max(1, connectionTimeout.toSeconds());
                config.addDataSourceProperty("connectTimeout", Long.toString(connectSeconds));
                config.addDataSourceProperty("loginTimeout", Long.toString(connectSeconds));
                config.addDataSourceProperty("socketTimeout", Long.toString(PG_SOCKET_TIMEOUT.toSeconds()));
                config.addDataSourceProperty("tcpKeepAlive", "true");
            }
        }

        /**
         * Row locks (job claims, event counters) wait up to 10 s on H2, and each connection keeps 128 parsed
         * statements instead of H2's 8 (fewer than one create uses, so every request parsed its SQL again),
         * unless the URL says otherwise.
         */
        private static String withH2Defaults(String url) {
            String upper = url.toUpperCase(Locale.ROOT);
            String withLock = upper.contains(";LOCK_TIMEOUT=") ? url : url + ";LOCK_TIMEOUT=10000";
            return upper.contains(";QUERY_CACHE_SIZE=") ? withLock : withLock + ";QUERY_CACHE_SIZE=128";
        }
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

    public JobQueue jobs() {
        return jobs;
    }

    public ConversationEvents events() {
        return events;
    }

    public JdbcApiKeys apiKeys() {
        return apiKeys;
    }

    public JdbcIdempotencyRecords idempotency() {
        return idempotency;
    }

    public JdbcConversationAnalyses analyses() {
        return analyses;
    }

    public JdbcProjectCatalog projects() {
        return projects;
    }

    public JdbcWebhookSubscriptions webhooks() {
        return webhooks;
    }

    /** The pool, for host code that wants to run its own queries on the same database. */
    public DataSource dataSource() {
        return pool;
    }

    Database database() {
        return database;
    }

    /** Stops event delivery and closes the pool. */
    @Override
    public void close() {
        events.close();
        pool.close();
    }
}
