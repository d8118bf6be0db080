package harmony.core.ingest.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import harmony.core.domain.Speaker;
import harmony.core.domain.Transcript;

import java.util.HashSet;
import java.util.Set;

/**
 * Harmony's own transcript JSON (schema: {@code harmony/transcript.schema.json}):
 * {@code {"participants":[{"id","name","email","kind"}], "turns":[{"speaker","startMs","endMs","text"}]}}.
 * A turn's {@code speaker} names a participant id; without participants, speakers are the labels
 * the turns give.
 */
final class HarmonyTranscriptJson implements TranscriptJson {
    private static final Set<String> KINDS = Set.of("contact", "user", "external");

    @Override
    public String name() {
        return "harmony";
    }

    @Override
    public boolean recognises(JsonNode root) {
        return root.has("turns");
    }

    @Override
    public Transcript map(JsonNode root) {
        TranscriptDraft draft = new TranscriptDraft();
        JsonNode participants = Json.array(root, "participants", "", false);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < participants.size(); i++) {
            Object path = Json.at("participants", i);
            JsonNode p = Json.object(participants, i, "participants");
            String id = Json.text(p, "id", path, true);
            if (id.isBlank()) {
                throw TranscriptFormatException.at(Json.path(path, "id"), "must not be blank");
            }
            if (!ids.add(id)) {
                throw TranscriptFormatException.at(Json.path(path, "id"), id + " is given twice");
            }
            Json.text(p, "email", path, false);
            String kind = Json.text(p, "kind", path, false);
            if (kind != null && !KINDS.contains(kind)) {
                throw TranscriptFormatException.at(Json.path(path, "kind"),
                        "must be contact, user or external, not " + Json.describe(p.get("kind")));
            }
            String name = Json.text(p, "name", path, false);
            draft.speaker(new Speaker(id, name == null || name.isBlank() ? null : name.strip(), null, null));
        }
        JsonNode turns = Json.array(root, "turns", "", true);
        for (int i = 0; i < turns.size(); i++) {
            Object path = Json.at("turns", i);
            JsonNode t = Json.object(turns, i, "turns");
            String speaker = Json.text(t, "speaker", path, true);
            if (speaker.isBlank()) {
                throw TranscriptFormatException.at(Json.path(path, "speaker"), "must not be blank");
            }
            if (ids.isEmpty()) {
                draft.speaker(Speaker.unnamed(speaker));
            } else if (!ids.contains(speaker)) {
                throw TranscriptFormatException.at(Json.path(path, "speaker"), speaker + " is not one of the participants");
            }
            long start = Json.millis(t, "startMs", path, 0);
            long end = Json.millis(t, "endMs", path, TranscriptDraft.UNKNOWN_END);
            if (end != TranscriptDraft.UNKNOWN_END && end < start) {
                throw TranscriptFormatException.at(Json.path(path, "endMs"), "is before startMs");
            }
            draft.turn(speaker, start, end, Json.text(t, "text", path, true));
        }
        return draft.build();
    }
}
