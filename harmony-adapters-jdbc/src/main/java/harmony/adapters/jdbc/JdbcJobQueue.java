package harmony.adapters.jdbc;

import harmony.core.port.out.Job;
import harmony.core.port.out.JobLane;
import harmony.core.port.out.JobQueue;
import harmony.core.port.out.LeasedJob;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The pipeline's job queue on the database, shared by every worker of every process that uses it.
 *
 * <p>Leasing is {@code SELECT … FOR UPDATE SKIP LOCKED} (PostgreSQL 9.5+, H2 2.x) followed by an
 * update in the same transaction: competing workers skip rows another is claiming instead of
 * queueing behind it, and no two get the same job. Every later call names its lease and checks it is
 * still the job's current, unexpired one in the same statement that changes the row, so a worker
 * that lost its lease (expired, cancelled, retried) changes nothing.
 *
 * <p>Why not db-scheduler, which runs on both databases: it executes tasks on its own threads and
 * hides its leases, while this port hands leases to Harmony's workers with an identity per lease,
 * checkpoints, lanes, at most one live job per conversation and a stalled-jobs view. Mapping that
 * onto db-scheduler would bend both; the claim itself is a few lines of SQL.
 *
 * <p>Time comes from the injected clock (tests control it). In a cluster the hosts' clocks should
 * be NTP-synchronised; leases of tens of seconds tolerate ordinary skew.
 */
public final class JdbcJobQueue implements JobQueue {
    private static final String COLUMNS = "id, conversation_id, workspace_id, lane, attempts, run_at, completed_stage,"
            + " step_started_at, worker_id, lease_id, leased_until";
    /** The row is this lease's and the lease has not expired. */
    private static final String HELD = " WHERE id = ? AND lease_id = ? AND leased_until > ?";

    private final Database db;
    private final Clock clock;

