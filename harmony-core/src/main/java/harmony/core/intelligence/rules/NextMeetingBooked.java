package harmony.core.intelligence.rules;

/** Met when a follow-up meeting was set up in the conversation: a scheduling phrase with a date, or such an action item. */
public record NextMeetingBooked() implements Criterion {
}
