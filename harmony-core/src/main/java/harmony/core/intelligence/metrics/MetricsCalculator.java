package harmony.core.intelligence.metrics;

import harmony.core.intelligence.ConversationContext;

/** Computes {@link Metrics} from a conversation's turns; replace it to measure differently. */
@FunctionalInterface
public interface MetricsCalculator {
    Metrics measure(ConversationContext context);
}
