/**
 * Conversation intelligence: the pure logic of the pipeline's stages after transcription —
 * extraction (summary, action items, questions, decisions, metrics), insights from the Insight
 * Definitions of the projects a conversation belongs to, automatic goals and scorecards.
 *
 * <p>Each stage is a small interface with a default implementation a host can replace
 * ({@link harmony.core.intelligence.extraction.Extractor},
 * {@link harmony.core.intelligence.insights.InsightGenerator},
 * {@link harmony.core.intelligence.goals.GoalEvaluator},
 * {@link harmony.core.intelligence.scoring.ScorecardEvaluator}); {@link harmony.core.intelligence.ConversationAnalyzer}
 * runs them in order. Every output is an immutable record, and {@link harmony.core.intelligence.ConversationAnalysis}
 * gathers them in one value that serialises to JSON with Jackson.
 */
package harmony.core.intelligence;
