package harmony.core.port.out;

import harmony.core.domain.ApiKey;

import java.util.Optional;

/** Stored API keys, looked up by their public id. */
public interface ApiKeys {

    void save(ApiKey key);

    Optional<ApiKey> find(String keyId);
}
