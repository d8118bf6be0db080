package harmony.core.pipeline;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * How the pipeline runs.
 *
 * @param mediaWorkers       threads for the media lane (they also help with text jobs when idle)
 * @param textWorkers        threads only for the text lane, so pasted transcripts never wait behind recordings
 * @param leaseDuration      how long a job stays with a worker that stopped heartbeating before another takes it over
 * @param heartbeatInterval  how often a working worker extends its leases; well under {@code leaseDuration}
 * @param pollInterval       how long an idle worker waits before asking the queue again (new local work wakes it at once)
 * @param stuckAfter         the longest a conversation may stay in one status before it is failed with a reason
 * @param stuckCheckInterval how often to look for stuck conversations
 * @param progressStep       the least progress change worth a stored update and an event
 */
public record PipelineSettings(int mediaWorkers, int textWorkers, Duration leaseDuration, Duration heartbeatInterval,
                               Duration pollInterval, RetryPolicy retry, Duration stuckAfter,
                               Duration stuckCheckInterval, double progressStep) {
    public static final PipelineSettings DEFAULT = new PipelineSettings(2, 2, Duration.ofMinutes(2),
            Duration.ofSeconds(20), Duration.ofMillis(500), RetryPolicy.DEFAULT, Duration.ofMinutes(30),
            Duration.ofMinutes(1), 0.01);

    public PipelineSettings {
        requireNonNull(leaseDuration, "leaseDuration");
        requireNonNull(heartbeatInterval, "heartbeatInterval");
        requireNonNull(pollInterval, "pollInterval");
        requireNonNull(retry, "retry");
        requireNonNull(stuckAfter, "stuckAfter");
        requireNonNull(stuckCheckInterval, "stuckCheckInterval");
        if (mediaWorkers < 0 || textWorkers < 0 || mediaWorkers + textWorkers == 0) {
            throw new IllegalArgumentException("need at least one worker and no negative counts");
        }
        if (heartbeatInterval.compareTo(leaseDuration) >= 0 || heartbeatInterval.isZero() || heartbeatInterval.isNegative()) {
            throw new IllegalArgumentException("heartbeatInterval must be positive and shorter than leaseDuration");
        }
        if (pollInterval.isZero() || pollInterval.isNegative() || stuckCheckInterval.isZero() || stuckCheckInterval.isNegative()) {
            throw new IllegalArgumentException("intervals must be positive");
        }
        if (stuckAfter.compareTo(leaseDuration) <= 0) {
            throw new IllegalArgumentException("stuckAfter must be longer than leaseDuration");
        }
        if (!(progressStep > 0 && progressStep <= 1)) {
            throw new IllegalArgumentException("progressStep must be within (0, 1]");
        }
    }

    public PipelineSettings withWorkers(int media, int text) {
        return new PipelineSettings(media, text, leaseDuration, heartbeatInterval, pollInterval, retry, stuckAfter,
                stuckCheckInterval, progressStep);
    }

    public PipelineSettings withLease(Duration lease, Duration heartbeat) {
        return new PipelineSettings(mediaWorkers, textWorkers, lease, heartbeat, pollInterval, retry, stuckAfter,
                stuckCheckInterval, progressStep);
    }

    public PipelineSettings withPollInterval(Duration poll) {
        return new PipelineSettings(mediaWorkers, textWorkers, leaseDuration, heartbeatInterval, poll, retry, stuckAfter,
                stuckCheckInterval, progressStep);
    }

    public PipelineSettings withRetry(RetryPolicy policy) {
        return new PipelineSettings(mediaWorkers, textWorkers, leaseDuration, heartbeatInterval, pollInterval, policy,
                stuckAfter, stuckCheckInterval, progressStep);
    }

    public PipelineSettings withStuckAfter(Duration after, Duration checkEvery) {
        return new PipelineSettings(mediaWorkers, textWorkers, leaseDuration, heartbeatInterval, pollInterval, retry,
                after, checkEvery, progressStep);
    }

    public PipelineSettings withProgressStep(double step) {
        return new PipelineSettings(mediaWorkers, textWorkers, leaseDuration, heartbeatInterval, pollInterval, retry,
                stuckAfter, stuckCheckInterval, step);
    }
}
