package harmony.core.ingest.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import harmony.core.domain.Speaker;
import harmony.core.domain.Transcript;

/**
 * Gong's {@code /v2/calls/transcript} answer: {@code callTranscripts[]}, each a {@code callId} and
 * {@code transcript[]} monologues of a {@code speakerId} with {@code sentences[]} ({@code start},
 * {@code end} in ms, {@code text}). One turn per monologue; speakers keep Gong's speaker id as
 * their label (Gong names them only in its call parties). A file holds one call.
 */
final class GongTranscriptJson implements TranscriptJson {

    @Override
    public String name() {
        return "gong";
    }

    @Override
    public boolean recognises(JsonNode root) {
        return root.has("callTranscripts");
    }

    @Override
    public Transcript map(JsonNode root) {
        JsonNode calls = Json.array(root, "callTranscripts", "", true);
        if (calls.size() != 1) {
            throw TranscriptFormatException.at("callTranscripts", calls.isEmpty() ? "holds no call"
                    : "holds " + calls.size() + " calls; a transcript file holds one call");
        }
        JsonNode call = Json.object(calls, 0, "callTranscripts");
        String callPath = "callTranscripts[0]";
        JsonNode monologues = Json.array(call, "transcript", callPath, true);
        TranscriptDraft draft = new TranscriptDraft();
        for (int i = 0; i < monologues.size(); i++) {
            Object path = Json.at(Json.field(callPath, "transcript"), i);
            JsonNode m = Json.object(monologues, i, Json.field(callPath, "transcript"));
            String speakerId = Json.text(m, "speakerId", path, false);
            String label = speakerId == null || speakerId.isBlank() ? draft.unknownSpeaker()
                    : draft.speaker(Speaker.unnamed(speakerId.strip()));
            JsonNode sentences = Json.array(m, "sentences", path, true);
            StringBuilder text = new StringBuilder();
            long start = 0;
            long end = 0;
            for (int j = 0; j < sentences.size(); j++) {
                Object sentencePath = Json.at(Json.field(path, "sentences"), j);
                JsonNode s = Json.object(sentences, j, Json.field(path, "sentences"));
                long sentenceStart = Json.millis(s, "start", sentencePath, 0);
                if (j == 0) {
                    start = sentenceStart;
                }
                end = Math.max(end, Json.millis(s, "end", sentencePath, sentenceStart));
                if (text.length() > 0) {
                    text.append(' ');
                }
                text.append(Json.text(s, "text", sentencePath, true).strip());
            }
            draft.turn(label, start, Math.max(start, end), text);
        }
        return draft.build();
    }
}
