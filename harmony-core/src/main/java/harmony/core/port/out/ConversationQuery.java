package harmony.core.port.out;

import harmony.core.domain.Medium;
import harmony.core.domain.ProcessingStatus;

import static java.util.Objects.requireNonNull;

/**
 * A page of a workspace's conversations, newest first, optionally filtered. {@code text} searches
 * title and transcript. {@code cursor} is the opaque {@link Page#nextCursor()} of the previous page.
 */
public record ConversationQuery(String workspaceId, ProcessingStatus status, String teamId, String ownerId,
                                String contactId, String tag, Medium medium, String text, int limit, String cursor) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public ConversationQuery {
        requireNonNull(workspaceId, "workspaceId");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be within 1.." + MAX_LIMIT);
        }
    }

    public static ConversationQuery all(String workspaceId) {
        return new ConversationQuery(workspaceId, null, null, null, null, null, null, null, DEFAULT_LIMIT, null);
    }

    public ConversationQuery withText(String q) {
        return new ConversationQuery(workspaceId, status, teamId, ownerId, contactId, tag, medium, q, limit, cursor);
    }

    public ConversationQuery withCursor(String c) {
        return new ConversationQuery(workspaceId, status, teamId, ownerId, contactId, tag, medium, text, limit, c);
    }

    public ConversationQuery withLimit(int l) {
        return new ConversationQuery(workspaceId, status, teamId, ownerId, contactId, tag, medium, text, l, cursor);
    }
}
