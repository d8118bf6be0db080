package harmony.adapters.jdbc;

import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** Where the next page starts: after the last item's creation time and id (newest first). */
record PageCursor(Instant createdAt, String id) {
    static final String INVALID = "The cursor is not valid.";

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    static PageCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
            return new PageCursor(Instant.parse(parts[0]), parts[1]);
        } catch (RuntimeException e) {
            throw new HarmonyException(ErrorKind.MALFORMED, INVALID, e);
        }
    }
}
