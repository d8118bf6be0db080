package harmony.core.port.in;

import harmony.core.domain.Conversation;
import harmony.core.domain.Transcript;
import harmony.core.intelligence.ConversationAnalysis;
import harmony.core.port.out.ConversationQuery;
import harmony.core.port.out.Page;

import java.util.Optional;

/** Get, list, filter and search a workspace's conversations. */
public interface FindConversations {

    /** The conversation, or NOT_FOUND (also for another workspace's id). */
    Conversation getConversation(Actor actor, String conversationId);

    /** The query's workspace is always the actor's. */
    Page<Conversation> listConversations(Actor actor, ConversationQuery query);

    /** What processing found (summary, action items, metrics, insights, goals, scores), once it ran. */
    Optional<ConversationAnalysis> getAnalysis(Actor actor, String conversationId);

    /** The transcript, empty while transcription has not finished. */
    Transcript getTranscript(Actor actor, String conversationId);
}
