package harmony.core.port.out;

import java.util.regex.Pattern;

/**
 * The one rule for {@link RecordingStore} keys, shared by every store: slash-separated segments of
 * letters, digits, {@code . _ -}, none empty and none starting with a dot. So a key is never absolute,
 * never climbs out ({@code ..}), carries no encoded tricks ({@code %2e}) and never collides with a
 * store's own hidden files (temp files, checksums, upload parts all start with a dot).
 */
public final class StorageKeys {
    /** Long enough for any key Harmony mints, short enough to fit a file name once encoded. */
    public static final int MAX_LENGTH = 200;

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

    private StorageKeys() {
    }

    /** Where a conversation's recording is kept, uploaded or downloaded: one key per conversation. */
    public static String recording(String workspaceId, String conversationId) {
        return requireValid("recordings/" + workspaceId + "/" + conversationId);
    }

    /** Returns {@code key} when it keeps the rule, else throws {@link IllegalArgumentException}. */
    public static String requireValid(String key) {
        if (key == null || key.isEmpty() || key.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Storage key must be 1.." + MAX_LENGTH + " characters: " + key);
        }
        for (String segment : key.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("Storage key is not a safe relative path: " + key);
            }
        }
        return key;
    }
}
