package harmony.core.intelligence.extraction;

import harmony.core.intelligence.Evidence;

import java.util.List;

/**
 * A short account of the conversation: the text, the key sentences it was built from (for an
 * extractive summary) and the key topics.
 */
public record Summary(String text, List<Evidence> keySentences, List<String> topics) {
    public static final Summary EMPTY = new Summary("", List.of(), List.of());

    public Summary {
        keySentences = List.copyOf(keySentences);
        topics = List.copyOf(topics);
    }
}
