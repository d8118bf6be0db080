package harmony.core.port.out;

import harmony.core.domain.Conversation;
import harmony.core.domain.Transcript;

import java.util.Optional;

/** Conversation records and their transcripts, scoped by workspace. */
public interface ConversationRepository {

    /**
     * Stores a new conversation (and its transcript, when the source brought one) and answers the
     * conversation stored for it: the given one or, when a create in the workspace already used the
     * claim's key, the one that create made, storing nothing. Atomic, so two racing creates with one
     * key store one conversation. Without a claim (null) nothing is matched.
     */
    Conversation create(Conversation conversation, Optional<Transcript> transcript, IdempotencyClaim claim);

    /** Stores a new conversation that carries no idempotency key. */
    default void create(Conversation conversation, Optional<Transcript> transcript) {
        create(conversation, transcript, null);
    }

    /** The conversation a create with this idempotency key made in the workspace, with that create's claim. */
    Optional<Claimed> findByIdempotencyKey(String workspaceId, String idempotencyKey);

    /**
     * A client's idempotency key and a fingerprint of the request it came with, so that the key sent
     * again with another request can be told from a retry.
     */
    record IdempotencyClaim(String key, String fingerprint) {
        public IdempotencyClaim {
            java.util.Objects.requireNonNull(key, "key");
            java.util.Objects.requireNonNull(fingerprint, "fingerprint");
        }
    }

    /** A conversation and the claim it was created with. */
    record Claimed(Conversation conversation, IdempotencyClaim claim) {
    }

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
