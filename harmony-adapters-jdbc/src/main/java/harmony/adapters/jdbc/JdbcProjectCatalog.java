package harmony.adapters.jdbc;

import harmony.core.intelligence.projects.Project;
import harmony.core.intelligence.projects.ProjectDefinitions;
import harmony.core.port.out.ProjectCatalog;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Projects as their JSON definitions (the same format as import/export), kept in first-saved order. */
public final class JdbcProjectCatalog implements ProjectCatalog {
    private final Database db;

    JdbcProjectCatalog(Database db) {
        this.db = db;
    }

    @Override
    public List<Project> list(String workspaceId) {
        return db.run("Listing projects", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT document_json FROM projects WHERE workspace_id = ? ORDER BY position")) {
                ps.setString(1, workspaceId);
                List<Project> projects = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        projects.addAll(ProjectDefinitions.fromJson(rs.getString(1), workspaceId));
                    }
                }
                return projects;
            }
        });
    }

    @Override
    public Optional<Project> find(String workspaceId, String projectId) {
        return list(workspaceId).stream().filter(p -> p.id().equals(projectId)).findFirst();
    }

    @Override
    public void save(Project project) {
        String json = ProjectDefinitions.toJson(List.of(project));
        db.inTransaction(() -> db.run("Saving a project", c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE projects SET document_json = ?, updated_at = ? WHERE workspace_id = ? AND id = ?")) {
                update.setString(1, json);
                Sql.setInstant(update, 2, Instant.now());
                update.setString(3, project.workspaceId());
                update.setString(4, project.id());
                if (update.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO projects (workspace_id, id, position, document_json, updated_at)"
                    + " SELECT ?, ?, COALESCE(MAX(position), 0) + 1, ?, ? FROM projects WHERE workspace_id = ?")) {
                insert.setString(1, project.workspaceId());
                insert.setString(2, project.id());
                insert.setString(3, json);
                Sql.setInstant(insert, 4, Instant.now());
                insert.setString(5, project.workspaceId());
                insert.executeUpdate();
            }
            return null;
        }));
    }

    @Override
    public boolean delete(String workspaceId, String projectId) {
        return db.run("Deleting a project", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM projects WHERE workspace_id = ? AND id = ?")) {
                ps.setString(1, workspaceId);
                ps.setString(2, projectId);
                return ps.executeUpdate() > 0;
            }
        });
    }
}
