package harmony.adapters.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import harmony.core.domain.Webhook;
import harmony.core.domain.WebhookDelivery;
import harmony.core.error.ErrorKind;
import harmony.core.error.FieldError;
import harmony.core.error.HarmonyException;
import harmony.core.port.in.ManageWebhooks;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Webhook subscriptions: create (the secret is shown once), list, delete, and the delivery log. */
final class WebhookEndpoints {
    private final ManageWebhooks webhooks;

    WebhookEndpoints(ManageWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    void register(Routes routes) {
        routes.create("/v1/webhooks", x -> {
            JsonNode body = x.jsonObject();
            JsonNode url = body.get("url");
            Set<String> events = new LinkedHashSet<>();
            JsonNode list = body.get("events");
            if (list != null && !list.isNull()) {
                if (!list.isArray()) {
                    throw new HarmonyException(ErrorKind.INVALID, "Send events as a list.", List.of(new FieldError("events", "Send a list.")), null);
                }
                list.forEach(e -> events.add(e.asText()));
            }
            Webhook w = webhooks.createWebhook(x.actor, url == null || url.isNull() ? null : url.asText(), events);
            Map<String, Object> view = view(w);
            view.put("secret", w.secret());
            return Reply.json(201, view).withHeader("Location", "/v1/webhooks/" + w.id());
        });
        routes.get("/v1/webhooks", x -> Reply.ok(Map.of("items", webhooks.listWebhooks(x.actor).stream().map(WebhookEndpoints::view).toList())));
        routes.delete("/v1/webhooks/{id}", x -> {
            webhooks.deleteWebhook(x.actor, x.path("id"));
            return Reply.noContent();
        });
        routes.get("/v1/webhooks/{id}/deliveries", x -> {
            int limit = Params.intParam(x.query("limit"), 50, 1, 200, "limit");
            return Reply.ok(Map.of("items", webhooks.webhookDeliveries(x.actor, x.path("id"), limit).stream()
                    .map(WebhookEndpoints::delivery).toList()));
        });
    }

    private static Map<String, Object> view(Webhook w) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", w.id());
        m.put("url", w.url().toString());
        m.put("events", w.events().stream().sorted().toList());
        m.put("createdAt", w.createdAt());
        return m;
    }

    private static Map<String, Object> delivery(WebhookDelivery d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("eventId", d.eventId());
        m.put("event", d.eventType());
        m.put("delivered", d.delivered());
        m.put("attempts", d.attempts());
        m.put("responseStatus", d.responseStatus());
        m.put("error", d.error());
        m.put("lastAttemptAt", d.lastAttemptAt());
        return m;
    }
}
