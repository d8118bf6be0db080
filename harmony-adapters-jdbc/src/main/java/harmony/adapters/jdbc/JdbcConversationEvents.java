package harmony.adapters.jdbc;

import harmony.core.domain.Processing;
import harmony.core.domain.ProcessingStatus;
import harmony.core.port.out.ConversationEvent;
import harmony.core.port.out.ConversationEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The events outbox: {@link #publish} writes a row in the caller's transaction, so an event exists
 * exactly when the change it reports was committed. Ids count per workspace through
 * {@code event_counters}, whose row lock makes a workspace's publishers take turns until they
 * commit: ids become visible in increasing order, never with a later gap filled in.
 *
 * <p>Subscribers are fed by one poller thread per store that reads {@code id > last delivered} for
 * each watched workspace, so events published by other processes arrive too. It wakes at once when
 * this process publishes, otherwise every {@link #POLL_INTERVAL}.
 */
public final class JdbcConversationEvents implements ConversationEvents, AutoCloseable {
    static final Duration POLL_INTERVAL = Duration.ofMillis(200);
    private static final int BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(JdbcConversationEvents.class);
    private static final String COLUMNS = "workspace_id, id, conversation_id, status, processing_stage,"
            + " processing_progress, processing_started_at, processing_attempts, processing_error, occurred_at";

    private final Database db;
    private final Clock clock;
    private final Map<String, Set<Feed>> feeds = new ConcurrentHashMap<>();
    private final Semaphore wake = new Semaphore(0);
    private Thread poller;
    private volatile boolean closed;

    JdbcConversationEvents(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public ConversationEvent publish(String workspaceId, String conversationId, ProcessingStatus status,
                                     Processing given) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // As stored: both databases keep microseconds.
        Processing processing = given.startedAt() == null ? given : new Processing(given.stage(), given.progress(),
                given.startedAt().truncatedTo(ChronoUnit.MICROS), given.attempts(), given.error());
        ConversationEvent event = db.inTransaction(() -> db.run("Publishing an event", c -> {
            long id = nextId(c, workspaceId);
            ConversationEvent e = new ConversationEvent(id, workspaceId, conversationId, status, processing, now);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO events (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, workspaceId);
                ps.setLong(2, id);
                ps.setString(3, conversationId);
                ps.setString(4, status.name());
                ps.setString(5, processing.stage());
                ps.setDouble(6, processing.progress());
                Sql.setInstant(ps, 7, processing.startedAt());
                ps.setInt(8, processing.attempts());
                ps.setString(9, processing.error());
                Sql.setInstant(ps, 10, now);
                ps.executeUpdate();
            }
            return e;
        }));
        if (feeds.containsKey(workspaceId)) {
            wake.release();
        }
        return event;
    }

    /** Takes the workspace's next id, holding its counter row locked until the caller's transaction ends. */
    private long nextId(java.sql.Connection c, String workspaceId) throws SQLException {
        for (int attempt = 0; ; attempt++) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE event_counters SET last_id = last_id + 1 WHERE workspace_id = ?")) {
                ps.setString(1, workspaceId);
                if (ps.executeUpdate() == 1) {
                    break;
                }
            }
            String insert = "INSERT INTO event_counters (workspace_id, last_id) VALUES (?, 1)"
                    + (db.dialect() == Dialect.POSTGRESQL ? " ON CONFLICT (workspace_id) DO NOTHING" : "");
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                ps.setString(1, workspaceId);
                if (ps.executeUpdate() == 1) {
                    break;
                }
            } catch (SQLException e) {
                // H2: another publisher created the counter first; count on from its row.
                if (!"23505".equals(e.getSQLState()) || attempt > 0) {
                    throw e;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT last_id FROM event_counters WHERE workspace_id = ?")) {
            ps.setString(1, workspaceId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public List<ConversationEvent> since(String workspaceId, long afterId, int limit) {
        return db.run("Reading events", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM events WHERE workspace_id = ?"
                    + " AND id > ? ORDER BY id FETCH FIRST " + Math.max(0, limit) + " ROWS ONLY")) {
                ps.setString(1, workspaceId);
                ps.setLong(2, afterId);
                List<ConversationEvent> events = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        events.add(event(rs));
                    }
                }
                return events;
            }
        });
    }

    @Override
    public long latestId(String workspaceId) {
        return db.run("Reading the latest event id", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT last_id FROM event_counters WHERE workspace_id = ?")) {
                ps.setString(1, workspaceId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    @Override
    public Subscription subscribe(String workspaceId, long afterId, Consumer<ConversationEvent> listener) {
        Feed feed = new Feed(workspaceId, afterId, listener);
        feeds.computeIfAbsent(workspaceId, k -> new CopyOnWriteArraySet<>()).add(feed);
        startPoller();
        wake.release();
        return feed;
    }

    private synchronized void startPoller() {
        if (poller == null && !closed) {
            poller = new Thread(this::poll, "harmony-events-poller");
            poller.setDaemon(true);
            poller.start();
        }
    }

    private void poll() {
        while (!closed) {
            try {
                for (Map.Entry<String, Set<Feed>> entry : feeds.entrySet()) {
                    deliver(entry.getKey(), entry.getValue());
                }
                wake.tryAcquire(POLL_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // The database may be away for a while; subscribers resume from where they were.
                LOG.warn("Polling events failed; retrying", e);
                sleepQuietly();
            }
        }
    }

    /** Reads the workspace's new events once, from the feed furthest behind, and hands each feed its share. */
    private void deliver(String workspaceId, Set<Feed> watching) {
        while (!watching.isEmpty()) {
            long from = watching.stream().mapToLong(f -> f.lastId).min().orElse(Long.MAX_VALUE);
            List<ConversationEvent> batch = since(workspaceId, from, BATCH);
            for (Feed feed : watching) {
                for (ConversationEvent e : batch) {
                    if (feed.open && e.id() > feed.lastId) {
                        try {
                            feed.listener.accept(e);
                        } catch (RuntimeException failure) {
                            LOG.warn("An event listener failed on event {} of {}", e.id(), workspaceId, failure);
                        }
                        feed.lastId = e.id();
                    }
                }
            }
            if (batch.size() < BATCH) {
                return;
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the poller; subscriptions get nothing more. */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            closed = true;
            running = poller;
        }
        if (running != null) {
            running.interrupt();
            try {
                running.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ConversationEvent event(ResultSet rs) throws SQLException {
        return new ConversationEvent(rs.getLong("id"), rs.getString("workspace_id"), rs.getString("conversation_id"),
                ProcessingStatus.valueOf(rs.getString("status")),
                new Processing(rs.getString("processing_stage"), rs.getDouble("processing_progress"),
                        Sql.getInstant(rs, "processing_started_at"), rs.getInt("processing_attempts"),
                        rs.getString("processing_error")),
                Sql.getInstant(rs, "occurred_at"));
    }

    /** One subscriber's position; only the poller thread reads and moves {@code lastId}. */
    private final class Feed implements Subscription {
        final String workspaceId;
        final Consumer<ConversationEvent> listener;
        volatile long lastId;
        volatile boolean open = true;

        Feed(String workspaceId, long afterId, Consumer<ConversationEvent> listener) {
            this.workspaceId = workspaceId;
            this.lastId = afterId;
            this.listener = listener;
        }

        @Override
        public void close() {
            open = false;
            feeds.computeIfPresent(workspaceId, (k, set) -> {
                set.remove(this);
                return set.isEmpty() ? null : set;
            });
        }
    }
}
