package harmony.core.port.in;

import harmony.core.domain.Conversation;

import java.util.List;
import java.util.Map;

/** Fix a conversation's properties: team, owner, contact, medium, title, tags, custom fields. */
public interface UpdateConversation {

    /** Applies the non-null parts of {@code patch}, checked by the same rules as the upload form. */
    Conversation updateConversation(Actor actor, String conversationId, ConversationPatch patch);

    /** What to change; null leaves a property as it is. */
    record ConversationPatch(String teamId, String ownerId, String contactId, String medium, String title,
                             List<String> tags, Map<String, Object> customFields) {
    }
}
