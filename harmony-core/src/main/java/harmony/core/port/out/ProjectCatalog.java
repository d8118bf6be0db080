package harmony.core.port.out;

import harmony.core.intelligence.projects.Project;

import java.util.List;
import java.util.Optional;

/** A workspace's projects with their Insight Definitions, goals and scorecards. */
public interface ProjectCatalog {

    /** The workspace's projects, in the order they were first saved. */
    List<Project> list(String workspaceId);

    Optional<Project> find(String workspaceId, String projectId);

    /** Creates or replaces the project with the same workspace and id. */
    void save(Project project);

    /** True when it existed. */
    boolean delete(String workspaceId, String projectId);
}
