package harmony.core.port.out;

import harmony.core.domain.Conversation;

/**
 * Hands conversations to the pipeline. {@link #schedule} is called inside the transaction that
 * creates (or reprocesses) the conversation, so a job exists exactly when its conversation does.
 */
public interface ProcessingScheduler {

    void schedule(Conversation conversation);

    /** Stops any work on the conversation; a no-op when there is none. */
    void cancel(String conversationId);
}
