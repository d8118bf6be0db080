package harmony.core.port.out;

import harmony.core.domain.Conversation;
import harmony.core.domain.Transcript;

import java.util.Optional;

/** Conversation records and their transcripts, scoped by workspace. */
public interface ConversationRepository {

    /** Stores a new conversation (and its transcript, when the source brought one). */
    void create(Conversation conversation, Optional<Transcript> transcript);

    /** Replaces the stored conversation with the same id. */
    void update(Conversation conversation);

    Optional<Conversation> find(String workspaceId, String conversationId);

    /** Finds by id alone, for workers that only hold a job's conversation id. */
    Optional<Conversation> findById(String conversationId);

    Page<Conversation> list(ConversationQuery query);

    /** Replaces the transcript (idempotent: a rerun of transcription never duplicates turns). */
    void saveTranscript(String conversationId, Transcript transcript);

    Optional<Transcript> findTranscript(String conversationId);

    /** Removes the conversation and everything stored with it; true when it existed. */
    boolean delete(String workspaceId, String conversationId);
}
