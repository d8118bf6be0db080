package harmony.adapters.jdbc;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A pooled data source plus the connection of the transaction running on this thread, if any.
 * Repositories run every statement through {@link #run}: inside {@link JdbcTransactions} they join
 * the open transaction, outside it each call borrows an auto-commit connection for itself.
 */
final class Database {
    private final DataSource dataSource;
    private final Dialect dialect;
    private final ThreadLocal<Connection> bound = new ThreadLocal<>();

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
        try (connection) {
            connection.setAutoCommit(false);
            bound.set(connection);
            T result;
            try {
                result = work.get();
            } catch (RuntimeException | Error e) {
                rollbackQuietly(connection, e);
                throw e;
            }
            connection.commit();
            return result;
        } catch (SQLException e) {
            throw JdbcException.translate("Committing a transaction", e);
        } finally {
            bound.remove();
        }
    }

    private static void rollbackQuietly(Connection connection, Throwable cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
