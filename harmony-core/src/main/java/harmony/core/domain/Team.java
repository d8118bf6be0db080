package harmony.core.domain;

import static java.util.Objects.requireNonNull;

/** An internal team of the workspace a conversation belongs to. */
public record Team(String id, String workspaceId, String name) {
    public Team {
        requireNonNull(id, "id");
        requireNonNull(workspaceId, "workspaceId");
        requireNonNull(name, "name");
    }
}
