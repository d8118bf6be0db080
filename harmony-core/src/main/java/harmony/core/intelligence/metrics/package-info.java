/**
 * Conversation metrics computed from the turns: talk ratio per speaker and side, longest monologue,
 * longest customer story, interactivity, patience, questions per side, words per minute and filler
 * words. {@link harmony.core.intelligence.metrics.Metric} names each number that insight, goal and
 * scorecard conditions can test.
 */
package harmony.core.intelligence.metrics;
