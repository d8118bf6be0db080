package harmony.core.pipeline;

import harmony.core.domain.Conversation;
import harmony.core.domain.ProcessingStatus;

import java.util.function.Predicate;

import static java.util.Objects.requireNonNull;

/**
 * One step of processing: download, transcription, extraction, insight generation, goal evaluation,
 * scoring. A stage writes its output through its own ports and must be idempotent: running it again
 * replaces its output, never adds to it (the engine reruns a stage after a crash or a retry).
 *
 * <p>Failures: throw {@link PermanentStageFailure}, or a {@link harmony.core.error.HarmonyException} of
 * kind INVALID, UNSUPPORTED_MEDIA or TOO_LARGE, for what no retry can fix (the message is shown to the
 * user); anything else is retried with backoff.
 */
public interface Stage {

    /** A stable name, stored on jobs and shown as {@code processing.stage}: e.g. {@code transcription}. */
    String name();

    /** The conversation's status while this stage runs. */
    ProcessingStatus status();

    /** Whether the conversation needs this stage; a stage that does not apply is skipped without a trace. */
    default boolean appliesTo(Conversation conversation) {
        return true;
    }

    void run(StageContext context) throws Exception;

    /** The body of a stage built with {@link #of}. */
    @FunctionalInterface
    interface Body {
        void run(StageContext context) throws Exception;
    }

    /** A stage from parts, for adapting logic that lives elsewhere (intelligence, tests). */
    static Stage of(String name, ProcessingStatus status, Predicate<Conversation> appliesTo, Body body) {
        requireNonNull(name, "name");
        requireNonNull(status, "status");
        requireNonNull(appliesTo, "appliesTo");
        requireNonNull(body, "body");
        return new Stage() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public ProcessingStatus status() {
                return status;
            }

            @Override
            public boolean appliesTo(Conversation conversation) {
                return appliesTo.test(conversation);
            }

            @Override
            public void run(StageContext context) throws Exception {
                body.run(context);
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    /** A stage that applies to every conversation. */
    static Stage of(String name, ProcessingStatus status, Body body) {
        return of(name, status, c -> true, body);
    }
}
