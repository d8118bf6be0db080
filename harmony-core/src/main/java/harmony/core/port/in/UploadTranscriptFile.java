package harmony.core.port.in;

import harmony.core.domain.Conversation;
import harmony.core.ingest.ConversationForm;

import java.io.IOException;
import java.io.InputStream;

/** Upload a transcript file (JSON from Harmony or another tool, SRT, WebVTT, text), at most 10 MB. */
public interface UploadTranscriptFile {

    Conversation uploadTranscriptFile(Actor actor, ConversationForm form, String filename, InputStream content) throws IOException;
}
