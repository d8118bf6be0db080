package harmony.core.intelligence.insights;

import harmony.core.intelligence.Evidence;

import java.util.List;

/**
 * One Insight Definition applied to one conversation.
 *
 * @param triggered true when the insight was found
 * @param hits      where (phrase and question detectors); empty for metric conditions
 * @param value     the metric's value for metric conditions, else null
 * @param note      why the definition could not be evaluated (no language model, unknown metric), else null
 */
public record InsightResult(String projectId, String definitionId, String name, boolean triggered, List<Evidence> hits,
                            Double value, String note) {
    public InsightResult {
        hits = List.copyOf(hits);
    }

    public int hitCount() {
        return hits.size();
    }
}
