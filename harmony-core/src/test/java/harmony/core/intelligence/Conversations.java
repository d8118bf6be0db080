package harmony.core.intelligence;

import harmony.core.domain.Conversation;
import harmony.core.domain.Medium;
import harmony.core.domain.Source;
import harmony.core.domain.Speaker;
import harmony.core.domain.Transcript;
import harmony.core.domain.Turn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small conversations for tests: {@code Conversations.at("2026-03-11T15:00:00Z").user("Dana").contact("Marcus").say(…)}. */
public final class Conversations {
    private final Instant at;
    private final Map<String, Speaker> speakers = new LinkedHashMap<>();
    private final List<Turn> turns = new ArrayList<>();
    private String teamId = "sales";
    private List<String> tags = List.of();
    private Medium medium = Medium.CALL;
    private Map<String, Object> customFields = Map.of();

    private Conversations(Instant at) {
        this.at = at;
    }

    public static Conversations at(String instant) {
        return new Conversations(Instant.parse(instant));
    }

    public Conversations user(String name) {
        speakers.put(name, new Speaker(name, name, null, "u-" + name));
        return this;
    }

    public Conversations contact(String name) {
        speakers.put(name, new Speaker(name, name, "c-" + name, null));
        return this;
    }

    public Conversations unknown(String label) {
        speakers.put(label, Speaker.unnamed(label));
        return this;
    }

    public Conversations say(String who, String text) {
        turns.add(new Turn(who, 0, 0, text));
        return this;
    }

    public Conversations say(String who, long startMs, long endMs, String text) {
        turns.add(new Turn(who, startMs, endMs, text));
        return this;
    }

    public Conversations team(String id) {
        teamId = id;
        return this;
    }

    public Conversations tags(String... t) {
        tags = List.of(t);
        return this;
    }

    public Conversations medium(Medium m) {
        medium = m;
        return this;
    }

    public Conversations customFields(Map<String, Object> fields) {
        customFields = fields;
        return this;
    }

    public Conversation conversation() {
        return new Conversation.Builder().id("conv-1").workspaceId("ws1").reference("HMY-TEST01").title("Test")
                .source(Source.TRANSCRIPT_PASTE).medium(medium).teamId(teamId).contactId("c1").ownerId("u1")
                .tags(tags).customFields(customFields).occurredAt(at).createdAt(at).updatedAt(at).build();
    }

    public Transcript transcript() {
        return new Transcript(List.copyOf(speakers.values()), turns);
    }

    public ConversationContext context() {
        return ConversationContext.of(conversation(), transcript());
    }
}
