package harmony.core.intelligence.goals;

import harmony.core.intelligence.Evidence;

import java.util.List;

/** Whether a project's goal was met in the conversation, with what shows it. */
public record GoalResult(String projectId, String goalId, String name, boolean met, List<Evidence> evidence, String detail) {
    public GoalResult {
        evidence = List.copyOf(evidence);
    }
}
