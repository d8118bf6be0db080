package harmony.adapters.filesystem;

import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.error.UserMessages;

/** A write that failed because the disk is full, as the error callers (and, through the API, users) see. */
final class DiskFull {

    static boolean causedBy(Throwable failure) {
        return harmony.core.error.DiskFull.causedBy(failure);
    }

    /** 507 through the API, with the product's message. */
    static HarmonyException error(Throwable cause) {
        return new HarmonyException(ErrorKind.INSUFFICIENT_STORAGE, UserMessages.STORAGE_FULL, cause);
    }

    private DiskFull() {
    }
}
