package harmony.core.ingest.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import harmony.core.domain.Speaker;
import harmony.core.domain.Transcript;

/**
 * AssemblyAI's transcript: {@code utterances[]} ({@code speaker} "A", "B"…, {@code start} and
 * {@code end} in ms, {@code text}) when speaker labels were on; else {@code words[]}, grouped into
 * turns by speaker; else the bare {@code text}.
 */
final class AssemblyAiTranscriptJson implements TranscriptJson {

    @Override
    public String name() {
        return "assemblyai";
    }

    @Override
    public boolean recognises(JsonNode root) {
        return root.has("utterances") || (root.has("words") && root.has("text"));
    }

    @Override
    public Transcript map(JsonNode root) {
        TranscriptDraft draft = new TranscriptDraft();
        JsonNode utterances = Json.array(root, "utterances", "", false);
        if (!utterances.isEmpty()) {
            for (int i = 0; i < utterances.size(); i++) {
                Object path = Json.at("utterances", i);
                JsonNode u = Json.object(utterances, i, "utterances");
                draft.turn(speaker(draft, Json.text(u, "speaker", path, false)), Json.millis(u, "start", path, 0),
                        Json.millis(u, "end", path, TranscriptDraft.UNKNOWN_END), Json.text(u, "text", path, true));
            }
            return draft.build();
        }
        JsonNode words = Json.array(root, "words", "", false);
        WordTurns turns = new WordTurns(draft, key -> speaker(draft, key));
        for (int i = 0; i < words.size(); i++) {
            Object path = Json.at("words", i);
            JsonNode w = Json.object(words, i, "words");
            turns.word(turns.label(Json.text(w, "speaker", path, false)), Json.millis(w, "start", path, 0),
                    Json.millis(w, "end", path, 0), Json.text(w, "text", path, true));
        }
        turns.finish();
        if (words.isEmpty()) {
            String text = Json.text(root, "text", "", false);
            if (text != null) {
                draft.turn(draft.unknownSpeaker(), 0, 0, text);
            }
        }
        return draft.build();
    }

    private static String speaker(TranscriptDraft draft, String letter) {
        return letter == null || letter.isBlank() ? draft.unknownSpeaker()
                : draft.speaker(Speaker.unnamed("Speaker " + letter.strip()));
    }
}
