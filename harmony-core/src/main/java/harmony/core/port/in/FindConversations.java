package harmony.core.port.in;

import harmony.core.domain.Conversation;
import harmony.core.domain.Transcript;
import harmony.core.port.out.ConversationQuery;
import harmony.core.port.out.Page;

/** Get, list, filter and search a workspace's conversations. */
public interface FindConversations {

    /** The conversation, or NOT_FOUND (also for another workspace's id). */
    Conversation getConversation(Actor actor, String conversationId);

    /** The query's workspace is always the actor's. */
    Page<Conversation> listConversations(Actor actor, ConversationQuery query);

    /** The transcript, empty while transcription has not finished. */
    Transcript getTranscript(Actor actor, String conversationId);
}
