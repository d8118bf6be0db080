/**
 * The scoring stage: a project's scorecards weigh criteria over metrics, insights and goals into a
 * score of 0–100 with a per-rule breakdown. The stage is skipped when no scorecard applies.
 */
package harmony.core.intelligence.scoring;
