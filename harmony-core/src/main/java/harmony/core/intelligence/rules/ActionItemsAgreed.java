package harmony.core.intelligence.rules;

/** Met when at least {@code min} action items with an owner came out of the conversation. */
public record ActionItemsAgreed(int min) implements Criterion {
    public ActionItemsAgreed {
        if (min < 1) {
            throw new IllegalArgumentException("min must be at least 1");
        }
    }
}
