package harmony.core.pipeline;

import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The one place that decides whether a stage's failure is worth a retry, and what the user reads if not. */
final class Failures {
    /** Kinds that describe the input itself: trying again cannot help. */
    private static final Set<ErrorKind> PERMANENT_KINDS =
            EnumSet.of(ErrorKind.INVALID, ErrorKind.UNSUPPORTED_MEDIA, ErrorKind.TOO_LARGE);

    /** The user-readable reason when {@code failure} (or an exception it wraps) is permanent; empty when transient. */
    static Optional<String> permanentReason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PermanentStageFailure p) {
                return Optional.of(p.getMessage());
            }
            if (t instanceof HarmonyException h && PERMANENT_KINDS.contains(h.kind())) {
                return Optional.of(h.getMessage());
            }
        }
        return Optional.empty();
    }

    private Failures() {
    }
}
