package harmony.core.domain;

import static java.util.Objects.requireNonNull;

/**
 * A voice in a transcript, known by its label ({@code S1}, a participant id, a name from the source),
 * optionally matched to a workspace contact or user.
 */
public record Speaker(String label, String name, String contactId, String userId) {
    public Speaker {
        requireNonNull(label, "label");
        if (contactId != null && userId != null) {
            throw new IllegalArgumentException("a speaker is matched to a contact or a user, not both");
        }
    }

    public static Speaker unnamed(String label) {
        return new Speaker(label, null, null, null);
    }

    public static Speaker named(String label, String name) {
        return new Speaker(label, name, null, null);
    }

    /** The name to show: the matched or given name, else the label. */
    public String displayName() {
        return name != null && !name.isBlank() ? name : label;
    }

    public Speaker matchedToContact(Contact contact) {
        return new Speaker(label, contact.name(), contact.id(), null);
    }

    public Speaker matchedToUser(User user) {
        return new Speaker(label, user.name(), null, user.id());
    }
}
