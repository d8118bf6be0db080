package harmony.core.domain;

import static java.util.Objects.requireNonNull;

/** The primary external participant of a conversation: a customer, prospect or partner. */
public record Contact(String id, String workspaceId, String name, String email, String company) {
    public Contact {
        requireNonNull(id, "id");
        requireNonNull(workspaceId, "workspaceId");
        requireNonNull(name, "name");
    }
}
