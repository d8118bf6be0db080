package harmony.core.pipeline;

/**
 * A stage failed in a way no retry can fix. The message is shown to the user as the reason the
 * conversation failed, so it must be readable and free of internals.
 */
public class PermanentStageFailure extends RuntimeException {
    public PermanentStageFailure(String userMessage) {
        super(userMessage);
    }

    public PermanentStageFailure(String userMessage, Throwable cause) {
        super(userMessage, cause);
    }
}
