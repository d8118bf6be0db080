package harmony.core.port.out;

import harmony.core.domain.Conversation;
import harmony.core.domain.Processing;
import harmony.core.domain.ProcessingStatus;

import java.util.List;
import java.util.function.Consumer;

/**
 * A per-workspace log of processing events that subscribers follow live and resume after a gap
 * (Server-Sent Events with {@code Last-Event-ID}, webhooks).
 *
 * <p>Rules every implementation keeps (the testkit's {@code ConversationEventsContract} checks them):
 * ids are strictly increasing per workspace in publish order; a subscriber gets every event after its
 * {@code afterId} exactly once, in id order, first those already published, then new ones; workspaces
 * never see each other's events. Implementations may drop old events (bounded retention); {@link #since}
 * then starts at the oldest kept.
 */
public interface ConversationEvents {

    /** Appends an event with the workspace's next id and delivers it to the workspace's subscribers. */
    ConversationEvent publish(String workspaceId, String conversationId, ProcessingStatus status, Processing processing);

    default ConversationEvent publish(Conversation conversation) {
        return publish(conversation.workspaceId(), conversation.id(), conversation.status(), conversation.processing());
    }

    /** Up to {@code limit} of the workspace's events with an id above {@code afterId}, oldest first. */
    List<ConversationEvent> since(String workspaceId, long afterId, int limit);

    /** The id of the workspace's latest event, 0 when it has none. */
    long latestId(String workspaceId);

    /**
     * Delivers the workspace's kept events with an id above {@code afterId} (0: all kept; {@link #latestId}:
     * only new ones), then every new one, until closed. The listener is called from one thread at a time, in id
     * order, and must return quickly: hand slow work (a network write) to your own thread.
     */
    Subscription subscribe(String workspaceId, long afterId, Consumer<ConversationEvent> listener);

    /** Stops delivery; closing twice is harmless. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
