package harmony.core.intelligence;

import java.util.Optional;

/**
 * Names and sides of the people in a conversation. Action-item owners, metrics and evidence use it,
 * so a speaker matched to a contact or user shows that name everywhere.
 */
public interface SpeakerResolver {

    /** The name to show for a speaker label; the label itself when nothing better is known. */
    String displayName(String label);

    Side side(String label);

    /**
     * The person a spoken name refers to ("Tom", "Karen Lee"): a speaker first, else a workspace
     * user or contact, matched on the full name or on the first name when that is unambiguous.
     */
    Optional<Person> find(String spokenName);
}
