package harmony.adapters.http.client;

import harmony.core.ingest.UrlRules;
import harmony.core.port.out.WebhookDeliveries;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.http.HttpMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link WebhookDeliveries} over HTTP: a JSON POST with the Standard Webhooks headers, signed afresh
 * for each attempt (same {@code webhook-id}, new {@code webhook-timestamp}). Behind the same
 * {@link PublicAddressGuard} as URL imports, so a subscriber cannot point Harmony at its private
 * network. Redirects are not followed. Network failures, timeouts, 408, 429 and 5xx are retried
 * with doubling waits; other answers are final. Attempts are asynchronous and waits are timers, so a
 * delivery holds no thread while its endpoint is slow or down, and delays no other delivery.
 */
public final class WebhookSender implements WebhookDeliveries, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

    private final PublicAddressGuard guard;
    private final WebhookSettings settings;
    private final Clock clock;
    private final Delays delays;
    private final HttpClient client;
    private volatile boolean closed;
    private final java.util.Set<InProgress> inProgress = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Waits between attempts on timers, timestamps from the system clock. */
    public WebhookSender(PublicAddressGuard guard, WebhookSettings settings) {
        this(guard, settings, Clock.systemUTC(), Delays.SYSTEM);
    }

    public WebhookSender(PublicAddressGuard guard, WebhookSettings settings, Clock clock, Delays delays) {
        this.guard = guard;
        this.settings = settings;
        this.clock = clock;
        this.delays = delays;
        this.client = OutboundHttp.guarded("harmony-webhooks", guard, settings.connectTimeout(), settings.attemptTimeout());
    }

    @Override
    public CompletableFuture<Delivery> deliver(Endpoint endpoint, Message message) {
        InProgress delivery = new InProgress(endpoint, message);
        inProgress.add(delivery);
        delivery.done.whenComplete((d, e) -> inProgress.remove(delivery));
        if (closed) {
            delivery.end();
        } else {
            attempt(delivery, 1);
        }
        return delivery.done;
    }

    /** One delivery's attempts so far; ended at its last attempt, or at once when the sender closes. */
    private static final class InProgress {
        final Endpoint endpoint;
        final Message message;
        private final List<Attempt> attempts = new ArrayList<>();
        final CompletableFuture<Delivery> done = new CompletableFuture<>();
        /** Between attempts, on a timer: nothing outstanding that could still be logged. */
        volatile boolean waiting;

        InProgress(Endpoint endpoint, Message message) {
            this.endpoint = endpoint;
            this.message = message;
        }

        synchronized void add(Attempt attempt) {
            attempts.add(attempt);
        }

        synchronized void end() {
            done.complete(new Delivery(attempts));
        }
    }

    /** Makes attempt {@code number}; when it fails and may be retried, schedules the next on a timer. */
    private void attempt(InProgress delivery, int number) {
        delivery.waiting = false;
        if (delivery.done.isDone()) {
            return; // ended by close() while it waited
        }
        attempt(delivery.endpoint, delivery.message, number).whenComplete((outcome, unexpected) -> {
            if (unexpected != null) {
                outcome = new Outcome(new Attempt(number, clock.instant(), 0, String.valueOf(unexpected)), false);
            }
            delivery.add(outcome.attempt());
            if (outcome.attempt().succeeded() || !outcome.retryable() || number == settings.maxAttempts() || closed) {
                if (!outcome.attempt().succeeded()) {
                    LOG.warn("webhook {} to {} failed after {} attempt(s): {}", delivery.message.id(), delivery.endpoint.url(),
                            number, outcome.attempt().error());
                }
                delivery.end();
                return;
            }
            try {
                delivery.waiting = true;
                delays.after(settings.backoffAfter(number)).execute(() -> attempt(delivery, number + 1));
            } catch (RuntimeException refused) { // shutting down
                delivery.end();
            }
        });
    }

    @Override
    public boolean acceptsEndpoint(URI url) {
        try {
            guard.resolve(UrlRules.host(UrlRules.parse(url.toString())));
            return true;
        } catch (RuntimeException | IOException e) {
            return false;
        }
    }

    private record Outcome(Attempt attempt, boolean retryable) {
    }

    private CompletableFuture<Outcome> attempt(Endpoint endpoint, Message message, int number) {
        Instant at = clock.instant();
        URI target;
        try {
            target = RequestTargets.of(UrlRules.parse(endpoint.url().toString()));
        } catch (RuntimeException | ForbiddenAddressException e) {
            return CompletableFuture.completedFuture(new Outcome(new Attempt(number, at, 0, "refused URL: " + e.getMessage()), false));
        }
        byte[] body = message.json().getBytes(StandardCharsets.UTF_8);
        long timestamp = at.getEpochSecond();
        Request request = client.newRequest(target)
                .method(HttpMethod.POST)
                .timeout(settings.attemptTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .headers(h -> h.put("webhook-id", message.id())
                        .put("webhook-timestamp", Long.toString(timestamp))
                        .put("webhook-signature", StandardWebhookSignature.sign(endpoint.secret(), message.id(), timestamp, body)))
                .body(new BytesRequestContent("application/json", body));
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        request.send(result -> outcome.complete(outcome(number, at, result))); // the answer's body is read and dropped
        return outcome;
    }

    private static Outcome outcome(int number, Instant at, Result result) {
        int status = result.getResponse() == null ? 0 : result.getResponse().getStatus();
        if (result.isFailed() && status == 0) {
            return failure(number, at, result.getFailure());
        }
        if (status >= 200 && status < 300) {
            return new Outcome(new Attempt(number, at, status, null), false);
        }
        boolean retryable = status == 408 || status == 429 || status >= 500;
        return new Outcome(new Attempt(number, at, status, "answered " + status), retryable);
    }

    private static Outcome failure(int number, Instant at, Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ForbiddenAddressException) {
                return new Outcome(new Attempt(number, at, 0, "refused: " + t.getMessage()), false);
            }
            if (t instanceof TimeoutException) {
                return new Outcome(new Attempt(number, at, 0, "timed out"), true);
            }
        }
        return new Outcome(new Attempt(number, at, 0, failure.toString()), true);
    }

    @Override
    public void close() {
        closed = true;
        // Deliveries waiting to retry end now with the attempts they made, rather than when a timer fires;
        // one with an attempt outstanding ends when stopping the client ends that attempt.
        inProgress.stream().filter(d -> d.waiting).forEach(InProgress::end);
        OutboundHttp.stop(client);
    }
}
