package harmony.core.port.in;

import static java.util.Objects.requireNonNull;

/** Who is acting: a workspace user (for an API key, the key's user). Everything is scoped by it. */
public record Actor(String workspaceId, String userId) {
    public Actor {
        requireNonNull(workspaceId, "workspaceId");
        requireNonNull(userId, "userId");
    }
}
