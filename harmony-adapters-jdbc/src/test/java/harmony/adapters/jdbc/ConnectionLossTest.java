package harmony.adapters.jdbc;

import harmony.core.domain.Conversation;
import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.testkit.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static harmony.testkit.Fixtures.T0;
import static harmony.testkit.Fixtures.WS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A PostgreSQL restart costs the calls made while it is down, not the application. */
class ConnectionLossTest {

    @Test
    void failsCleanlyWhileTheDatabaseIsDownAndRecoversWhenItIsBack() throws Exception {
        String url = TestDatabases.newPostgres("restart");
        try (JdbcHarmonyStore store = JdbcHarmonyStore.builder(url)
                .credentials(TestDatabases.PG_USER, "").maxPoolSize(4).connectionTimeout(Duration.ofSeconds(1)).open()) {
            Conversation before = Fixtures.conversation("Before", T0);
            store.conversations().create(before, Optional.empty());

            TestDatabases.restartPostgres(() -> assertThatThrownBy(() -> store.conversations().findById(before.id()))
                    .isInstanceOfSatisfying(HarmonyException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE)));

            // The pooled connections died with the server. A call may still draw one the pool has not
            // checked yet (it skips the check for connections used in the last 500 ms): that call fails
            // cleanly and the pool drops the connection. Recovery takes at most one call per pooled connection.
            Optional<Conversation> found = Optional.empty();
            for (int attempt = 0; attempt <= 4 && found.isEmpty(); attempt++) {
                try {
                    found = store.conversations().find(WS, before.id());
                } catch (HarmonyException e) {
                    assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
                }
            }
            assertThat(found).contains(before);
            Conversation after = Fixtures.conversation("After", T0.plusSeconds(1));
            store.conversations().create(after, Optional.empty());
            assertThat(store.conversations().findById(after.id())).contains(after);
        }
    }
}
