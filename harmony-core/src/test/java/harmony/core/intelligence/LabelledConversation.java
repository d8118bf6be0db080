package harmony.core.intelligence;

import harmony.core.domain.Conversation;
import harmony.core.domain.Medium;
import harmony.core.domain.Source;
import harmony.core.domain.Speaker;
import harmony.core.domain.Transcript;
import harmony.core.domain.Turn;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One conversation of the labelled set in {@code src/test/resources/intelligence/transcripts} (format in its README). */
public record LabelledConversation(String name, Conversation conversation, Transcript transcript,
                                   List<GoldItem> actions, Set<String> topics) {

    public record GoldItem(String owner, LocalDate due, String text) {
    }

    /** The labelled set the extractor was developed against. */
    public static List<LabelledConversation> all() {
        return in(Path.of("src/test/resources/intelligence/transcripts"));
    }

    /** Conversations written and labelled after the extractor was tuned, never tuned against. */
    public static List<LabelledConversation> holdout() {
        return in(Path.of("src/test/resources/intelligence/holdout"));
    }

    static List<LabelledConversation> in(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".txt")).sorted().map(LabelledConversation::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LabelledConversation read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(file.getFileName().toString().replace(".txt", ""), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static LabelledConversation parse(String name, String text) {
        String[] parts = text.split("(?m)^---\\s*$");
        Map<String, String> header = new LinkedHashMap<>();
        String title = name;
        for (String line : parts[0].split("\n")) {
            if (line.startsWith("# ")) {
                title = line.substring(2).strip();
            } else if (line.contains(":")) {
                header.put(line.substring(0, line.indexOf(':')).strip(), line.substring(line.indexOf(':') + 1).strip());
            }
        }
        Map<String, Speaker> speakers = new LinkedHashMap<>();
        int n = 0;
        for (String s : header.getOrDefault("speakers", "").split(",")) {
            String spec = s.strip();
            if (spec.isEmpty()) {
                continue;
            }
            String who = spec.replaceAll("\\s*\\(.*\\)$", "");
            boolean contact = spec.endsWith("(contact)");
            n++;
            speakers.put(who, new Speaker(who, who, contact ? "c" + n : null, contact ? null : "u" + n));
        }
        List<Turn> turns = new ArrayList<>();
        for (String line : parts[1].split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            String who = line.substring(0, colon).strip();
            if (!speakers.containsKey(who)) {
                throw new IllegalArgumentException(name + ": unknown speaker " + who);
            }
            turns.add(new Turn(who, 0, 0, line.substring(colon + 1).strip()));
        }
        List<GoldItem> gold = new ArrayList<>();
        if (parts.length > 2) {
            for (String line : parts[2].split("\n")) {
                if (line.startsWith("action:")) {
                    String[] f = line.substring("action:".length()).split("\\|", 3);
                    String due = f[1].strip();
                    gold.add(new GoldItem(f[0].strip(), due.equals("-") ? null : LocalDate.parse(due), f[2].strip()));
                }
            }
        }
        Instant at = Instant.parse(header.get("occurredAt"));
        Conversation c = new Conversation.Builder()
                .id(name).workspaceId("ws1").reference("HMY-" + name.substring(0, 2)).title(title)
                .source(Source.TRANSCRIPT_PASTE)
                .medium(Medium.fromWireName(header.getOrDefault("medium", "chat")).orElseThrow())
                .teamId(header.getOrDefault("team", "team")).contactId("c1").ownerId("u1")
                .tags(list(header.get("tags"))).occurredAt(at).createdAt(at).updatedAt(at)
                .build();
        Set<String> topics = Set.copyOf(list(header.get("topics")));
        return new LabelledConversation(name, c, new Transcript(List.copyOf(speakers.values()), turns), gold, topics);
    }

    private static List<String> list(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
    }
}
