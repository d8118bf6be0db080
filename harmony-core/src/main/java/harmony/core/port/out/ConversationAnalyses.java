package harmony.core.port.out;

import harmony.core.intelligence.ConversationAnalysis;

import java.util.Optional;

/** What processing learned about each conversation; saving replaces, so reruns never duplicate. */
public interface ConversationAnalyses {

    void save(String conversationId, ConversationAnalysis analysis);

    Optional<ConversationAnalysis> find(String conversationId);
}
