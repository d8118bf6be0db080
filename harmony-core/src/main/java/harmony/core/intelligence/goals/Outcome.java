package harmony.core.intelligence.goals;

import harmony.core.intelligence.Evidence;

import java.util.List;

/** A criterion decided: met or not, the evidence, and a line saying why. */
public record Outcome(boolean met, List<Evidence> evidence, String detail) {
    public Outcome {
        evidence = List.copyOf(evidence);
    }
}
