package harmony.core.port.in;

import java.io.IOException;
import java.io.InputStream;

/** Play back a conversation's recording, whole or by byte range. */
public interface StreamRecording {

    /** Opens {@code length} bytes from {@code offset} ({@code length < 0}: to the end); NOT_FOUND without media. */
    RecordingStream openRecording(Actor actor, String conversationId, long offset, long length) throws IOException;

    /** The bytes asked for, the recording's total size and type. */
    record RecordingStream(InputStream content, long totalBytes, String mimeType, String filename) {
    }
}
