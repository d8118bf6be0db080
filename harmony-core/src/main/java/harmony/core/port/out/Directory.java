package harmony.core.port.out;

import harmony.core.domain.Contact;
import harmony.core.domain.CustomFieldDefinition;
import harmony.core.domain.Team;
import harmony.core.domain.User;
import harmony.core.domain.Workspace;

import java.util.List;
import java.util.Optional;

/** A workspace's people and form configuration: what the upload form offers and checks against. */
public interface Directory {

    Optional<Workspace> workspace(String workspaceId);

    List<Team> teams(String workspaceId);

    List<User> users(String workspaceId);

    /** Contacts whose name or email starts with, or has a word starting with, {@code query}; all when blank. */
    List<Contact> searchContacts(String workspaceId, String query, int limit);

    List<CustomFieldDefinition> customFields(String workspaceId);

    default Optional<Team> team(String workspaceId, String teamId) {
        return teams(workspaceId).stream().filter(t -> t.id().equals(teamId)).findFirst();
    }

    default Optional<User> user(String workspaceId, String userId) {
        return users(workspaceId).stream().filter(u -> u.id().equals(userId)).findFirst();
    }

    Optional<Contact> contact(String workspaceId, String contactId);

    void save(Workspace workspace);

    void save(Team team);

    void save(User user);

    void save(Contact contact);

    void save(CustomFieldDefinition definition);
}
