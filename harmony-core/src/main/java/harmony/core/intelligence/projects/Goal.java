package harmony.core.intelligence.projects;

import harmony.core.intelligence.rules.Criterion;

import static java.util.Objects.requireNonNull;

/** An outcome a project wants from its conversations, checked automatically. */
public record Goal(String id, String name, Criterion criterion) {
    public Goal {
        requireNonNull(id, "id");
        requireNonNull(name, "name");
        requireNonNull(criterion, "criterion");
    }
}
