package harmony.core.application;

import harmony.core.error.HarmonyException;
import harmony.core.port.in.Actor;
import harmony.core.port.in.IssueApiKey.IssuedKey;
import harmony.testkit.Fixtures;
import harmony.testkit.InMemoryApiKeys;
import harmony.testkit.InMemoryDirectory;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeyAccessTest {
    private final InMemoryDirectory directory = new InMemoryDirectory();
    private final InMemoryApiKeys keys = new InMemoryApiKeys();
    private final ApiKeyAccess access = new ApiKeyAccess(keys, directory, Clock.systemUTC());

    ApiKeyAccessTest() {
        Fixtures.seed(directory);
    }

    @Test
    void anIssuedKeyActsAsItsUserAndIsStoredOnlyAsAHash() {
        IssuedKey issued = access.issueApiKey(Fixtures.WS, Fixtures.ADA, "ci");
        assertThat(access.authenticate(issued.key())).contains(new Actor(Fixtures.WS, Fixtures.ADA));
        String stored = keys.find(issued.keyId()).orElseThrow().secretSha256();
        assertThat(issued.key()).doesNotContain(stored);
        assertThat(stored).hasSize(64).doesNotContain(issued.key().substring(issued.key().lastIndexOf('_') + 1));
    }

    @Test
    void wrongMissingOrMalformedKeysAreNobody() {
        IssuedKey issued = access.issueApiKey(Fixtures.WS, Fixtures.ADA, "ci");
        assertThat(access.authenticate(issued.key() + "x")).isEmpty();
        assertThat(access.authenticate("hmy_" + issued.keyId() + "_")).isEmpty();
        assertThat(access.authenticate("hmy_nope_secret")).isEmpty();
        assertThat(access.authenticate("Bearer something")).isEmpty();
        assertThat(access.authenticate(null)).isEmpty();
    }

    @Test
    void keysAreOnlyIssuedToUsersOfTheWorkspace() {
        assertThatThrownBy(() -> access.issueApiKey(Fixtures.WS, Fixtures.OTHER_USER, "x")).isInstanceOf(HarmonyException.class);
    }
}
