package harmony.core.domain;

import java.time.Instant;

/**
 * What the pipeline is doing to a conversation right now.
 *
 * @param stage     the stage running or last run, null before the first
 * @param progress  0..1 within the stage (transcription reports the fraction of audio processed)
 * @param startedAt when the current stage started
 * @param attempts  attempts of the current stage so far
 * @param error     a reason a user can read, set when the conversation failed
 */
public record Processing(String stage, double progress, Instant startedAt, int attempts, String error) {
    public static final Processing NONE = new Processing(null, 0, null, 0, null);

    public Processing {
        if (progress < 0 || progress > 1 || Double.isNaN(progress)) {
            throw new IllegalArgumentException("progress must be within 0..1: " + progress);
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative");
        }
    }
}
