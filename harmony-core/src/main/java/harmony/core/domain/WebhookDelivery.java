package harmony.core.domain;

import java.time.Instant;

/**
 * The log of one event sent to one webhook: how many attempts it took, whether it arrived, the last
 * answer or error.
 */
public record WebhookDelivery(String webhookId, long eventId, String eventType, int attempts, boolean delivered,
                              Integer responseStatus, String error, Instant lastAttemptAt) {
}
