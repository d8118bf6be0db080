package harmony.adapters.jdbc;

import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Turns SQL failures into what callers can act on. */
final class JdbcException {
    static final String UNAVAILABLE = "The database is not reachable right now. Please try again in a moment.";

    /**
     * A lost or refused connection (SQLState class 08; PostgreSQL's 57P01-57P03 for a server shutting
     * down, crashed or starting; or the pool timing out) is
     * {@link ErrorKind#UNAVAILABLE}: retrying later may work. Anything else is a bug or a broken
     * invariant and surfaces as an {@link IllegalStateException} with the database's reason.
     */
    static RuntimeException translate(String what, SQLException e) {
        if (isConnectionFailure(e)) {
            return new HarmonyException(ErrorKind.UNAVAILABLE, UNAVAILABLE, e);
        }
        return new IllegalStateException(what + " failed: " + e.getMessage(), e);
    }

    static boolean isConnectionFailure(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }

    private JdbcException() {
    }
}
