package harmony.core.ingest.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import harmony.core.domain.Speaker;
import harmony.core.domain.Transcript;

/**
 * Deepgram's pre-recorded response: {@code results.utterances[]} ({@code speaker} 0, 1…,
 * {@code start}/{@code end} in seconds, {@code transcript}) when utterances were asked for; else
 * the first channel's best alternative's {@code words[]} grouped by {@code speaker}; else its
 * {@code transcript}.
 */
final class DeepgramTranscriptJson implements TranscriptJson {

    @Override
    public String name() {
        return "deepgram";
    }

    @Override
    public boolean recognises(JsonNode root) {
        JsonNode results = root.get("results");
        return results != null && results.isObject() && (results.has("channels") || results.has("utterances"));
    }

    @Override
    public Transcript map(JsonNode root) {
        TranscriptDraft draft = new TranscriptDraft();
        JsonNode results = root.get("results");
        if (results == null || !results.isObject()) {
            throw TranscriptFormatException.at("results", "is missing");
        }
        JsonNode utterances = Json.array(results, "utterances", "results", false);
        if (!utterances.isEmpty()) {
            for (int i = 0; i < utterances.size(); i++) {
                Object path = Json.at("results.utterances", i);
                JsonNode u = Json.object(utterances, i, "results.utterances");
                draft.turn(speaker(draft, Json.text(u, "speaker", path, false)), Json.seconds(u, "start", path, 0),
                        Json.seconds(u, "end", path, TranscriptDraft.UNKNOWN_END),
                        Json.text(u, "transcript", path, true));
            }
            return draft.build();
        }
        JsonNode channels = Json.array(results, "channels", "results", true);
        if (channels.isEmpty()) {
            return draft.build();
        }
        JsonNode channel = Json.object(channels, 0, "results.channels");
        JsonNode alternatives = Json.array(channel, "alternatives", "results.channels[0]", true);
        if (alternatives.isEmpty()) {
            return draft.build();
        }
        String altPath = "results.channels[0].alternatives[0]";
        JsonNode best = Json.object(alternatives, 0, "results.channels[0].alternatives");
        JsonNode words = Json.array(best, "words", altPath, false);
        WordTurns turns = new WordTurns(draft, key -> speaker(draft, key));
        for (int i = 0; i < words.size(); i++) {
            Object path = Json.at(Json.field(altPath, "words"), i);
            JsonNode w = Json.object(words, i, Json.field(altPath, "words"));
            String punctuated = Json.text(w, "punctuated_word", path, false);
            String word = punctuated != null ? punctuated : Json.text(w, "word", path, true);
            turns.word(turns.label(Json.text(w, "speaker", path, false)), Json.seconds(w, "start", path, 0),
                    Json.seconds(w, "end", path, 0), word);
        }
        turns.finish();
        if (words.isEmpty()) {
            String transcript = Json.text(best, "transcript", altPath, false);
            if (transcript != null) {
                draft.turn(draft.unknownSpeaker(), 0, 0, transcript);
            }
        }
        return draft.build();
    }

    private static String speaker(TranscriptDraft draft, String number) {
        return number == null || number.isBlank() ? draft.unknownSpeaker()
                : draft.speaker(Speaker.unnamed("Speaker " + number.strip()));
    }
}
