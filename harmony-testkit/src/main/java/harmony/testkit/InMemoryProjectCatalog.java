package harmony.testkit;

import harmony.core.intelligence.projects.Project;
import harmony.core.port.out.ProjectCatalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link ProjectCatalog} in memory, for tests and the embedded demo. Thread-safe. */
public final class InMemoryProjectCatalog implements ProjectCatalog {
    private final Map<String, LinkedHashMap<String, Project>> byWorkspace = new HashMap<>();

    @Override
    public synchronized List<Project> list(String workspaceId) {
        return new ArrayList<>(byWorkspace.getOrDefault(workspaceId, new LinkedHashMap<>()).values());
    }

    @Override
    public synchronized Optional<Project> find(String workspaceId, String projectId) {
        return Optional.ofNullable(byWorkspace.getOrDefault(workspaceId, new LinkedHashMap<>()).get(projectId));
    }

    @Override
    public synchronized void save(Project project) {
        byWorkspace.computeIfAbsent(project.workspaceId(), k -> new LinkedHashMap<>()).put(project.id(), project);
    }

    @Override
    public synchronized boolean delete(String workspaceId, String projectId) {
        LinkedHashMap<String, Project> projects = byWorkspace.get(workspaceId);
        return projects != null && projects.remove(projectId) != null;
    }
}
