package harmony.core.ingest.transcript;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import harmony.core.domain.Transcript;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads JSON transcripts: Harmony's own ({@link HarmonyTranscriptJson}) and the shapes of OpenAI
 * ({@link OpenAiTranscriptJson}), AssemblyAI ({@link AssemblyAiTranscriptJson}), Deepgram
 * ({@link DeepgramTranscriptJson}), Rev.ai ({@link RevAiTranscriptJson}) and Gong
 * ({@link GongTranscriptJson}). The shape is recognised by its fields; a top-level {@code format}
 * field ({@code harmony}, {@code openai}, {@code assemblyai}, {@code deepgram}, {@code revai},
 * {@code gong}) chooses it explicitly.
 */
public final class JsonTranscriptReader {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final List<TranscriptJson> SHAPES = List.of(new HarmonyTranscriptJson(), new GongTranscriptJson(),
            new RevAiTranscriptJson(), new DeepgramTranscriptJson(), new AssemblyAiTranscriptJson(),
            new OpenAiTranscriptJson());
    private static final String NAMES = SHAPES.stream().map(TranscriptJson::name).collect(Collectors.joining(", "));

    public Transcript read(String json) {
        if (json == null || json.isBlank()) {
            throw new TranscriptFormatException("the JSON is empty");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw notJson(e);
        }
        if (root == null || root.isMissingNode()) {
            throw new TranscriptFormatException("the JSON is empty");
        }
        if (!root.isObject()) {
            throw new TranscriptFormatException("a JSON transcript is an object, not " + Json.describe(root));
        }
        return shape(root).map(root);
    }

    private static TranscriptJson shape(JsonNode root) {
        String format = Json.text(root, "format", "", false);
        if (format != null) {
            String wanted = format.strip().toLowerCase(Locale.ROOT);
            for (TranscriptJson shape : SHAPES) {
                if (shape.name().equals(wanted)) {
                    return shape;
                }
            }
            throw TranscriptFormatException.at("format", Json.describe(root.get("format")) + " is not one of " + NAMES);
        }
        for (TranscriptJson shape : SHAPES) {
            if (shape.recognises(root)) {
                return shape;
            }
        }
        throw new TranscriptFormatException("the JSON is not a transcript Harmony knows: expected turns (Harmony), "
                + "segments (OpenAI), utterances or words (AssemblyAI), results (Deepgram), monologues (Rev.ai) "
                + "or callTranscripts (Gong)");
    }

    /** Jackson's reason, without the parts that speak of Jackson rather than of the JSON. */
    private static TranscriptFormatException notJson(JsonProcessingException e) {
        String reason = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        if (reason.startsWith("Trailing token")) {
            reason = "more follows the end of the JSON value";
        }
        for (String noise : new String[] {"\n", " (for ", " at [Source", " (bound as"}) {
            int cut = reason.indexOf(noise);
            if (cut > 0) {
                reason = reason.substring(0, cut);
            }
        }
        if (reason.length() > 200) {
            reason = reason.substring(0, 200) + "…";
        }
        JsonLocation at = e.getLocation();
        String place = at == null || at.getLineNr() < 1 ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
        return new TranscriptFormatException(place + "the JSON is not valid (" + reason + ")");
    }
}
