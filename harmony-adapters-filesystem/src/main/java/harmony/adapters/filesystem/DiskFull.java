package harmony.adapters.filesystem;

import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.error.UserMessages;

import java.util.List;

/**
 * Recognises a write that failed because the disk is full: ENOSPC, a user's quota (EDQUOT), or the
 * process's file-size limit (EFBIG). Java reports them only as an {@link java.io.IOException} whose message
 * is the operating system's text, so the texts are what is matched (the C library's English ones, and
 * Windows' ERROR_DISK_FULL); a localised C library would slip through as a plain I/O error.
 */
final class DiskFull {
    private static final List<String> REASONS = List.of(
            "No space left on device", "Disk quota exceeded", "File too large", "There is not enough space on the disk");

    static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && REASONS.stream().anyMatch(message::contains)) {
                return true;
            }
        }
        return false;
    }

    /** The error a caller (and, through the HTTP API, a user) sees: 507 with the product's message. */
    static HarmonyException error(Throwable cause) {
        return new HarmonyException(ErrorKind.INSUFFICIENT_STORAGE, UserMessages.STORAGE_FULL, cause);
    }

    private DiskFull() {
    }
}
