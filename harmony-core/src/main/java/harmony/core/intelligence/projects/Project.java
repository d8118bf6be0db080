package harmony.core.intelligence.projects;

import harmony.core.domain.Conversation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * A group of conversations (by {@link ProjectScope}) and what Harmony evaluates on each: Insight
 * Definitions, goals and scorecards. Ids of definitions are unique within the project.
 */
public record Project(String id, String workspaceId, String name, String description, ProjectScope scope,
                      List<InsightDefinition> insights, List<Goal> goals, List<Scorecard> scorecards) {
    public Project {
        requireNonNull(id, "id");
        requireNonNull(workspaceId, "workspaceId");
        requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("project " + id + " needs a name");
        }
        description = description == null ? "" : description;
        scope = scope == null ? ProjectScope.EVERYTHING : scope;
        insights = insights == null ? List.of() : List.copyOf(insights);
        goals = goals == null ? List.of() : List.copyOf(goals);
        scorecards = scorecards == null ? List.of() : List.copyOf(scorecards);
        unique("insight", insights.stream().map(InsightDefinition::id).toList(), id);
        unique("goal", goals.stream().map(Goal::id).toList(), id);
        unique("scorecard", scorecards.stream().map(Scorecard::id).toList(), id);
    }

    private static void unique(String what, List<String> ids, String project) {
        Set<String> seen = new HashSet<>();
        for (String i : ids) {
            if (!seen.add(i)) {
                throw new IllegalArgumentException("project " + project + " has two " + what + "s with id " + i);
            }
        }
    }

    public boolean includes(Conversation conversation) {
        return workspaceId.equals(conversation.workspaceId()) && scope.matches(conversation);
    }

    /** The projects among {@code all} that {@code conversation} belongs to, in order. */
    public static List<Project> applicableTo(Conversation conversation, List<Project> all) {
        return all.stream().filter(p -> p.includes(conversation)).toList();
    }

    public static Builder builder(String id, String workspaceId, String name) {
        return new Builder(id, workspaceId, name);
    }

    /** Assembles a project in code: {@code Project.builder("p1", "ws1", "Sales").scope(…).insight(…).build()}. */
    public static final class Builder {
        private final String id;
        private final String workspaceId;
        private final String name;
        private String description = "";
        private ProjectScope scope = ProjectScope.EVERYTHING;
        private final List<InsightDefinition> insights = new ArrayList<>();
        private final List<Goal> goals = new ArrayList<>();
        private final List<Scorecard> scorecards = new ArrayList<>();

        private Builder(String id, String workspaceId, String name) {
            this.id = id;
            this.workspaceId = workspaceId;
            this.name = name;
        }

        public Builder description(String text) {
            description = text;
            return this;
        }

        public Builder scope(ProjectScope s) {
            scope = s;
            return this;
        }

        public Builder insight(InsightDefinition d) {
            insights.add(d);
            return this;
        }

        public Builder goal(Goal g) {
            goals.add(g);
            return this;
        }

        public Builder scorecard(Scorecard s) {
            scorecards.add(s);
            return this;
        }

        public Project build() {
            return new Project(id, workspaceId, name, description, scope, insights, goals, scorecards);
        }
    }
}
