package harmony.testkit;

import harmony.core.port.out.IdempotencyRecords;
import harmony.core.port.out.IdempotencyRecords.Entry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link IdempotencyRecords} must do. */
public abstract class IdempotencyRecordsContract {

    protected abstract IdempotencyRecords newRecords();

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void theFirstEntryForAKeyWinsAndIsFoundAgain() {
        IdempotencyRecords records = newRecords();
        Entry first = new Entry("hash-1", 201, "/v1/conversations/c1", "{\"id\":\"c1\"}", now);
        Entry second = new Entry("hash-2", 201, "/v1/conversations/c2", "{\"id\":\"c2\"}", now);
        assertThat(records.saveIfAbsent(Fixtures.WS, "key-1", first)).isEqualTo(first);
        assertThat(records.saveIfAbsent(Fixtures.WS, "key-1", second)).isEqualTo(first);
        assertThat(records.find(Fixtures.WS, "key-1")).contains(first);
    }

    @Test
    void keysAreScopedToTheirWorkspace() {
        IdempotencyRecords records = newRecords();
        Entry entry = new Entry("hash-1", 202, null, "{}", now);
        records.saveIfAbsent(Fixtures.WS, "key-1", entry);
        assertThat(records.find(Fixtures.OTHER_WS, "key-1")).isEmpty();
        assertThat(records.find(Fixtures.WS, "key-1")).contains(entry);
    }
}
