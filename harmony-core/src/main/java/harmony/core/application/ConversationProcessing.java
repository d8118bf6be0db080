package harmony.core.application;

import harmony.core.domain.Conversation;
import harmony.core.error.HarmonyException;
import harmony.core.pipeline.Pipeline;
import harmony.core.port.in.Actor;
import harmony.core.port.in.ReprocessConversation;
import harmony.core.port.in.WatchConversations;
import harmony.core.port.out.ConversationEvent;
import harmony.core.port.out.ConversationEvents;
import harmony.core.port.out.ConversationRepository;

import java.util.function.Consumer;

/** What users do with processing: retry it, and watch it happen. */
public final class ConversationProcessing implements ReprocessConversation, WatchConversations {
    private final Pipeline pipeline;
    private final ConversationEvents events;
    private final ConversationRepository conversations;

    public ConversationProcessing(Pipeline pipeline, ConversationEvents events, ConversationRepository conversations) {
        this.pipeline = pipeline;
        this.events = events;
        this.conversations = conversations;
    }

    @Override
    public Conversation reprocess(Actor actor, String conversationId) {
        return pipeline.reprocess(actor.workspaceId(), conversationId);
    }

    @Override
    public AutoCloseable watch(Actor actor, String conversationId, long afterEventId, Consumer<ConversationEvent> listener) {
        long after = afterEventId < 0 ? events.latestId(actor.workspaceId()) : afterEventId;
        if (conversationId == null) {
            return events.subscribe(actor.workspaceId(), after, listener);
        }
        conversations.find(actor.workspaceId(), conversationId).orElseThrow(() -> HarmonyException.notFound("The conversation"));
        return events.subscribe(actor.workspaceId(), after, e -> {
            if (e.conversationId().equals(conversationId)) {
                listener.accept(e);
            }
        });
    }
}
