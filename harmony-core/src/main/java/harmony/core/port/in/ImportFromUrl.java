package harmony.core.port.in;

import harmony.core.domain.Conversation;
import harmony.core.ingest.ConversationForm;

/** Import a recording hosted at a public URL; the server downloads it as the first pipeline stage. */
public interface ImportFromUrl {

    /** Checks the URL now (format, public accessibility) and creates the conversation, queued for download. */
    Conversation importFromUrl(Actor actor, String url, ConversationForm form);
}
