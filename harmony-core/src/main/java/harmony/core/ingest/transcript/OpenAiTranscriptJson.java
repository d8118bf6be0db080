package harmony.core.ingest.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import harmony.core.domain.Transcript;

/**
 * OpenAI's {@code verbose_json} transcription: {@code segments[]} with {@code start}, {@code end}
 * (seconds) and {@code text}. Whisper knows no speakers: one unknown speaker, one turn per segment
 * (a {@code speaker} on a segment, as WhisperX adds, is kept).
 */
final class OpenAiTranscriptJson implements TranscriptJson {

    @Override
    public String name() {
        return "openai";
    }

    @Override
    public boolean recognises(JsonNode root) {
        return root.has("segments");
    }

    @Override
    public Transcript map(JsonNode root) {
        TranscriptDraft draft = new TranscriptDraft();
        JsonNode segments = Json.array(root, "segments", "", true);
        for (int i = 0; i < segments.size(); i++) {
            Object path = Json.at("segments", i);
            JsonNode s = Json.object(segments, i, "segments");
            String speaker = Json.text(s, "speaker", path, false);
            String label = speaker != null && !speaker.isBlank() ? draft.speakerNamed(speaker) : draft.unknownSpeaker();
            long start = Json.seconds(s, "start", path, 0);
            long end = Json.seconds(s, "end", path, TranscriptDraft.UNKNOWN_END);
            draft.turn(label, start, end, Json.text(s, "text", path, true));
        }
        if (segments.isEmpty()) {
            String text = Json.text(root, "text", "", false);
            if (text != null) {
                draft.turn(draft.unknownSpeaker(), 0, Json.seconds(root, "duration", "", 0), text);
            }
        }
        return draft.build();
    }
}
