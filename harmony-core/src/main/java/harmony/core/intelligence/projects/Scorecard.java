package harmony.core.intelligence.projects;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** Weighted rules that score a conversation 0–100. */
public record Scorecard(String id, String name, List<ScoreRule> rules) {
    public Scorecard {
        requireNonNull(id, "id");
        requireNonNull(name, "name");
        rules = List.copyOf(rules);
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("scorecard " + id + " has no rules");
        }
    }
}
