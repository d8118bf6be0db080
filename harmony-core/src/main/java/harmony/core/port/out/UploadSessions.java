package harmony.core.port.out;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;

/**
 * Resumable browser uploads in parts (the API's {@code /v1/uploads}). A session is opened for a declared
 * file, the client sends each part to its target (a presigned S3 URL, or the API's own part path, which
 * lands in {@link #putPart}), may ask which parts arrived to resume after a dropped connection, and
 * completes or aborts. Completion assembles the parts into one object under the session's key in the
 * {@link RecordingStore} that shares this storage; the caller re-checks size and type on those stored
 * bytes through that store and deletes the object if they fail. Sessions keep their own metadata.
 * Unknown, finished, aborted and expired sessions all answer "Upload was not found."
 */
public interface UploadSessions {

    /** Opens a session; nothing is stored until parts arrive. */
    UploadSession create(NewUpload upload) throws IOException;

    /** The session with the parts received so far and fresh part targets; empty once it is gone. */
    Optional<UploadSession> find(String uploadId) throws IOException;

    /**
     * Stores part {@code partNumber} (1-based) from {@code content}, which must hold exactly the part's
     * expected size ({@link UploadSession#partSize(int)}); sending a part again replaces it. A failing
     * stream leaves the part absent and propagates unchanged.
     */
    ReceivedPart putPart(String uploadId, int partNumber, InputStream content) throws IOException;

    /** Assembles every part under the session's key and ends the session; fails while parts are missing. */
    StoredObject complete(String uploadId) throws IOException;

    /** Ends the session and frees its parts; aborting a session that is gone is not an error. */
    void abort(String uploadId) throws IOException;

    /** Aborts every session that expired before {@code now}; returns how many it freed. */
    int cleanupExpired(Instant now) throws IOException;

    /**
     * What the client declared; the bytes will be stored under {@code key}. {@code owner} says who may see
     * the session (e.g. the workspace id): callers compare it and answer "not found" to anyone else.
     */
    record NewUpload(String owner, String key, String filename, long sizeBytes, String contentType) {
        public NewUpload {
            java.util.Objects.requireNonNull(owner, "owner");
            StorageKeys.requireValid(key);
            if (sizeBytes <= 0) {
                throw new IllegalArgumentException("An upload session needs a positive size; check emptiness first");
            }
        }
    }

    /** Where and how the client sends one part. */
    record PartTarget(int partNumber, URI url, String method) {
    }

    /** A part that arrived whole. */
    record ReceivedPart(int partNumber, long sizeBytes) {
    }
}
