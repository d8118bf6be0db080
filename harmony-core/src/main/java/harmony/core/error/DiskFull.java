package harmony.core.error;

import java.util.List;

/**
 * Recognises a failure caused by a full disk: ENOSPC, a user's quota (EDQUOT), or the process's file-size
 * limit (EFBIG), wherever it surfaces (a file write, an embedded database's file). Java reports these only
 * as an {@link java.io.IOException} whose message is the operating system's text, so the texts are what is
 * matched (the C library's English ones, and Windows' ERROR_DISK_FULL); a localised C library's would slip
 * through as a plain I/O error. Adapters turn a match into {@link ErrorKind#INSUFFICIENT_STORAGE}.
 */
public final class DiskFull {
    private static final List<String> REASONS = List.of(
            "No space left on device", "Disk quota exceeded", "File too large", "There is not enough space on the disk");

    /** True when {@code failure} or one of its causes is a full disk. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && REASONS.stream().anyMatch(message::contains)) {
                return true;
            }
        }
        return false;
    }

    private DiskFull() {
    }
}
