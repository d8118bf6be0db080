package harmony.core.intelligence.projects;

import harmony.core.intelligence.rules.Detector;
import harmony.core.intelligence.rules.LanguageModelQuestion;
import harmony.core.intelligence.rules.MetricCondition;
import harmony.core.intelligence.rules.PhraseTracker;

import static java.util.Objects.requireNonNull;

/** A named insight a project looks for in each of its conversations. */
public record InsightDefinition(String id, String name, String description, Detector detector) {
    public InsightDefinition {
        requireNonNull(id, "id");
        requireNonNull(name, "name");
        requireNonNull(detector, "detector");
        description = description == null ? "" : description;
    }

    public static InsightDefinition tracker(String id, String name, String... phrases) {
        return new InsightDefinition(id, name, "", PhraseTracker.of(phrases));
    }

    public static InsightDefinition of(String id, String name, Detector detector) {
        return new InsightDefinition(id, name, "", detector);
    }

    public static InsightDefinition when(String id, String name, MetricCondition condition) {
        return new InsightDefinition(id, name, "", condition);
    }

    public static InsightDefinition question(String id, String name, String question) {
        return new InsightDefinition(id, name, "", new LanguageModelQuestion(question));
    }

    public InsightDefinition describedAs(String text) {
        return new InsightDefinition(id, name, text, detector);
    }
}
