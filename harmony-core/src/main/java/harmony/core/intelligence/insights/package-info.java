/**
 * The insight stage: every project a conversation belongs to applies its Insight Definitions —
 * phrase trackers, metric conditions, or a question for a language model — and each result carries
 * its evidence (quote, speaker, time).
 */
package harmony.core.intelligence.insights;
