package harmony.bench.intelligence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import harmony.core.domain.Conversation;
import harmony.core.domain.Medium;
import harmony.core.domain.Source;
import harmony.core.domain.Speaker;
import harmony.core.domain.Transcript;
import harmony.core.domain.Turn;
import harmony.core.intelligence.ConversationContext;
import harmony.core.intelligence.extraction.ActionItem;
import harmony.core.intelligence.extraction.RuleBasedExtractor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs the default extractor over the speech eval set's reference transcripts and writes hypothesis
 * files that {@code /work/shared/eval/score.py} scores for action-item recall (the planted items):
 * <pre>
 * python3 harmony-bench/eval/planted_action_items_reference.py /tmp/ref
 * java -cp … harmony.bench.intelligence.PlantedActionItems /tmp/ref /tmp/hyp [--unnamed]
 * python3 /work/shared/eval/score.py /tmp/ref /tmp/hyp -v
 * </pre>
 * Works as well on a generated set's JSON files (their turns are the exact reference words). With
 * {@code --unnamed} the speakers keep only their labels, as straight after transcription; otherwise
 * they carry the script's names, as after matching speakers.
 */
public final class PlantedActionItems {

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: PlantedActionItems REF_DIR HYP_DIR [--unnamed]");
            System.exit(2);
        }
        Path ref = Path.of(args[0]);
        Path hyp = Path.of(args[1]);
        boolean unnamed = args.length > 2 && args[2].equals("--unnamed");
        Files.createDirectories(hyp);
        ObjectMapper json = new ObjectMapper();
        RuleBasedExtractor extractor = new RuleBasedExtractor();
        List<Path> files;
        try (Stream<Path> list = Files.list(ref)) {
            files = list.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().startsWith("index")).sorted().toList();
        }
        int planted = 0;
        int extracted = 0;
        for (Path file : files) {
            JsonNode root = json.readTree(file.toFile());
            if (!root.has("turns") || !root.has("actionItems")) {
                continue;
            }
            List<Speaker> speakers = new ArrayList<>();
            java.util.Map<String, String> names = new java.util.HashMap<>();
            root.path("speakers").forEach(s -> names.put(s.path("label").asText(), s.path("name").asText()));
            List<Turn> turns = new ArrayList<>();
            for (JsonNode t : root.path("turns")) {
                String label = t.path("speaker").asText();
                if (speakers.stream().noneMatch(s -> s.label().equals(label))) {
                    speakers.add(unnamed || !names.containsKey(label) ? Speaker.unnamed(label) : Speaker.named(label, names.get(label)));
                }
                turns.add(new Turn(label, t.path("startMs").asLong(), t.path("endMs").asLong(), t.path("text").asText()));
            }
            Instant at = Instant.parse("2026-03-11T15:00:00Z");
            Conversation c = new Conversation.Builder().id(file.getFileName().toString()).workspaceId("eval").reference("HMY-EVAL00")
                    .title(root.path("title").asText("eval")).source(Source.TRANSCRIPT_FILE).medium(Medium.VIDEO)
                    .teamId("eval").contactId("c").ownerId("u").occurredAt(at).createdAt(at).updatedAt(at).build();
            List<ActionItem> items = extractor.extract(ConversationContext.of(c, new Transcript(speakers, turns))).actionItems();
            ObjectNode out = json.createObjectNode();
            out.set("turns", root.path("turns"));
            ArrayNode list = out.putArray("actionItems");
            for (ActionItem a : items) {
                ObjectNode item = list.addObject();
                item.put("text", a.text());
                item.put("owner", a.ownerName() != null ? a.ownerName() : a.ownerLabel());
                if (a.dueDate() != null) {
                    item.put("dueDate", a.dueDate().toString());
                }
            }
            json.writerWithDefaultPrettyPrinter().writeValue(hyp.resolve(file.getFileName()).toFile(), out);
            planted += root.path("actionItems").size();
            extracted += items.size();
        }
        System.out.printf("%d meetings, %d planted action items, %d extracted -> %s%n", files.size(), planted, extracted, hyp);
    }

    private PlantedActionItems() {
    }
}
