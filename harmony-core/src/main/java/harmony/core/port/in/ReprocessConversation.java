package harmony.core.port.in;

import harmony.core.domain.Conversation;

/** Run the pipeline again on a completed or failed conversation (Retry after a failure). */
public interface ReprocessConversation {

    /** The conversation, queued again; CONFLICT while it is still being processed. */
    Conversation reprocess(Actor actor, String conversationId);
}
