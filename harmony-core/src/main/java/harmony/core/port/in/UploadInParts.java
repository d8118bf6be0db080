package harmony.core.port.in;

import harmony.core.domain.Conversation;
import harmony.core.ingest.ConversationForm;
import harmony.core.port.out.UploadSession;
import harmony.core.port.out.UploadSessions.ReceivedPart;

import java.io.IOException;
import java.io.InputStream;

/**
 * Large files from a browser, in parts with progress, resumable after a dropped connection. The size
 * and type rules are the single-request upload's, checked when the session opens (declared values) and
 * again on the stored bytes at completion.
 */
public interface UploadInParts {

    UploadSession startUpload(Actor actor, String filename, long sizeBytes, String contentType) throws IOException;

    /** The session with the parts received so far; NOT_FOUND once it is gone or for another workspace. */
    UploadSession uploadStatus(Actor actor, String uploadId) throws IOException;

    ReceivedPart putPart(Actor actor, String uploadId, int partNumber, InputStream content) throws IOException;

    /** Assembles the parts, checks them, and creates the conversation with the form's fields. */
    Conversation completeUpload(Actor actor, String uploadId, ConversationForm form) throws IOException;

    void abortUpload(Actor actor, String uploadId) throws IOException;
}
