package harmony.testkit;

import harmony.core.domain.Contact;
import harmony.core.domain.CustomFieldDefinition;
import harmony.core.domain.Team;
import harmony.core.domain.User;
import harmony.core.domain.Workspace;
import harmony.core.port.out.Directory;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** A workspace directory in maps; saving an entity with an existing id replaces it. */
public final class InMemoryDirectory implements Directory {
    private static final Pattern WORD_SPLIT = Pattern.compile("[\\s@._-]+");

    private final Map<String, Workspace> workspaces = new ConcurrentHashMap<>();
    private final Map<String, Team> teams = new ConcurrentHashMap<>();
    private final Map<String, User> users = new ConcurrentHashMap<>();
    private final Map<String, Contact> contacts = new ConcurrentHashMap<>();
    private final Map<String, CustomFieldDefinition> fields = new ConcurrentHashMap<>();

    @Override
    public Optional<Workspace> workspace(String workspaceId) {
        return Optional.ofNullable(workspaces.get(workspaceId));
    }

    @Override
    public List<Team> teams(String workspaceId) {
        return teams.values().stream().filter(t -> t.workspaceId().equals(workspaceId))
                .sorted(Comparator.comparing(Team::name).thenComparing(Team::id)).toList();
    }

    @Override
    public List<User> users(String workspaceId) {
        return users.values().stream().filter(u -> u.workspaceId().equals(workspaceId))
                .sorted(Comparator.comparing(User::name).thenComparing(User::id)).toList();
    }

    @Override
    public List<Contact> searchContacts(String workspaceId, String query, int limit) {
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        return contacts.values().stream()
                .filter(c -> c.workspaceId().equals(workspaceId))
                .filter(c -> q.isEmpty() || matches(c, q))
                .sorted(Comparator.comparing(Contact::name).thenComparing(Contact::id))
                .limit(limit)
                .toList();
    }

    /** Prefix of the whole name or email, or of any word in them. */
    static boolean matches(Contact c, String q) {
        for (String field : new String[] {c.name(), c.email()}) {
            if (field == null) {
                continue;
            }
            String f = field.toLowerCase(Locale.ROOT);
            if (f.startsWith(q)) {
                return true;
            }
            for (String word : WORD_SPLIT.split(f)) {
                if (word.startsWith(q)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public Optional<Contact> contact(String workspaceId, String contactId) {
        return Optional.ofNullable(contacts.get(contactId)).filter(c -> c.workspaceId().equals(workspaceId));
    }

    @Override
    public List<CustomFieldDefinition> customFields(String workspaceId) {
        return fields.values().stream().filter(f -> f.workspaceId().equals(workspaceId))
                .sorted(Comparator.comparing(CustomFieldDefinition::key)).toList();
    }

    @Override
    public Optional<Team> team(String workspaceId, String teamId) {
        return Optional.ofNullable(teams.get(teamId)).filter(t -> t.workspaceId().equals(workspaceId));
    }

    @Override
    public Optional<User> user(String workspaceId, String userId) {
        return Optional.ofNullable(users.get(userId)).filter(u -> u.workspaceId().equals(workspaceId));
    }

    @Override
    public void save(Workspace workspace) {
        workspaces.put(workspace.id(), workspace);
    }

    @Override
    public void save(Team team) {
        teams.put(team.id(), team);
    }

    @Override
    public void save(User user) {
        users.put(user.id(), user);
    }

    @Override
    public void save(Contact contact) {
        contacts.put(contact.id(), contact);
    }

    @Override
    public void save(CustomFieldDefinition definition) {
        fields.put(definition.workspaceId() + "/" + definition.key(), definition);
    }
}
