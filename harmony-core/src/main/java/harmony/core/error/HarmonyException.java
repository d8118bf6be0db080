package harmony.core.error;

import java.util.List;

/**
 * An error whose message is safe and useful to show a user as is. Anything else that escapes
 * Harmony is a bug and is reported without its details.
 */
public class HarmonyException extends RuntimeException {
    private final ErrorKind kind;
    private final transient List<FieldError> fieldErrors;

    public HarmonyException(ErrorKind kind, String userMessage) {
        this(kind, userMessage, List.of(), null);
    }

    public HarmonyException(ErrorKind kind, String userMessage, Throwable cause) {
        this(kind, userMessage, List.of(), cause);
    }

    public HarmonyException(ErrorKind kind, String userMessage, List<FieldError> fieldErrors, Throwable cause) {
        super(userMessage, cause);
        this.kind = kind;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public ErrorKind kind() {
        return kind;
    }

    /** Per-field problems, empty unless this is a form validation error. */
    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    public static HarmonyException notFound(String what) {
        return new HarmonyException(ErrorKind.NOT_FOUND, what + " was not found.");
    }

    public static HarmonyException unsupportedMedia() {
        return new HarmonyException(ErrorKind.UNSUPPORTED_MEDIA, UserMessages.NOT_AUDIO_OR_VIDEO);
    }

    public static HarmonyException tooLarge(long limitBytes) {
        return new HarmonyException(ErrorKind.TOO_LARGE, UserMessages.maximumFileSize(limitBytes));
    }

    public static HarmonyException invalidUrl() {
        return new HarmonyException(ErrorKind.MALFORMED, UserMessages.INVALID_URL);
    }

    public static HarmonyException urlNotAccessible() {
        return new HarmonyException(ErrorKind.INVALID, UserMessages.URL_NOT_ACCESSIBLE);
    }

    /** The form's one summary: missing required fields win, else the highlighted ones need fixing. */
    public static HarmonyException invalidForm(List<FieldError> errors, boolean anyRequiredMissing) {
        return new HarmonyException(ErrorKind.INVALID,
                anyRequiredMissing ? UserMessages.REQUIRED_FIELDS_MISSING : UserMessages.FIELDS_INVALID, errors, null);
    }
}
