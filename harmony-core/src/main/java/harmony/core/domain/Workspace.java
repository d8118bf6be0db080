package harmony.core.domain;

import static java.util.Objects.requireNonNull;

/** A tenant: every record belongs to exactly one workspace and never leaks into another. */
public record Workspace(String id, String name) {
    public Workspace {
        requireNonNull(id, "id");
        requireNonNull(name, "name");
    }
}
