package harmony.core.intelligence.metrics;

import java.util.List;

/**
 * Numbers about how the conversation went.
 *
 * @param timingEstimated     true when the transcript had no times and they were estimated from word counts
 *                            (then {@code patienceMs} is null: pauses cannot be known)
 * @param talkRatioInternal   the workspace side's share of talk time, null when no speaker is matched to a user
 * @param talkRatioExternal   the outside party's share, null when no speaker is matched to a contact
 * @param longestCustomerStory the longest monologue by an external speaker, null when none is known
 * @param interactivity       speaker switches per minute
 * @param patienceMs          average pause before the internal side replies (before anyone replies when
 *                            sides are unknown), null when timing is estimated or nobody replied
 * @param fillerWordsPer100   filler words ("um", "you know", "basically") per 100 words
 */
public record Metrics(long durationMs, boolean timingEstimated, int words, int turns, int speakerCount,
                      Double talkRatioInternal, Double talkRatioExternal,
                      Monologue longestMonologue, Monologue longestCustomerStory,
                      double interactivity, Double patienceMs,
                      int questionsInternal, int questionsExternal, int questionsTotal,
                      double wordsPerMinute, int fillerWords, double fillerWordsPer100,
                      List<SpeakerMetrics> speakers) {
    public Metrics {
        speakers = List.copyOf(speakers);
    }
}
