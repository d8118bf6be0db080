/**
 * The extraction stage: a summary, action items (owner, due date, evidence), questions and decisions.
 * {@link harmony.core.intelligence.extraction.RuleBasedExtractor} is the default and needs nothing
 * but the transcript; {@link harmony.core.intelligence.extraction.LanguageModelExtractor} asks a
 * {@link harmony.core.intelligence.LanguageModel} and falls back to the rules on any error.
 */
package harmony.core.intelligence.extraction;
