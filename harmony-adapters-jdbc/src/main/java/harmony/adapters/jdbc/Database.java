package harmony.adapters.jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

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
