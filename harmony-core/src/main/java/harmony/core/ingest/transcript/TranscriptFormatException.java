package harmony.core.ingest.transcript;

import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;

/**
 * A transcript that cannot be read as it claims to be. The message names the place (a line, or a
 * JSON path) and the reason, e.g. {@code line 12: timestamp 00:61:00 is not valid}.
 */
public final class TranscriptFormatException extends HarmonyException {

    public TranscriptFormatException(String message) {
        super(ErrorKind.INVALID, message);
    }

    /** {@code line 12: reason}. */
    public static TranscriptFormatException atLine(int line, String reason) {
        return new TranscriptFormatException("line " + line + ": " + reason);
    }

    /** {@code turns[3].startMs: reason}. */
    public static TranscriptFormatException at(String place, String reason) {
        return new TranscriptFormatException(place + ": " + reason);
    }
}
