package harmony.core.ingest.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import harmony.core.domain.Speaker;
import harmony.core.domain.Transcript;

/**
 * Rev.ai's transcript: {@code monologues[]}, each a {@code speaker} number (with an optional
 * {@code speaker_name}) and {@code elements[]} of {@code text} (with {@code ts}/{@code end_ts} in
 * seconds) and {@code punct} pieces, joined as written. One turn per monologue.
 */
final class RevAiTranscriptJson implements TranscriptJson {

    @Override
    public String name() {
        return "revai";
    }

    @Override
    public boolean recognises(JsonNode root) {
        return root.has("monologues");
    }

    @Override
    public Transcript map(JsonNode root) {
        TranscriptDraft draft = new TranscriptDraft();
        JsonNode monologues = Json.array(root, "monologues", "", true);
        for (int i = 0; i < monologues.size(); i++) {
            Object path = Json.at("monologues", i);
            JsonNode m = Json.object(monologues, i, "monologues");
            String number = Json.text(m, "speaker", path, false);
            String name = Json.text(m, "speaker_name", path, false);
            String label;
            if (number == null || number.isBlank()) {
                label = name != null && !name.isBlank() ? draft.speakerNamed(name.strip()) : draft.unknownSpeaker();
            } else {
                label = draft.speaker(new Speaker("Speaker " + number.strip(),
                        name == null || name.isBlank() ? null : name.strip(), null, null));
            }
            JsonNode elements = Json.array(m, "elements", path, true);
            StringBuilder text = new StringBuilder();
            long start = -1;
            long end = 0;
            for (int j = 0; j < elements.size(); j++) {
                Object elementPath = Json.at(Json.field(path, "elements"), j);
                JsonNode e = Json.object(elements, j, Json.field(path, "elements"));
                String value = Json.text(e, "value", elementPath, false);
                if (value != null) {
                    text.append(value);
                }
                if ("text".equals(Json.text(e, "type", elementPath, false))) {
                    long ts = Json.seconds(e, "ts", elementPath, -1);
                    if (start < 0 && ts >= 0) {
                        start = ts;
                    }
                    end = Math.max(end, Json.seconds(e, "end_ts", elementPath, 0));
                }
            }
            start = Math.max(0, start);
            draft.turn(label, start, Math.max(start, end), text);
        }
        return draft.build();
    }
}
