package harmony.core.port.out;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static java.util.Objects.requireNonNull;

/**
 * Sends one event to one subscriber's endpoint, signed per the Standard Webhooks scheme and retried
 * with backoff while the failure may pass. Never to a private address. Never fails for the
 * subscriber's faults (down, slow, refusing): the delivery is the log of what happened.
 */
public interface WebhookDeliveries {

    /**
     * Returns at once; completes when the event was delivered or given up on. No thread waits for
     * a slow endpoint or between attempts, so an endpoint that is down delays no other delivery.
     */
    CompletableFuture<Delivery> deliver(Endpoint endpoint, Message message);

    /**
     * Whether a subscriber's URL could receive deliveries at all (http or https, a host that resolves
     * only to public addresses), checked without sending anything: lets a subscription with a
     * private URL be refused when it is made. Delivery checks again every time.
     */
    boolean acceptsEndpoint(URI url);

    /** Where to send and how to sign: the subscriber's URL and its secret ({@code whsec_} + base64). */
    record Endpoint(URI url, String secret) {
        public Endpoint {
            requireNonNull(url, "url");
            requireNonNull(secret, "secret");
        }

        @Override
        public String toString() {
            return "Endpoint[url=" + url + ", secret=***]";
        }
    }

    /**
     * One event as sent: its id (the {@code webhook-id}, the same on every attempt, so receivers can
     * drop duplicates) and the JSON body, byte for byte what is signed.
     */
    record Message(String id, String json) {
        public Message {
            requireNonNull(id, "id");
            requireNonNull(json, "json");
        }
    }

    /** Every attempt made, in order; delivered when the last one succeeded. */
    record Delivery(List<Attempt> attempts) {
        public Delivery {
            attempts = List.copyOf(attempts);
        }

        public boolean delivered() {
            return !attempts.isEmpty() && attempts.get(attempts.size() - 1).succeeded();
        }
    }

    /**
     * One try: its number (from 1), when it started, the HTTP status the endpoint answered (0 when
     * none came), and what went wrong (null on success).
     */
    record Attempt(int number, Instant at, int statusCode, String error) {
        public boolean succeeded() {
            return error == null;
        }
    }
}
