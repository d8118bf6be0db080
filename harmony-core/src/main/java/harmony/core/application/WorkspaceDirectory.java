package harmony.core.application;

import harmony.core.domain.Contact;
import harmony.core.domain.CustomFieldDefinition;
import harmony.core.domain.Team;
import harmony.core.domain.User;
import harmony.core.domain.Workspace;
import harmony.core.error.HarmonyException;
import harmony.core.port.in.Actor;
import harmony.core.port.in.BrowseDirectory;
import harmony.core.port.out.Directory;

import java.util.List;
import java.util.Optional;

/** Read access to the acting user's workspace directory. */
public final class WorkspaceDirectory implements BrowseDirectory {
    public static final int MAX_CONTACTS = 100;

    private final Directory directory;

    public WorkspaceDirectory(Directory directory) {
        this.directory = directory;
    }

    @Override
    public Me me(Actor actor) {
        User user = directory.user(actor.workspaceId(), actor.userId()).orElseThrow(() -> HarmonyException.notFound("The user"));
        Workspace workspace = directory.workspace(actor.workspaceId()).orElseThrow(() -> HarmonyException.notFound("The workspace"));
        List<Team> teams = directory.teams(actor.workspaceId()).stream().filter(t -> user.isMemberOf(t.id())).toList();
        return new Me(user, workspace, teams);
    }

    @Override
    public List<Team> teams(Actor actor) {
        return directory.teams(actor.workspaceId());
    }

    @Override
    public List<User> users(Actor actor) {
        return directory.users(actor.workspaceId());
    }

    @Override
    public List<Contact> searchContacts(Actor actor, String query, int limit) {
        return directory.searchContacts(actor.workspaceId(), query, Math.max(1, Math.min(limit, MAX_CONTACTS)));
    }

    @Override
    public List<CustomFieldDefinition> customFields(Actor actor) {
        return directory.customFields(actor.workspaceId());
    }

    @Override
    public Optional<Contact> contact(Actor actor, String contactId) {
        return directory.contact(actor.workspaceId(), contactId);
    }
}
