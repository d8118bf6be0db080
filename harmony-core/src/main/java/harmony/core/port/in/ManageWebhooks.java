package harmony.core.port.in;

import harmony.core.domain.Webhook;
import harmony.core.domain.WebhookDelivery;

import java.util.List;
import java.util.Set;

/** Subscribe a URL to a workspace's processing events, signed with a secret shown once. */
public interface ManageWebhooks {

    /** Checks the URL (format; public addresses only) and the event types; the answer carries the secret. */
    Webhook createWebhook(Actor actor, String url, Set<String> events);

    List<Webhook> listWebhooks(Actor actor);

    void deleteWebhook(Actor actor, String webhookId);

    /** The delivery log, newest first. */
    List<WebhookDelivery> webhookDeliveries(Actor actor, String webhookId, int limit);
}
