package harmony.core.port.out;

import harmony.core.domain.Processing;
import harmony.core.domain.ProcessingStatus;

import java.time.Instant;

import static java.util.Objects.requireNonNull;

/**
 * A conversation's processing changed ({@code conversation.status} on the wire).
 *
 * @param id per-workspace, strictly increasing in publish order; a subscriber resumes after the last id it saw
 */
public record ConversationEvent(long id, String workspaceId, String conversationId, ProcessingStatus status,
                                Processing processing, Instant occurredAt) {
    public ConversationEvent {
        requireNonNull(workspaceId, "workspaceId");
        requireNonNull(conversationId, "conversationId");
        requireNonNull(status, "status");
        requireNonNull(processing, "processing");
        requireNonNull(occurredAt, "occurredAt");
        if (id < 1) {
            throw new IllegalArgumentException("event ids start at 1");
        }
    }
}
