package harmony.adapters.http.api;

import harmony.core.error.ErrorKind;
import harmony.core.error.FieldError;
import harmony.core.error.HarmonyException;

import java.util.List;

/** Query-parameter parsing with the client's mistakes reported as 400s that name the parameter. */
final class Params {

    static int intParam(String raw, int fallback, int min, int max, String name) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(raw.trim());
            if (v < min || v > max) {
                throw bad(name, "Use a number from " + min + " to " + max + ".");
            }
            return v;
        } catch (NumberFormatException e) {
            throw bad(name, "Use a number from " + min + " to " + max + ".");
        }
    }

    static HarmonyException bad(String name, String message) {
        return new HarmonyException(ErrorKind.MALFORMED, "The parameter " + name + " is not valid: " + message,
                List.of(new FieldError(name, message)), null);
    }

    private Params() {
    }
}
