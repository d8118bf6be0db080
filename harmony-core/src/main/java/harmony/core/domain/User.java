package harmony.core.domain;

import java.util.Set;

import static java.util.Objects.requireNonNull;

/** A workspace member; may own conversations and be matched to a speaker. */
public record User(String id, String workspaceId, String name, String email, Set<String> teamIds) {
    public User {
        requireNonNull(id, "id");
        requireNonNull(workspaceId, "workspaceId");
        requireNonNull(name, "name");
        teamIds = Set.copyOf(teamIds);
    }

    public boolean isMemberOf(String teamId) {
        return teamIds.contains(teamId);
    }
}
