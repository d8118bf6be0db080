package harmony.core.intelligence;

import com.fasterxml.jackson.core.JsonProcessingException;
import harmony.core.intelligence.extraction.Extraction;
import harmony.core.intelligence.goals.GoalResult;
import harmony.core.intelligence.insights.InsightResult;
import harmony.core.intelligence.metrics.Metrics;
import harmony.core.intelligence.scoring.ScoreResult;

import java.util.List;

/**
 * Everything the intelligence stages learned about one conversation, in one value the persistence
 * side stores as JSON ({@link #toJson()} / {@link #fromJson(String)}). Each stage replaces its own
 * part, so re-running a stage never duplicates anything.
 *
 * @param projectIds the projects the conversation belonged to when insights were generated
 * @param scores     one per applicable scorecard; empty when scoring was skipped
 */
public record ConversationAnalysis(int version, Extraction extraction, Metrics metrics, List<String> projectIds,
                                   List<InsightResult> insights, List<GoalResult> goals, List<ScoreResult> scores) {
    public static final int VERSION = 1;

    public ConversationAnalysis {
        projectIds = projectIds == null ? List.of() : List.copyOf(projectIds);
        insights = insights == null ? List.of() : List.copyOf(insights);
        goals = goals == null ? List.of() : List.copyOf(goals);
        scores = scores == null ? List.of() : List.copyOf(scores);
    }

    public static ConversationAnalysis of(Extraction extraction, Metrics metrics) {
        return new ConversationAnalysis(VERSION, extraction, metrics, List.of(), List.of(), List.of(), List.of());
    }

    public ConversationAnalysis withInsights(List<String> projects, List<InsightResult> results) {
        return new ConversationAnalysis(version, extraction, metrics, projects, results, goals, scores);
    }

    public ConversationAnalysis withGoals(List<GoalResult> results) {
        return new ConversationAnalysis(version, extraction, metrics, projectIds, insights, results, scores);
    }

    public ConversationAnalysis withScores(List<ScoreResult> results) {
        return new ConversationAnalysis(version, extraction, metrics, projectIds, insights, goals, results);
    }

    public String toJson() {
        try {
            return IntelligenceJson.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("analysis could not be written", e);
        }
    }

    public static ConversationAnalysis fromJson(String json) {
        try {
            return IntelligenceJson.mapper().readValue(json, ConversationAnalysis.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a stored conversation analysis: " + e.getOriginalMessage(), e);
        }
    }
}
