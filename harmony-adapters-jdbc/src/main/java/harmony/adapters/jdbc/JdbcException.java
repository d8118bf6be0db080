package harmony.adapters.jdbc;

import harmony.core.error.DiskFull;
import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Turns SQL failures into what callers can act on. */
final class JdbcException {
    static final String UNAVAILABLE = "The database is not reachable right now. Please try again in a moment.";
    static final String DISK_FULL = "The database has no storage space left. Please contact your administrator.";

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
        if (isDiskFull(e)) {
            return new HarmonyException(ErrorKind.INSUFFICIENT_STORAGE, DISK_FULL, e);
        }
        return new IllegalStateException(what + " failed: " + e.getMessage(), e);
    }

    /**
     * The database's disk is full: PostgreSQL's SQLState 53100, or H2 (which reports only the operating
     * system's text, inside its generic I/O error) writing onto a full disk.
     */
    static boolean isDiskFull(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s && "53100".equals(s.getSQLState())) {
                return true;
            }
        }
        return DiskFull.causedBy(e);
    }

    /**
     * The database broke a deadlock or a serialization conflict by aborting this side (SQLState 40P01 on
     * PostgreSQL, class 40001 on both): the same work, run again, normally succeeds.
     */
    static boolean isTransientConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s && ("40P01".equals(s.getSQLState()) || "40001".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
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
