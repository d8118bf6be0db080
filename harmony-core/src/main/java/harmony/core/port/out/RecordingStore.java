package harmony.core.port.out;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Where recordings' bytes live: a filesystem folder, an S3 bucket. */
public interface RecordingStore {

    /**
     * Streams {@code content} to {@code key} with bounded memory whatever its length. Either the
     * whole stream is stored and its {@link StoredObject} returned, or — when reading the stream or
     * writing fails — nothing is left behind and the failure propagates unchanged (so a validation
     * error raised by the stream reaches the caller as itself).
     */
    StoredObject put(String key, InputStream content) throws IOException;

    /** Opens {@code length} bytes from {@code offset}; {@code length < 0} reads to the end. */
    InputStream open(String key, long offset, long length) throws IOException;

    default InputStream open(String key) throws IOException {
        return open(key, 0, -1);
    }

    Optional<StoredObject> stat(String key) throws IOException;

    /** Removes the object; removing a missing key is not an error. */
    void delete(String key) throws IOException;
}
