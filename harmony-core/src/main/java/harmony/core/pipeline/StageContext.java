package harmony.core.pipeline;

import harmony.core.domain.Conversation;
import harmony.core.port.out.ProgressListener;

import static java.util.Objects.requireNonNull;

/**
 * What a running stage gets: the conversation as stored when the stage started, which attempt this is
 * (from 1), and where to report progress 0..1. Reporting progress also checks for cancellation: it
 * throws {@link java.util.concurrent.CancellationException} once the work was cancelled (the conversation
 * was deleted, or this worker lost its job), so long stages should report often.
 */
public record StageContext(Conversation conversation, int attempt, ProgressListener progress) {
    public StageContext {
        requireNonNull(conversation, "conversation");
        requireNonNull(progress, "progress");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts start at 1");
        }
    }
}
