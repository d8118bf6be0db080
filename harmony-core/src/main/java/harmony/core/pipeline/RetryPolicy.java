package harmony.core.pipeline;

import java.time.Duration;
import java.util.random.RandomGenerator;

import static java.util.Objects.requireNonNull;

/**
 * How often a stage is tried before its conversation fails, and how long to wait between tries:
 * exponential backoff from {@code initialDelay}, capped at {@code maxDelay}, of which a random share up
 * to {@code jitter} is taken off so that many failures at once do not retry in lockstep.
 *
 * @param maxAttempts attempts of one stage, counting the first, including those a dying worker cut short
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, double jitter) {
    /**
     * Eight tries, 2 s doubling to 128 s between them: a stage keeps trying for two to four minutes (the
     * jitter decides), so a dependency's restart or an outage of a couple of minutes (S3, the database, a
     * model server) delays a conversation instead of failing it.
     */
    public static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofSeconds(2), Duration.ofMinutes(5), 0.5);

    public RetryPolicy {
        requireNonNull(initialDelay, "initialDelay");
        requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay");
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be within 0..1");
        }
    }

    /** Whether another attempt follows attempt number {@code attempt} (from 1). */
    public boolean allowsAnotherAfter(int attempt) {
        return attempt < maxAttempts;
    }

    /** The wait after attempt number {@code attempt} (from 1) failed. */
    public Duration delayAfter(int attempt, RandomGenerator random) {
        long initial = initialDelay.toMillis();
        long max = maxDelay.toMillis();
        int doublings = Math.min(Math.max(attempt - 1, 0), 62);
        long full = initial > (max >> doublings) ? max : Math.min(max, initial << doublings);
        long taken = (long) (full * jitter * random.nextDouble());
        return Duration.ofMillis(full - taken);
    }
}
