package harmony.core.intelligence.extraction;

import harmony.core.intelligence.Evidence;
import harmony.core.intelligence.Side;

/** A question asked in the conversation, and by which side. */
public record Question(String text, Side side, Evidence evidence) {
}
