package harmony.testkit;

import harmony.core.intelligence.ConversationAnalysis;
import harmony.core.port.out.ConversationAnalyses;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Analyses in a map, stored as their JSON so a test sees exactly what a database would return. */
public final class InMemoryConversationAnalyses implements ConversationAnalyses {
    private final Map<String, String> documents = new ConcurrentHashMap<>();

    @Override
    public void save(String conversationId, ConversationAnalysis analysis) {
        documents.put(conversationId, analysis.toJson());
    }

    @Override
    public Optional<ConversationAnalysis> find(String conversationId) {
        return Optional.ofNullable(documents.get(conversationId)).map(ConversationAnalysis::fromJson);
    }
}
