package harmony.core.port.in;

import harmony.core.port.out.ConversationEvent;

import java.util.function.Consumer;

/** Follow processing live: every status change of a workspace's conversations, resumable by event id. */
public interface WatchConversations {

    /**
     * Delivers the workspace's events after {@code afterEventId} (0: from the oldest kept; negative: only
     * events from now on), then new ones,
     * until the returned handle is closed. With {@code conversationId} set, only that conversation's
     * (NOT_FOUND when it is not the actor's). The listener must return quickly.
     */
    AutoCloseable watch(Actor actor, String conversationId, long afterEventId, Consumer<ConversationEvent> listener);
}
