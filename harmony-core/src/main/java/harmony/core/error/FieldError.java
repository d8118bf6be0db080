package harmony.core.error;

import static java.util.Objects.requireNonNull;

/** One problem with one form field. */
public record FieldError(String field, String message) {
    public FieldError {
        requireNonNull(field, "field");
        requireNonNull(message, "message");
    }
}
