package harmony.core.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where a conversation is in the pipeline. The legal moves are an explicit table: processing only
 * moves forward, may skip stages that do not apply, may fail from any working state, and a finished
 * conversation may be queued again (reprocess).
 */
public enum ProcessingStatus {
    QUEUED, DOWNLOADING, TRANSCRIBING, EXTRACTING, GENERATING_INSIGHTS, EVALUATING_GOALS, SCORING, COMPLETED, FAILED;

    /** The stages in pipeline order; a status may move to any later one (stages can be skipped). */
    private static final ProcessingStatus[] WORKING = {DOWNLOADING, TRANSCRIBING, EXTRACTING, GENERATING_INSIGHTS, EVALUATING_GOALS, SCORING};

    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED;
    }

    /** The statuses this one may legally move to. */
    public Set<ProcessingStatus> next() {
        return switch (this) {
            case COMPLETED, FAILED -> EnumSet.of(QUEUED);
            case SCORING -> EnumSet.of(COMPLETED, FAILED);
            default -> {
                EnumSet<ProcessingStatus> next = EnumSet.of(COMPLETED, FAILED);
                for (ProcessingStatus working : WORKING) {
                    if (working.ordinal() > ordinal()) {
                        next.add(working);
                    }
                }
                yield next;
            }
        };
    }

    public boolean canMoveTo(ProcessingStatus target) {
        return next().contains(target);
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProcessingStatus fromWireName(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
