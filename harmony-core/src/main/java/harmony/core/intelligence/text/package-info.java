/**
 * Text handling shared by the intelligence stages: tokens, light stemming, sentence splitting over
 * a transcript's turns (with estimated times when the transcript has none), number words and
 * relative due dates.
 */
package harmony.core.intelligence.text;
