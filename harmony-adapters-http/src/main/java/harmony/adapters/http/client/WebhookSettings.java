package harmony.adapters.http.client;

import java.time.Duration;

/**
 * How webhook deliveries are attempted.
 *
 * @param connectTimeout to open a connection to the endpoint
 * @param attemptTimeout one attempt from connect to the last byte of the answer
 * @param maxAttempts    attempts in all, the first included
 * @param firstBackoff   the wait before the second attempt; each later wait doubles
 * @param maxBackoff     the longest single wait
 */
public record WebhookSettings(Duration connectTimeout, Duration attemptTimeout, int maxAttempts,
                              Duration firstBackoff, Duration maxBackoff) {

    public WebhookSettings {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
    }

    /** Five attempts over about a minute (5 s, 10 s, 20 s, 40 s apart); the endpoint answers within 10 s. */
    public static WebhookSettings defaults() {
        return new WebhookSettings(Duration.ofSeconds(5), Duration.ofSeconds(10), 5, Duration.ofSeconds(5), Duration.ofMinutes(1));
    }

    /** The wait after attempt {@code number} (1-based) failed. */
    Duration backoffAfter(int number) {
        Duration wait = firstBackoff.multipliedBy(1L << Math.min(number - 1, 30));
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
