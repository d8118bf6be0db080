package harmony.adapters.jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A pooled data source plus the connection of the transaction running on this thread, if any.
 * Repositories run every statement through {@link #run}: inside {@link JdbcTransactions} they join
 * the open transaction, outside it each call borrows an auto-commit connection for itself.
 */
final class Database {
    private final DataSource dataSource;
    private final Dialect dialect;
    private final ThreadLocal<Connection> bound = new ThreadLocal<>();
    private final ThreadLocal<List<Runnable>> afterCommit = new ThreadLocal<>();
    private static final int CONFLICT_ATTEMPTS = 4;

    Database(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    Dialect dialect() {
        return dialect;
    }

    DataSource dataSource() {
        return dataSource;
    }

    @FunctionalInterface
    interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    /** Runs {@code work} on this thread's transaction, or on a connection of its own. */
    <T> T run(String what, Work<T> work) {
        Connection current = bound.get();
        try {
            if (current != null) {
                return work.apply(current);
            }
            try (Connection connection = dataSource.getConnection()) {
                return work.apply(connection);
            }
        } catch (SQLException e) {
            throw JdbcException.translate(what, e);
        }
    }

    /**
     * As {@link #run}, for work of one statement that may safely run again: outside a transaction, when
     * the database aborts it to break a deadlock (another transaction taking the same rows in the other
     * order, e.g. a worker writing a stage result while this deletes the conversation), it is retried a
     * few times instead of failing the caller. Inside a transaction the whole transaction would have to
     * be retried, so the failure propagates.
     */
    <T> T runRetryingConflicts(String what, Work<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return run(what, work);
            } catch (RuntimeException e) {
                if (bound.get() != null || attempt == CONFLICT_ATTEMPTS || !JdbcException.isTransientConflict(e)) {
                    throw e;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ThreadLocalRandom.current().nextLong(5, 50) * attempt));
            }
        }
    }

    /**
     * Runs {@code task} once this thread's transaction has committed (at once outside a transaction);
     * never if it rolls back. For follow-up work that must not lengthen the transaction or fail it.
     */
    void afterCommit(Runnable task) {
        List<Runnable> tasks = afterCommit.get();
        if (bound.get() == null) {
            task.run();
        } else if (tasks != null) {
            tasks.add(task);
        } else {
            afterCommit.set(new ArrayList<>(List.of(task)));
        }
    }

    /**
     * Runs {@code work} in one transaction bound to this thread; a nested call joins the outer one.
     * Any exception rolls everything back and propagates unchanged.
     */
    <T> T inTransaction(java.util.function.Supplier<T> work) {
        if (bound.get() != null) {
            return work.get();
        }
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw JdbcException.translate("Opening a transaction", e);
        }
        T result;
        List<Runnable> tasks;
        try (connection) {
            connection.setAutoCommit(false);
            bound.set(connection);
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                rollbackQuietly(connection, e);
                throw e;
            }
            connection.commit();
        } catch (SQLException e) {
            throw JdbcException.translate("Committing a transaction", e);
        } finally {
            bound.remove();
            tasks = afterCommit.get();
            afterCommit.remove();
        }
        if (tasks != null) {
            tasks.forEach(Runnable::run);
        }
        return result;
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
