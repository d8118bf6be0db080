package harmony.core.port.in;

/** Remove a conversation: its work is cancelled, its record and its stored media removed. */
public interface DeleteConversation {

    void deleteConversation(Actor actor, String conversationId);
}
