package harmony.adapters.http.client;

import java.io.IOException;

/**
 * The model server answered, but not with something usable: a refused request (4xx), a malformed
 * or truncated answer, a refusal. Asking again the same way will not help.
 */
public final class ChatCompletionsException extends IOException {

    public ChatCompletionsException(String message) {
        super(message);
    }

    public ChatCompletionsException(String message, Throwable cause) {
        super(message, cause);
    }
}
