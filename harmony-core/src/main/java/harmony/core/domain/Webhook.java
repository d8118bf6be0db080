package harmony.core.domain;

import java.net.URI;
import java.time.Instant;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * A subscription: which of a workspace's events to send to which URL, signed with which secret
 * ({@code whsec_} + base64, per the Standard Webhooks scheme).
 */
public record Webhook(String id, String workspaceId, URI url, Set<String> events, String secret, Instant createdAt) {
    /** Sent when processing finishes. */
    public static final String COMPLETED = "conversation.completed";
    /** Sent when processing fails. */
    public static final String FAILED = "conversation.failed";
    /** Sent on every status change, the ones above included. */
    public static final String STATUS = "conversation.status";
    public static final Set<String> EVENT_TYPES = Set.of(COMPLETED, FAILED, STATUS);

    public Webhook {
        requireNonNull(id, "id");
        requireNonNull(workspaceId, "workspaceId");
        requireNonNull(url, "url");
        requireNonNull(secret, "secret");
        requireNonNull(createdAt, "createdAt");
        events = Set.copyOf(events);
    }

    /** The event type a status change is sent as to this subscriber, or null when it did not ask for it. */
    public String typeFor(ProcessingStatus status) {
        String specific = status == ProcessingStatus.COMPLETED ? COMPLETED : status == ProcessingStatus.FAILED ? FAILED : null;
        if (specific != null && events.contains(specific)) {
            return specific;
        }
        return events.contains(STATUS) ? STATUS : null;
    }

    @Override
    public String toString() {
        return "Webhook[id=" + id + ", url=" + url + ", events=" + events + "]";
    }
}
