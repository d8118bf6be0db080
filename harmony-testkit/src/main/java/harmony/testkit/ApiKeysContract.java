package harmony.testkit;

import harmony.core.domain.ApiKey;
import harmony.core.port.out.ApiKeys;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ApiKeys} must do. The directory behind it holds {@link Fixtures#seed}. */
public abstract class ApiKeysContract {

    /** A fresh, empty store whose workspace directory holds the fixtures. */
    protected abstract ApiKeys newApiKeys();

    @Test
    void findsASavedKeyByItsIdWithItsHashAndOwner() {
        ApiKeys keys = newApiKeys();
        ApiKey key = new ApiKey("k1", Fixtures.WS, Fixtures.ADA, "ci", "ab".repeat(32), Instant.parse("2026-11-28T16:00:00Z"));
        keys.save(key);
        assertThat(keys.find("k1")).contains(key);
        assertThat(keys.find("k2")).isEmpty();
    }
}
