package harmony.core.domain;

import static java.util.Objects.requireNonNull;

/**
 * A stored media file.
 *
 * @param storageKey where the bytes live in the recording store
 * @param mimeType   sniffed from the bytes, never taken from the client
 * @param durationMs known after decoding, else null
 * @param sha256     hex digest of the stored bytes, when the store computed one
 */
public record Recording(String storageKey, String filename, long sizeBytes, String mimeType, Long durationMs, String sha256) {
    public Recording {
        requireNonNull(storageKey, "storageKey");
        requireNonNull(mimeType, "mimeType");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must not be negative");
        }
    }

    public Recording withDurationMs(long duration) {
        return new Recording(storageKey, filename, sizeBytes, mimeType, duration, sha256);
    }
}
