package harmony.core.application;

/** Where a conversation's media is stored: under its workspace, named by the conversation id. */
public final class RecordingKeys {

    public static String forConversation(String workspaceId, String conversationId) {
        return "recordings/" + workspaceId + "/" + conversationId;
    }

    private RecordingKeys() {
    }
}
