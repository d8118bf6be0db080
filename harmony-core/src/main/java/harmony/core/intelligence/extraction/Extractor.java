package harmony.core.intelligence.extraction;

import harmony.core.intelligence.ConversationContext;

/** The extraction stage's logic; replace it to extract differently. */
@FunctionalInterface
public interface Extractor {
    Extraction extract(ConversationContext context);
}
