package harmony.core.intelligence.metrics;

import harmony.core.intelligence.Side;

/**
 * One speaker's share of the conversation.
 *
 * @param talkRatio share of all talk time, 0..1
 */
public record SpeakerMetrics(String speaker, String name, Side side, long talkMs, double talkRatio, int words, int turns,
                             long longestMonologueMs, int questions, double wordsPerMinute, int fillerWords) {
}
