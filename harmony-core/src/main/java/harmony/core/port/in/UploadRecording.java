package harmony.core.port.in;

import harmony.core.domain.Conversation;
import harmony.core.ingest.ConversationForm;

import java.io.IOException;
import java.io.InputStream;

/** Upload an audio or video file (up to 2 GB): stored, then transcribed and analysed. */
public interface UploadRecording {

    /**
     * Validates the form, then streams {@code content} through the media checks into storage and
     * creates the conversation, queued. On any failure nothing is created and nothing stays stored.
     */
    Conversation uploadRecording(Actor actor, ConversationForm form, String filename, InputStream content) throws IOException;
}
