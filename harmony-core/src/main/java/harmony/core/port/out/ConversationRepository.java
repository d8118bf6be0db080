package harmony.core.port.out;

import harmony.core.domain.Conversation;
import harmony.core.domain.Transcript;

import java.util.Optional;

/** Conversation records and their transcripts, scoped by workspace. */
public interface ConversationRepository {

    /**
     * Stores a new conversation (and its transcript, when the source brought one) and answers the
     * conversation stored for it: the given one or, when a create in the workspace already used
     * {@code idempotencyKey}, the one that create made, storing nothing. Atomic, so two racing creates
     * with one key store one conversation. A null key never matches.
     */
    Conversation create(Conversation conversation, Optional<Transcript> transcript, String idempotencyKey);

    /** Stores a new conversation that carries no idempotency key. */
    default void create(Conversation conversation, Optional<Transcript> transcript) {
        create(conversation, transcript, null);
    }

    /** The conversation a create with this idempotency key made in the workspace. */
    Optional<Conversation> findByIdempotencyKey(String workspaceId, String idempotencyKey);

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
