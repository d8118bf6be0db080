package harmony.adapters.http.api;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A token bucket per API key: {@code burst} requests at once, refilled at {@code perSecond}. */
final class RateLimiter {
    private final double perSecond;
    private final int burst;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(double perSecond, int burst, Clock clock) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
    }

    /** Takes a token for {@code key} if one is left; the decision carries the headers' numbers. */
    Decision acquire(String key) {
        return buckets.computeIfAbsent(key, k -> new Bucket(burst, clock.millis())).take();
    }

    int limit() {
        return burst;
    }

    record Decision(boolean allowed, int remaining, long resetSeconds, long retryAfterSeconds) {
    }

    private final class Bucket {
        private double tokens;
        private long lastMillis;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.lastMillis = now;
        }

        synchronized Decision take() {
            long now = clock.millis();
            tokens = Math.min(burst, tokens + (now - lastMillis) / 1000.0 * perSecond);
            lastMillis = now;
            boolean allowed = tokens >= 1;
            if (allowed) {
                tokens -= 1;
            }
            long reset = (long) Math.ceil((burst - tokens) / perSecond);
            long retryAfter = allowed ? 0 : Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
            return new Decision(allowed, (int) Math.floor(tokens), reset, retryAfter);
        }
    }
}
