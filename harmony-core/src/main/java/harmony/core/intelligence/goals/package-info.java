/**
 * The goal stage: each project's goals are checked automatically against the conversation — a
 * next meeting booked, a topic discussed, a tracker's hits, a metric threshold — giving met or not
 * met with evidence. {@link harmony.core.intelligence.goals.CriterionEvaluator} is the one place a
 * criterion is decided, for goals and for scorecard rules.
 */
package harmony.core.intelligence.goals;
