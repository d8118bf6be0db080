package harmony.core.port.out;

import java.time.Instant;
import java.util.Optional;

/**
 * Remembers the first answer to a create request per workspace and {@code Idempotency-Key}, so a
 * retried request gets the same answer and creates nothing twice.
 */
public interface IdempotencyRecords {

    Optional<Entry> find(String workspaceId, String key);

    /** Stores the entry unless one exists for the key; returns the entry that is stored now. */
    Entry saveIfAbsent(String workspaceId, String key, Entry entry);

    /** What was asked (a hash of method, path and body) and what was answered. */
    record Entry(String requestHash, int status, String location, String body, Instant createdAt) {
    }
}
