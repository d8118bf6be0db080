package harmony.testkit;

import harmony.core.domain.Webhook;
import harmony.core.domain.WebhookDelivery;
import harmony.core.port.out.WebhookSubscriptions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Webhooks and their delivery log in maps. */
public final class InMemoryWebhookSubscriptions implements WebhookSubscriptions {
    private final Map<String, Webhook> webhooks = new ConcurrentHashMap<>();
    private final Map<String, WebhookDelivery> deliveries = new ConcurrentHashMap<>();

    @Override
    public void save(Webhook webhook) {
        webhooks.put(webhook.id(), webhook);
    }

    @Override
    public List<Webhook> list(String workspaceId) {
        return webhooks.values().stream().filter(w -> w.workspaceId().equals(workspaceId))
                .sorted(Comparator.comparing(Webhook::createdAt).thenComparing(Webhook::id)).toList();
    }

    @Override
    public Set<String> workspacesWithWebhooks() {
        return webhooks.values().stream().map(Webhook::workspaceId).collect(Collectors.toSet());
    }

    @Override
    public Optional<Webhook> find(String workspaceId, String webhookId) {
        return Optional.ofNullable(webhooks.get(webhookId)).filter(w -> w.workspaceId().equals(workspaceId));
    }

    @Override
    public boolean delete(String workspaceId, String webhookId) {
        return find(workspaceId, webhookId).map(w -> webhooks.remove(w.id()) != null).orElse(false);
    }

    @Override
    public boolean claim(Webhook webhook, long eventId, String eventType) {
        return deliveries.putIfAbsent(webhook.id() + "/" + eventId,
                new WebhookDelivery(webhook.id(), eventId, eventType, 0, false, null, null, null)) == null;
    }

    @Override
    public void record(WebhookDelivery delivery) {
        deliveries.put(delivery.webhookId() + "/" + delivery.eventId(), delivery);
    }

    @Override
    public List<WebhookDelivery> deliveries(String webhookId, int limit) {
        List<WebhookDelivery> mine = new ArrayList<>(deliveries.values().stream().filter(d -> d.webhookId().equals(webhookId)).toList());
        mine.sort(Comparator.comparingLong(WebhookDelivery::eventId).reversed());
        return mine.subList(0, Math.min(limit, mine.size()));
    }
}
