package harmony.adapters.jdbc;

import harmony.core.domain.Contact;
import harmony.core.domain.CustomFieldDefinition;
import harmony.core.domain.CustomFieldType;
import harmony.core.domain.Team;
import harmony.core.domain.User;
import harmony.core.domain.Workspace;
import harmony.core.port.out.Directory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Workspaces, teams, users (with team membership), contacts and custom-field definitions. */
public final class JdbcDirectory implements Directory {
    /** Where a contact's name or email splits into words that a search prefix may start. */
    private static final Pattern WORD_SPLIT = Pattern.compile("[\\s@._-]+");

    private final Database db;

    JdbcDirectory(Database db) {
        this.db = db;
    }

    @Override
    public Optional<Workspace> workspace(String workspaceId) {
        return db.run("Reading a workspace", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM workspaces WHERE id = ?")) {
                ps.setString(1, workspaceId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Workspace(rs.getString(1), rs.getString(2))) : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<Team> teams(String workspaceId) {
        return db.run("Listing teams", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, workspace_id, name FROM teams WHERE workspace_id = ? ORDER BY name, id")) {
                ps.setString(1, workspaceId);
                List<Team> teams = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        teams.add(new Team(rs.getString(1), rs.getString(2), rs.getString(3)));
                    }
                }
                return teams;
            }
        });
    }

    /** By key, not by listing the workspace's teams: every conversation created checks its team. */
    @Override
    public Optional<Team> team(String workspaceId, String teamId) {
        return db.run("Reading a team", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, workspace_id, name FROM teams WHERE id = ? AND workspace_id = ?")) {
                ps.setString(1, teamId);
                ps.setString(2, workspaceId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Team(rs.getString(1), rs.getString(2), rs.getString(3)))
                            : Optional.empty();
                }
            }
        });
    }

    @Override
    public List<User> users(String workspaceId) {
        return db.run("Listing users", c -> users(c, "u.workspace_id = ?", workspaceId));
    }

    @Override
    public Optional<User> user(String workspaceId, String userId) {
        return db.run("Reading a user", c -> users(c, "u.workspace_id = ? AND u.id = ?", workspaceId, userId))
                .stream().findFirst();
    }

    private static List<User> users(Connection c, String where, String... args) throws SQLException {
        String sql = "SELECT u.id, u.workspace_id, u.name, u.email, m.team_id FROM users u "
                + "LEFT JOIN user_teams m ON m.user_id = u.id WHERE " + where + " ORDER BY u.name, u.id";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setString(i + 1, args[i]);
            }
            Map<String, String[]> rows = new LinkedHashMap<>();
            Map<String, Set<String>> teams = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    rows.putIfAbsent(id, new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                    Set<String> memberOf = teams.computeIfAbsent(id, k -> new HashSet<>());
                    if (rs.getString(5) != null) {
                        memberOf.add(rs.getString(5));
                    }
                }
            }
            List<User> users = new ArrayList<>();
            rows.forEach((id, r) -> users.add(new User(id, r[0], r[1], r[2], teams.get(id))));
            return users;
        }
    }

    @Override
    public List<Contact> searchContacts(String workspaceId, String query, int limit) {
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        return db.run("Searching contacts", c -> {
            String sql = "SELECT id, workspace_id, name, email, company FROM contacts WHERE workspace_id = ?"
                    + (q.isEmpty() ? "" : " AND (LOWER(name) LIKE ? ESCAPE '!' OR LOWER(email) LIKE ? ESCAPE '!'"
                            + " OR search_words LIKE ? ESCAPE '!')")
                    + " ORDER BY name, id";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, workspaceId);
                if (!q.isEmpty()) {
                    String prefix = escapeLike(q) + "%";
                    ps.setString(2, prefix);
                    ps.setString(3, prefix);
                    ps.setString(4, "% " + prefix);
                }
                ps.setMaxRows(limit);
                List<Contact> contacts = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next() && contacts.size() < limit) {
                        contacts.add(contact(rs));
                    }
                }
                return contacts;
            }
        });
    }

    @Override
    public Optional<Contact> contact(String workspaceId, String contactId) {
        return db.run("Reading a contact", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, workspace_id, name, email, company FROM contacts WHERE id = ? AND workspace_id = ?")) {
                ps.setString(1, contactId);
                ps.setString(2, workspaceId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(contact(rs)) : Optional.empty();
                }
            }
        });
    }

    private static Contact contact(ResultSet rs) throws SQLException {
        return new Contact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5));
    }

    @Override
    public List<CustomFieldDefinition> customFields(String workspaceId) {
        return db.run("Listing custom fields", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT field_key, workspace_id, label, field_type, options_json,"
                    + " required FROM custom_field_definitions WHERE workspace_id = ? ORDER BY field_key")) {
                ps.setString(1, workspaceId);
                List<CustomFieldDefinition> fields = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        fields.add(new CustomFieldDefinition(rs.getString(1), rs.getString(2), rs.getString(3),
                                CustomFieldType.valueOf(rs.getString(4)), Json.strings(rs.getString(5)), rs.getBoolean(6)));
                    }
                }
                return fields;
            }
        });
    }

    @Override
    public void save(Workspace workspace) {
        upsert("workspaces", List.of("id"), List.of("name"), workspace.id(), workspace.name());
    }

    @Override
    public void save(Team team) {
        upsert("teams", List.of("id"), List.of("workspace_id", "name"), team.id(), team.workspaceId(), team.name());
    }

    @Override
    public void save(User user) {
        db.inTransaction(() -> {
            upsert("users", List.of("id"), List.of("workspace_id", "name", "email"),
                    user.id(), user.workspaceId(), user.name(), user.email());
            db.run("Saving team membership", c -> {
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM user_teams WHERE user_id = ?");
                     PreparedStatement insert = c.prepareStatement(upsertSql("user_teams", List.of("user_id", "team_id"), List.of()))) {
                    delete.setString(1, user.id());
                    delete.executeUpdate();
                    for (String teamId : user.teamIds()) {
                        insert.setString(1, user.id());
                        insert.setString(2, teamId);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    return null;
                }
            });
            return null;
        });
    }

    @Override
    public void save(Contact contact) {
        upsert("contacts", List.of("id"), List.of("workspace_id", "name", "email", "company", "search_words"),
                contact.id(), contact.workspaceId(), contact.name(), contact.email(), contact.company(), searchWords(contact));
    }

    @Override
    public void save(CustomFieldDefinition d) {
        upsert("custom_field_definitions", List.of("workspace_id", "field_key"),
                List.of("label", "field_type", "options_json", "required"),
                d.workspaceId(), d.key(), d.label(), d.type().name(), Json.strings(d.options()), d.required());
    }

    /** {@code " w1 w2 "}: the words of name and email, where a search prefix may start. */
    private static String searchWords(Contact contact) {
        StringBuilder sb = new StringBuilder(" ");
        for (String field : new String[] {contact.name(), contact.email()}) {
            if (field != null) {
                for (String w : WORD_SPLIT.split(field.toLowerCase(Locale.ROOT))) {
                    if (!w.isEmpty()) {
                        sb.append(w).append(' ');
                    }
                }
            }
        }
        return sb.toString();
    }

    /**
     * Insert or replace by key in one statement, so that two callers saving the same new row at once
     * both succeed (an update-then-insert lets both miss the update and one insert fail on the key).
     * Standard {@code MERGE} needs PostgreSQL 15, so each database gets its own form.
     */
    private void upsert(String table, List<String> keys, List<String> columns, Object... values) {
        String sql = upsertSql(table, keys, columns);
        db.run("Saving to " + table, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    ps.setObject(i + 1, values[i]);
                }
                ps.executeUpdate();
            }
            return null;
        });
    }

    private String upsertSql(String table, List<String> keys, List<String> columns) {
        List<String> all = new ArrayList<>(keys);
        all.addAll(columns);
        String placeholders = "?, ".repeat(all.size() - 1) + "?";
        return switch (db.dialect()) {
            case H2 -> "MERGE INTO " + table + " (" + String.join(", ", all) + ") KEY (" + String.join(", ", keys)
                    + ") VALUES (" + placeholders + ")";
            case POSTGRESQL -> "INSERT INTO " + table + " (" + String.join(", ", all) + ") VALUES (" + placeholders
                    + ") ON CONFLICT (" + String.join(", ", keys) + ") DO "
                    + (columns.isEmpty() ? "NOTHING"
                            : "UPDATE SET " + String.join(", ", columns.stream().map(col -> col + " = EXCLUDED." + col).toList()));
        };
    }

    static String escapeLike(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
