package harmony.core.port.in;

import harmony.core.domain.Contact;
import harmony.core.domain.CustomFieldDefinition;
import harmony.core.domain.Team;
import harmony.core.domain.User;
import harmony.core.domain.Workspace;

import java.util.List;
import java.util.Optional;

/** What the upload form offers: the acting user, the workspace's teams, users, contacts and custom fields. */
public interface BrowseDirectory {

    Me me(Actor actor);

    List<Team> teams(Actor actor);

    List<User> users(Actor actor);

    /** Type-ahead: contacts whose name or email, or a word in them, starts with {@code query}. */
    List<Contact> searchContacts(Actor actor, String query, int limit);

    List<CustomFieldDefinition> customFields(Actor actor);

    Optional<Contact> contact(Actor actor, String contactId);

    /** The acting user, their workspace and their teams. */
    record Me(User user, Workspace workspace, List<Team> teams) {
    }
}