    JdbcJobQueue(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Microseconds: what both databases keep, so values read back equal the values handed out. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public boolean enqueue(String conversationId, String workspaceId, JobLane lane) {
        Instant now = now();
        String insert = "INSERT INTO jobs (id, conversation_id, workspace_id, lane, attempts, run_at, step_started_at)"
                + " VALUES (?, ?, ?, ?, 0, ?, ?)";
        if (db.dialect() == Dialect.POSTGRESQL) {
            // A unique violation would abort the caller's whole transaction on PostgreSQL.
            insert += " ON CONFLICT (conversation_id) DO NOTHING";
        }
        String sql = insert;
        return db.run("Queueing a job", c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, UUID.randomUUID().toString());
                ps.setString(2, conversationId);
                ps.setString(3, workspaceId);
                ps.setString(4, lane.name());
                Sql.setInstant(ps, 5, now);
                Sql.setInstant(ps, 6, now);
                return ps.executeUpdate() == 1;
            } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                    return false; // H2: the conversation already has a live job
                }
                throw e;
            }
        });
    }

    @Override
    public Optional<LeasedJob> lease(String workerId, Set<JobLane> lanes, Duration leaseDuration) {
        if (lanes.isEmpty()) {
            return Optional.empty();
        }
        Instant now = now();
        Instant until = now.plus(leaseDuration);
        String select = "SELECT " + COLUMNS + " FROM jobs WHERE lane IN (" + "?, ".repeat(lanes.size() - 1) + "?)"
                + " AND run_at <= ? AND (leased_until IS NULL OR leased_until <= ?)"
                + " ORDER BY run_at, seq FETCH FIRST 1 ROWS ONLY FOR UPDATE SKIP LOCKED";
        return db.inTransaction(() -> db.run("Leasing a job", c -> {
            Job job;
            try (PreparedStatement ps = c.prepareStatement(select)) {
                int i = 1;
                for (JobLane lane : lanes) {
                    ps.setString(i++, lane.name());
                }
                Sql.setInstant(ps, i++, now);
                Sql.setInstant(ps, i, now);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    job = job(rs);
                }
            }
            String leaseId = UUID.randomUUID().toString();
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE jobs SET attempts = attempts + 1, worker_id = ?, lease_id = ?, leased_until = ? WHERE id = ?")) {
                ps.setString(1, workerId);
                ps.setString(2, leaseId);
                Sql.setInstant(ps, 3, until);
                ps.setString(4, job.id());
                ps.executeUpdate();
            }
            return Optional.of(new LeasedJob(job.id(), leaseId, job.conversationId(), job.workspaceId(), job.lane(),
                    job.attempts() + 1, job.completedStage(), workerId, until));
        }));
    }

    @Override
    public boolean heartbeat(LeasedJob lease, Duration leaseDuration) {
        Instant now = now();
        return whileHeld("Extending a lease", "UPDATE jobs SET leased_until = ?" + HELD, lease, now,
                ps -> {
                    Sql.setInstant(ps, 1, now.plus(leaseDuration));
                    return 2;
                });
    }

    @Override
    public boolean checkpoint(LeasedJob lease, String completedStage, Duration leaseDuration) {
        Instant now = now();
        return whileHeld("Checkpointing a job", "UPDATE jobs SET completed_stage = ?, attempts = 1, step_started_at = ?,"
                + " leased_until = ?" + HELD, lease, now, ps -> {
                    ps.setString(1, completedStage);
                    Sql.setInstant(ps, 2, now);
                    Sql.setInstant(ps, 3, now.plus(leaseDuration));
                    return 4;
                });
    }

    @Override
    public boolean complete(LeasedJob lease) {
        return whileHeld("Completing a job", "DELETE FROM jobs" + HELD, lease, now(), ps -> 1);
    }

    @Override
    public boolean retryAt(LeasedJob lease, Instant runAt) {
        return whileHeld("Releasing a job", "UPDATE jobs SET run_at = ?, worker_id = NULL, lease_id = NULL,"
                + " leased_until = NULL" + HELD, lease, now(), ps -> {
                    Sql.setInstant(ps, 1, runAt.truncatedTo(ChronoUnit.MICROS));
                    return 2;
                });
    }

    @Override
    public boolean fail(LeasedJob lease, String reason) {
        // The reason belongs to the conversation (its processing error); the job just leaves.
        return whileHeld("Failing a job", "DELETE FROM jobs" + HELD, lease, now(), ps -> 1);
    }

    /** Binds the statement's own parameters; returns the index of the first of {@link #HELD}'s. */
    private interface Binder {
        int bind(PreparedStatement ps) throws SQLException;
    }

    /** Runs {@code sql}, whose last three parameters are {@link #HELD}'s; true when the lease was still held. */
    private boolean whileHeld(String what, String sql, LeasedJob lease, Instant now, Binder binder) {
        return db.run(what, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = binder.bind(ps);
                ps.setString(i, lease.jobId());
                ps.setString(i + 1, lease.leaseId());
                Sql.setInstant(ps, i + 2, now);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean cancel(String conversationId) {
        return db.run("Cancelling a job", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM jobs WHERE conversation_id = ?")) {
                ps.setString(1, conversationId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public Optional<Job> find(String conversationId) {
        return db.run("Reading a job", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM jobs WHERE conversation_id = ?")) {
                ps.setString(1, conversationId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(job(rs)) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Job> stalled(Instant stepStartedBefore, int limit) {
        return db.run("Listing stalled jobs", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM jobs WHERE step_started_at < ?"
                    + " ORDER BY step_started_at, seq FETCH FIRST " + Math.max(0, limit) + " ROWS ONLY")) {
                Sql.setInstant(ps, 1, stepStartedBefore);
                List<Job> jobs = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        jobs.add(job(rs));
                    }
                }
                return jobs;
            }
        });
    }

    private static Job job(ResultSet rs) throws SQLException {
        return new Job(rs.getString("id"), rs.getString("conversation_id"), rs.getString("workspace_id"),
                JobLane.valueOf(rs.getString("lane")), rs.getInt("attempts"), Sql.getInstant(rs, "run_at"),
                rs.getString("completed_stage"), Sql.getInstant(rs, "step_started_at"), rs.getString("worker_id"),
                Sql.getInstant(rs, "leased_until"));
    }
}
