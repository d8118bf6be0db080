package harmony.testkit;

import harmony.core.port.out.IdempotencyRecords;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Idempotency entries in a map. */
public final class InMemoryIdempotencyRecords implements IdempotencyRecords {
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<Entry> find(String workspaceId, String key) {
        return Optional.ofNullable(entries.get(workspaceId + "\n" + key));
    }

    @Override
    public Entry saveIfAbsent(String workspaceId, String key, Entry entry) {
        Entry existing = entries.putIfAbsent(workspaceId + "\n" + key, entry);
        return existing != null ? existing : entry;
    }
}
