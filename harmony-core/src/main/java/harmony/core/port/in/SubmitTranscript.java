package harmony.core.port.in;

import harmony.core.domain.Conversation;
import harmony.core.ingest.ConversationForm;

/** Paste a transcript as text: no transcription step, straight to insights and action items. */
public interface SubmitTranscript {

    /** Plain text is never refused for lacking structure; speaker lines and SRT/WebVTT cues are recognised. */
    Conversation submitTranscript(Actor actor, ConversationForm form, String text);
}
