package harmony.core.pipeline;

import harmony.core.domain.ProcessingStatus;

import java.time.Duration;

/** The reasons a user reads when processing fails ({@code processing.error}), kept in one place. */
public final class PipelineMessages {
    public static final String RECORDING_MISSING = "The recording could not be found. Upload it again.";
    public static final String SOURCE_URL_MISSING = "The import has no URL to download.";
    public static final String STILL_PROCESSING = "The conversation is still being processed.";

    /** The product's name for the step a status stands for: "Transcription", "Insight generation", … */
    public static String stepName(ProcessingStatus status) {
        return switch (status) {
            case QUEUED -> "Queued";
            case DOWNLOADING -> "Download";
            case TRANSCRIBING -> "Transcription";
            case EXTRACTING -> "Extraction";
            case GENERATING_INSIGHTS -> "Insight generation";
            case EVALUATING_GOALS -> "Goal evaluation";
            case SCORING -> "Scoring";
            case COMPLETED -> "Completed";
            case FAILED -> "Failed";
        };
    }

    /** A stage kept failing for reasons a retry might have fixed. */
    public static String gaveUp(ProcessingStatus status, int attempts) {
        return stepName(status) + " did not succeed after " + attempts + (attempts == 1 ? " attempt" : " attempts")
                + ". Reprocess the conversation to try again.";
    }

    /** Nothing moved for longer than the stuck limit. */
    public static String stuck(ProcessingStatus status, Duration limit) {
        String where = status == ProcessingStatus.QUEUED ? "waited in the queue" : "stayed at " + stepName(status).toLowerCase(java.util.Locale.ROOT);
        return "Processing " + where + " for more than " + minutes(limit)
                + " and was stopped. Reprocess the conversation to try again.";
    }

    private static String minutes(Duration d) {
        long m = d.toMinutes();
        if (m >= 1) {
            return m + (m == 1 ? " minute" : " minutes");
        }
        long s = d.toSeconds();
        return s + (s == 1 ? " second" : " seconds");
    }

    private PipelineMessages() {
    }
}
