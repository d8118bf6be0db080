package harmony.core.port.out;

import harmony.core.domain.Webhook;
import harmony.core.domain.WebhookDelivery;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Webhook subscriptions and their delivery log. */
public interface WebhookSubscriptions {

    void save(Webhook webhook);

    List<Webhook> list(String workspaceId);

    /** Workspaces that have at least one webhook, for dispatchers starting up. */
    Set<String> workspacesWithWebhooks();

    Optional<Webhook> find(String workspaceId, String webhookId);

    boolean delete(String workspaceId, String webhookId);

    /**
     * Claims the delivery of one event to one webhook; false when it was claimed before (by this or
     * another process), so each event is sent to each subscriber by one process only.
     */
    boolean claim(Webhook webhook, long eventId, String eventType);

    /** Records how the claimed delivery went. */
    void record(WebhookDelivery delivery);

    /** The newest deliveries first. */
    List<WebhookDelivery> deliveries(String webhookId, int limit);
}
