package harmony.core.intelligence.extraction;

import harmony.core.intelligence.Evidence;

/** Something the participants agreed on. */
public record Decision(String text, Evidence evidence) {
}
