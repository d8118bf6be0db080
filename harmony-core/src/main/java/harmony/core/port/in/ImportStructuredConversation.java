package harmony.core.port.in;

import harmony.core.domain.Conversation;
import harmony.core.ingest.ConversationForm;
import harmony.core.ingest.transcript.StructuredImport;

/** Import a chat log or message thread whose participants and timestamps are known. */
public interface ImportStructuredConversation {

    Conversation importStructured(Actor actor, ConversationForm form, StructuredImport conversation);
}
