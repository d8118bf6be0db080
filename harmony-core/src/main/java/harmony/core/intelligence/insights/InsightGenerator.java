package harmony.core.intelligence.insights;

import harmony.core.intelligence.ConversationContext;
import harmony.core.intelligence.extraction.Extraction;
import harmony.core.intelligence.metrics.Metrics;
import harmony.core.intelligence.projects.Project;

import java.util.List;

/** The insight stage's logic: applies the definitions of the given projects (those the conversation belongs to). */
@FunctionalInterface
public interface InsightGenerator {
    List<InsightResult> generate(ConversationContext context, Extraction extraction, Metrics metrics, List<Project> projects);
}
