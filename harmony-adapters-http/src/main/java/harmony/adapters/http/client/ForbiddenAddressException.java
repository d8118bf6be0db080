package harmony.adapters.http.client;

import java.io.IOException;

/** The host is, or resolves to, an address Harmony never connects to on a user's behalf. */
public final class ForbiddenAddressException extends IOException {

    public ForbiddenAddressException(String message) {
        super(message);
    }
}
