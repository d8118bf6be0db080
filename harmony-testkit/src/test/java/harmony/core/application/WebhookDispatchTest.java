package harmony.core.application;

import harmony.core.domain.Processing;
import harmony.core.domain.ProcessingStatus;
import harmony.core.domain.Webhook;
import harmony.core.domain.WebhookDelivery;
import harmony.core.port.in.Actor;
import harmony.core.port.out.Ids;
import harmony.core.port.out.WebhookDeliveries;
import harmony.testkit.InMemoryConversationEvents;
import harmony.testkit.InMemoryWebhookSubscriptions;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deliveries hold no thread, so stopping the dispatcher must still log each one: those that end while
 * it stops with their outcome, those still waiting to retry as cut short. None stays an empty claim.
 */
class WebhookDispatchTest {
    private final Clock clock = Clock.systemUTC();
    private final InMemoryConversationEvents events = new InMemoryConversationEvents(clock);
    private final InMemoryWebhookSubscriptions subscriptions = new InMemoryWebhookSubscriptions();
    private final PendingDeliveries sender = new PendingDeliveries();
    private final Actor actor = new Actor("ws", "user");

    @Test
    void stoppingLogsEveryDeliveryInFlight() throws Exception {
        WebhookDispatch dispatch = new WebhookDispatch(subscriptions, sender, events, Ids.random(), clock);
        dispatch.start();
        Webhook endsWhileStopping = dispatch.createWebhook(actor, "https://hooks.example.com/a", Set.of(Webhook.STATUS));
        Webhook stillRetrying = dispatch.createWebhook(actor, "https://hooks.example.com/b", Set.of(Webhook.STATUS));
        events.publish("ws", "c1", ProcessingStatus.COMPLETED, Processing.NONE);
        awaitUntil(() -> sender.pending.size() == 2);

        CompletableFuture<WebhookDeliveries.Delivery> first = sender.pending.get(sender.urls.indexOf("https://hooks.example.com/a"));
        CompletableFuture.runAsync(() -> first.complete(new WebhookDeliveries.Delivery(
                List.of(new WebhookDeliveries.Attempt(1, Instant.now(), 204, null)))), CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));
        dispatch.close();

        WebhookDelivery ended = subscriptions.deliveries(endsWhileStopping.id(), 10).get(0);
        assertThat(ended.delivered()).isTrue();
        assertThat(ended.attempts()).isEqualTo(1);
        WebhookDelivery cut = subscriptions.deliveries(stillRetrying.id(), 10).get(0);
        assertThat(cut.delivered()).isFalse();
        assertThat(cut.error()).isEqualTo("Harmony stopped before it was delivered");
    }

    @Test
    void aDeliveryThatEndsAsTheDispatcherStopsIsLoggedWithItsOutcome() throws Exception {
        // The last delivery to end wakes close(); its own callback may not have run yet. Repeated, since
        // the order of the two is a race.
        for (int run = 0; run < 20; run++) {
            InMemoryWebhookSubscriptions subs = new InMemoryWebhookSubscriptions();
            PendingDeliveries pending = new PendingDeliveries();
            WebhookDispatch dispatch = new WebhookDispatch(subs, pending, events, Ids.random(), clock);
            dispatch.start();
            Webhook hook = dispatch.createWebhook(actor, "https://hooks.example.com/" + run, Set.of(Webhook.STATUS));
            events.publish("ws", "c" + run, ProcessingStatus.COMPLETED, Processing.NONE);
            awaitUntil(() -> pending.pending.size() == 1);
            CompletableFuture<WebhookDeliveries.Delivery> only = pending.pending.get(0);
            CompletableFuture.runAsync(() -> only.complete(new WebhookDeliveries.Delivery(
                    List.of(new WebhookDeliveries.Attempt(1, Instant.now(), 204, null)))), CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));

            dispatch.close();

            assertThat(subs.deliveries(hook.id(), 10)).as("run %d", run).singleElement()
                    .satisfies(d -> assertThat(d.delivered()).isTrue());
        }
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** Accepts every endpoint and leaves each delivery pending until the test completes it. */
    static final class PendingDeliveries implements WebhookDeliveries {
        final List<CompletableFuture<Delivery>> pending = new CopyOnWriteArrayList<>();
        final List<String> urls = new CopyOnWriteArrayList<>();

        @Override
        public synchronized CompletableFuture<Delivery> deliver(Endpoint endpoint, Message message) {
            CompletableFuture<Delivery> delivery = new CompletableFuture<>();
            urls.add(endpoint.url().toString());
            pending.add(delivery);
            return delivery;
        }

        @Override
        public boolean acceptsEndpoint(URI url) {
            return true;
        }
    }
}
