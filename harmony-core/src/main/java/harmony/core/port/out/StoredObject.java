package harmony.core.port.out;

import static java.util.Objects.requireNonNull;

/** Bytes at rest in a {@link RecordingStore}: their key, exact size and SHA-256 (lower-case hex). */
public record StoredObject(String key, long sizeBytes, String sha256) {
    public StoredObject {
        requireNonNull(key, "key");
        if (sizeBytes < 0) {
            throw new IllegalArgumentException("sizeBytes must not be negative");
        }
    }
}
