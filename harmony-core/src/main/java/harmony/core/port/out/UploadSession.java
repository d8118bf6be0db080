package harmony.core.port.out;

import java.time.Instant;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * An open browser upload: who owns it, the declared file cut into {@code partCount} parts of
 * {@code partSize} bytes (the last one shorter), where to send each, which have arrived, and when the
 * session expires.
 */
public record UploadSession(String uploadId, String owner, String key, String filename, String contentType, long sizeBytes,
                            long partSize, Instant expiresAt, List<UploadSessions.PartTarget> targets,
                            List<UploadSessions.ReceivedPart> received) {

    /** S3's ceiling, kept by every store so that sessions move between stores unchanged. */
    public static final int MAX_PARTS = 10_000;

    public UploadSession {
        requireNonNull(uploadId, "uploadId");
        requireNonNull(owner, "owner");
        requireNonNull(key, "key");
        requireNonNull(expiresAt, "expiresAt");
        if (sizeBytes <= 0 || partSize <= 0) {
            throw new IllegalArgumentException("sizeBytes and partSize must be positive");
        }
        targets = List.copyOf(targets);
        received = List.copyOf(received);
    }

    public int partCount() {
        return partCount(sizeBytes, partSize);
    }

    /** The exact size part {@code partNumber} (1-based) must have. */
    public long partSize(int partNumber) {
        if (partNumber < 1 || partNumber > partCount()) {
            throw new IllegalArgumentException("Part " + partNumber + " is outside 1.." + partCount());
        }
        return Math.min(partSize, sizeBytes - (partNumber - 1) * partSize);
    }

    public static int partCount(long sizeBytes, long partSize) {
        return (int) ((sizeBytes + partSize - 1) / partSize);
    }

    /** The smallest part size at least {@code preferred} that keeps the part count within {@link #MAX_PARTS}. */
    public static long partSizeFor(long sizeBytes, long preferred) {
        long least = (sizeBytes + MAX_PARTS - 1) / MAX_PARTS;
        return Math.max(preferred, least);
    }
}
