package harmony.core.application;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import harmony.core.domain.Webhook;
import harmony.core.domain.WebhookDelivery;
import harmony.core.error.ErrorKind;
import harmony.core.error.FieldError;
import harmony.core.error.HarmonyException;
import harmony.core.ingest.UrlRules;
import harmony.core.port.in.Actor;
import harmony.core.port.in.ManageWebhooks;
import harmony.core.port.out.ConversationEvent;
import harmony.core.port.out.ConversationEvents;
import harmony.core.port.out.Ids;
import harmony.core.port.out.WebhookDeliveries;
import harmony.core.port.out.WebhookSubscriptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Webhook subscriptions, and the dispatcher that sends every matching status change to them: signed,
 * retried with backoff by the sender, logged, each event claimed once so several processes never send
 * it twice. Delivery runs on its own threads, never on the publisher's.
 */
public final class WebhookDispatch implements ManageWebhooks, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatch.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebhookSubscriptions subscriptions;
    private final WebhookDeliveries sender;
    private final ConversationEvents events;
    private final Ids ids;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, AutoCloseable> watching = new ConcurrentHashMap<>();
    private final ExecutorService delivery = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "harmony-webhooks");
        t.setDaemon(true);
        return t;
    });
    /** Each started delivery's logging, until it is done; whoever claims a delivery logs it, so each is logged once. */
    private final Map<CompletableFuture<Void>, Sending> inFlight = new ConcurrentHashMap<>();
    private volatile boolean started;

    public WebhookDispatch(WebhookSubscriptions subscriptions, WebhookDeliveries sender, ConversationEvents events,
                           Ids ids, Clock clock) {
        this.subscriptions = subscriptions;
        this.sender = sender;
        this.events = events;
        this.ids = ids;
        this.clock = clock;
    }

    /** Starts following the events of every workspace that has webhooks. */
    public synchronized void start() {
        started = true;
        subscriptions.workspacesWithWebhooks().forEach(this::watch);
    }

    @Override
    public Webhook createWebhook(Actor actor, String url, Set<String> eventTypes) {
        URI uri = UrlRules.parse(url);
        if (eventTypes == null || eventTypes.isEmpty() || !Webhook.EVENT_TYPES.containsAll(eventTypes)) {
            String message = "Choose events from " + String.join(", ", Webhook.EVENT_TYPES.stream().sorted().toList()) + ".";
            throw new HarmonyException(ErrorKind.INVALID, message, List.of(new FieldError("events", message)), null);
        }
        if (!sender.acceptsEndpoint(uri)) {
            throw HarmonyException.urlNotAccessible();
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        Webhook webhook = new Webhook(ids.newId(), actor.workspaceId(), uri, eventTypes,
                "whsec_" + Base64.getEncoder().encodeToString(secret), clock.instant());
        subscriptions.save(webhook);
        if (started) {
            watch(actor.workspaceId());
        }
        return webhook;
    }

    @Override
    public List<Webhook> listWebhooks(Actor actor) {
        return subscriptions.list(actor.workspaceId());
    }

    @Override
    public void deleteWebhook(Actor actor, String webhookId) {
        if (!subscriptions.delete(actor.workspaceId(), webhookId)) {
            throw HarmonyException.notFound("The webhook");
        }
    }

    @Override
    public List<WebhookDelivery> webhookDeliveries(Actor actor, String webhookId, int limit) {
        subscriptions.find(actor.workspaceId(), webhookId).orElseThrow(() -> HarmonyException.notFound("The webhook"));
        return subscriptions.deliveries(webhookId, limit);
    }

    private void watch(String workspaceId) {
        watching.computeIfAbsent(workspaceId, ws -> events.subscribe(ws, events.latestId(ws),
                event -> delivery.execute(() -> dispatch(event))));
    }

    /** Claims the event for each subscribed webhook and starts its delivery; the log is written when it ends. */
    private void dispatch(ConversationEvent event) {
        for (Webhook webhook : subscriptions.list(event.workspaceId())) {
            String type = webhook.typeFor(event.status());
            if (type == null || !subscriptions.claim(webhook, event.id(), type)) {
                continue;
            }
            try {
                CompletableFuture<WebhookDeliveries.Delivery> sent = sender.deliver(
                        new WebhookDeliveries.Endpoint(webhook.url(), webhook.secret()),
                        new WebhookDeliveries.Message("evt_" + event.workspaceId() + "_" + event.id(), body(type, event)));
                Sending sending = new Sending(webhook, event, type, new java.util.concurrent.atomic.AtomicBoolean());
                CompletableFuture<Void> logged = sent.handleAsync((result, error) -> {
                    if (sending.claim()) {
                        record(webhook, event, type, result, error);
                    }
                    return null;
                }, this::onDeliveryThread);
                inFlight.put(logged, sending);
                logged.whenComplete((done, error) -> inFlight.remove(logged));
            } catch (RuntimeException e) {
                record(webhook, event, type, null, e);
            }
        }
    }

    private record Sending(Webhook webhook, ConversationEvent event, String type, java.util.concurrent.atomic.AtomicBoolean logged) {
        boolean claim() {
            return logged.compareAndSet(false, true);
        }
    }

    /** Logging runs on the dispatcher's threads, or right here once they have stopped: an outcome is never dropped. */
    private void onDeliveryThread(Runnable task) {
        try {
            delivery.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException stopped) {
            task.run();
        }
    }

    private void record(Webhook webhook, ConversationEvent event, String type, WebhookDeliveries.Delivery result, Throwable error) {
        try {
            log(webhook, event, type, result, error);
        } catch (RuntimeException e) {
            log.warn("Logging the delivery of event {} to {} failed", event.id(), webhook, e);
        }
    }

    private void recordStopped(Webhook webhook, ConversationEvent event, String type) {
        try {
            subscriptions.record(new WebhookDelivery(webhook.id(), event.id(), type, 0, false, null,
                    "Harmony stopped before it was delivered", clock.instant()));
        } catch (RuntimeException e) {
            log.warn("Logging the delivery of event {} to {} failed", event.id(), webhook, e);
        }
    }

    private void log(Webhook webhook, ConversationEvent event, String type, WebhookDeliveries.Delivery result, Throwable error) {
        if (error != null) {
            log.warn("Delivering event {} to {} failed", event.id(), webhook, error);
            subscriptions.record(new WebhookDelivery(webhook.id(), event.id(), type, 0, false, null,
                    "Harmony could not send it: " + error.getClass().getSimpleName(), clock.instant()));
            return;
        }
        WebhookDeliveries.Attempt last = result.attempts().isEmpty() ? null : result.attempts().get(result.attempts().size() - 1);
        subscriptions.record(new WebhookDelivery(webhook.id(), event.id(), type, result.attempts().size(), result.delivered(),
                last == null || last.statusCode() == 0 ? null : last.statusCode(), last == null ? "not sent" : last.error(),
                last == null ? clock.instant() : last.at()));
    }

    /** The Standard Webhooks payload: {type, timestamp, data}. */
    private String body(String type, ConversationEvent event) {
        ObjectNode root = JSON.createObjectNode();
        root.put("type", type);
        root.put("timestamp", event.occurredAt().toString());
        ObjectNode data = root.putObject("data");
        data.put("id", event.conversationId());
        data.put("status", event.status().wireName());
        ObjectNode processing = data.putObject("processing");
        processing.put("stage", event.processing().stage());
        processing.put("progress", event.processing().progress());
        processing.put("attempts", event.processing().attempts());
        if (event.processing().error() != null) {
            processing.put("error", event.processing().error());
        }
        return root.toString();
    }

    @Override
    public void close() {
        List<AutoCloseable> open = new ArrayList<>(watching.values());
        watching.clear();
        for (AutoCloseable subscription : open) {
            try {
                subscription.close();
            } catch (Exception e) {
                log.debug("Closing a webhook subscription failed", e);
            }
        }
        delivery.shutdown();
        try {
            delivery.awaitTermination(5, TimeUnit.SECONDS);
            // Deliveries hold no thread, so wait here for them to end and be logged.
            CompletableFuture.allOf(inFlight.keySet().toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException stillRetrying) {
            // logged below
        }
        for (Sending s : List.copyOf(inFlight.values())) {
            if (s.claim()) { // still waiting to retry: its end will not be logged any more
                recordStopped(s.webhook(), s.event(), s.type());
            }
        }
    }
}
