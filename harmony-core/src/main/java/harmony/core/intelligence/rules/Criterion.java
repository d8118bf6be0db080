package harmony.core.intelligence.rules;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What makes a goal met or a scorecard rule pass. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = PhraseTracker.class, name = "phrases"),
        @JsonSubTypes.Type(value = MetricCondition.class, name = "metric"),
        @JsonSubTypes.Type(value = NextMeetingBooked.class, name = "next-meeting-booked"),
        @JsonSubTypes.Type(value = InsightHits.class, name = "insight"),
        @JsonSubTypes.Type(value = GoalMet.class, name = "goal"),
        @JsonSubTypes.Type(value = ActionItemsAgreed.class, name = "action-items")})
public interface Criterion {
}
