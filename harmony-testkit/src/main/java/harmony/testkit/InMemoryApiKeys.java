package harmony.testkit;

import harmony.core.domain.ApiKey;
import harmony.core.port.out.ApiKeys;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** API keys in a map. */
public final class InMemoryApiKeys implements ApiKeys {
    private final Map<String, ApiKey> keys = new ConcurrentHashMap<>();

    @Override
    public void save(ApiKey key) {
        keys.put(key.id(), key);
    }

    @Override
    public Optional<ApiKey> find(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }
}
