package harmony.core.domain;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * An API key as stored: its public id and the SHA-256 of its secret, never the secret itself. It
 * belongs to one workspace and acts as one of its users.
 */
public record ApiKey(String id, String workspaceId, String userId, String name, String secretSha256, Instant createdAt) {
    public ApiKey {
        requireNonNull(id, "id");
        requireNonNull(workspaceId, "workspaceId");
        requireNonNull(userId, "userId");
        requireNonNull(secretSha256, "secretSha256");
        requireNonNull(createdAt, "createdAt");
    }
}
