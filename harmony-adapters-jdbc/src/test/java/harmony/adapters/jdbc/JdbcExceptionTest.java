package harmony.adapters.jdbc;

import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which SQL failures a caller can act on, by what the databases and the pool actually report. */
class JdbcExceptionTest {

    @Test
    void aLostConnectionOrAServerShuttingDownIsUnavailable() {
        for (SQLException e : new SQLException[] {
                new SQLException("An I/O error occurred while sending to the backend.", "08006"),
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"),
                new SQLException("FATAL: the database system is starting up", "57P03"),
                new SQLTransientConnectionException("harmony - Connection is not available, request timed out after 1000ms.")}) {
            assertThat(kindOf(e)).as(e.getMessage()).isEqualTo(ErrorKind.UNAVAILABLE);
        }
    }

    @Test
    void aFullDiskUnderEitherDatabaseIsInsufficientStorage() {
        SQLException postgres = new SQLException("ERROR: could not extend file \"base/16384/16385\": No space left on device", "53100");
        // H2 wraps the operating system's error in its own generic I/O error.
        SQLException h2 = new SQLException("IO Exception: \"java.io.IOException: No space left on device\"", "90028", 90028,
                new IOException("No space left on device"));
        assertThat(kindOf(postgres)).isEqualTo(ErrorKind.INSUFFICIENT_STORAGE);
        assertThat(kindOf(h2)).isEqualTo(ErrorKind.INSUFFICIENT_STORAGE);
        assertThat(JdbcException.translate("Saving", h2)).hasMessage(JdbcException.DISK_FULL);
    }

    @Test
    void anythingElseIsABugWithTheDatabasesReason() {
        RuntimeException e = JdbcException.translate("Saving a conversation",
                new SQLException("ERROR: relation \"nope\" does not exist", "42P01"));
        assertThat(e).isInstanceOf(IllegalStateException.class)
                .hasMessage("Saving a conversation failed: ERROR: relation \"nope\" does not exist");
    }

    private static ErrorKind kindOf(SQLException e) {
        RuntimeException translated = JdbcException.translate("Saving", e);
        assertThat(translated).isInstanceOf(HarmonyException.class);
        return ((HarmonyException) translated).kind();
    }
}
