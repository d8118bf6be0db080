package harmony.core.ingest.transcript;

import harmony.core.domain.Contact;
import harmony.core.domain.CustomFieldDefinition;
import harmony.core.domain.Team;
import harmony.core.domain.Transcript;
import harmony.core.domain.Turn;
import harmony.core.domain.User;
import harmony.core.domain.Workspace;
import harmony.core.error.HarmonyException;
import harmony.core.port.out.Directory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Seeded random-mutation fuzzing of every transcript reader: inputs grown from the sample corpus by
 * splicing, inserting format tokens, deleting, repeating and re-encoding. Every reader must either
 * return a transcript or throw the documented {@link HarmonyException}; nothing else, never hang,
 * and never make much more than it read (bounded memory).
 * <p>
 * Runs {@code -Dharmony.fuzz.seconds} (default 60) with {@code -Dharmony.fuzz.seed} (default: new
 * each run, printed). A failing input is written to {@code target/fuzz-failures/} and named in
 * the failure with the seed that reproduces it.
 */
class TranscriptReadersFuzzTest {
    private static final int MAX_INPUT = 256 * 1024;
    /** Far above what any reader needs for MAX_INPUT; a reader this slow is quadratic or stuck. */
    private static final long SLOW_CALL_MS = 3_000;

    private static final String[] SAMPLES = {"plain/colon.txt", "plain/bracketed.txt", "plain/otter.txt",
        "plain/zoom.txt", "plain/teams.txt", "plain/meet.txt", "plain/parenthesized.txt", "plain/unstructured.txt",
        "srt/meeting.srt", "vtt/teams.vtt", "vtt/teams-legacy.vtt", "vtt/zoom.vtt", "vtt/styled.vtt",
        "vtt/youtube.vtt", "json/harmony.json", "json/openai-verbose.json", "json/assemblyai.json",
        "json/assemblyai-words.json", "json/deepgram-utterances.json", "json/deepgram-words.json", "json/revai.json",
        "json/gong.json"};

    private static final String[] TOKENS = {":", ": ", " --> ", "-->", "\n", "\r\n", "\r", "\n\n", "[", "]", "(", ")",
        "<v ", "<v.loud ", ">", "</v>", "<", "<c>", "><c>", "<00:00:01.000>", "{", "}", "{\\an8}", "\"", ",", "[]",
        "{}", "null", "true", "-1", "1e999", "99999999999999999999", "0.5", "\"turns\":", "\"segments\":",
        "\"utterances\":", "\"monologues\":", "\"callTranscripts\":", "\"results\":", "\"format\":\"gong\"",
        "\"speaker\":", "WEBVTT", "WEBVTT\n\n", "NOTE ", "STYLE\n", "00:00:01,000", "00:61:00", "0:0:3.5", "99:99",
        "12:34:56.789", "1\n", "&amp;", "&#x1F600;", "&#99999999;", "&", "\uFEFF", "\u0000", "\uD800", "\uDC00",
        "\u00A0", "\t", "  ", "Dana Reyes", "Ana de la Cruz", "Speaker 1  0:05", "[00:00:01] ", "- ", ">> ",
        "https://x.test/a:b", "東京", "é"};

    private final TranscriptFileReader fileReader = new TranscriptFileReader();
    private final List<NamedReader> readers = List.of(
            new NamedReader("plain", new PlainTextReader()::read),
            new NamedReader("srt", new SrtReader()::read),
            new NamedReader("vtt", new WebVttReader()::read),
            new NamedReader("json", new JsonTranscriptReader()::read),
            new NamedReader("pasted", new PastedTranscriptReader()::read),
            new NamedReader("file.txt", text -> readFile("t.txt", text.getBytes(StandardCharsets.UTF_8))),
            new NamedReader("file.json utf-16", text -> readFile("t.json", utf16WithBom(text))),
            new NamedReader("structured", TranscriptReadersFuzzTest::readStructured));

    private record NamedReader(String name, Function<String, Transcript> read) {
    }

    @Test
    void everyReaderReturnsATranscriptOrTheDocumentedErrorOnMutatedInputs() {
        long seconds = Long.getLong("harmony.fuzz.seconds", 60);
        long seed = Long.getLong("harmony.fuzz.seed", System.nanoTime());
        System.out.println("TranscriptReadersFuzzTest: -Dharmony.fuzz.seed=" + seed + " -Dharmony.fuzz.seconds=" + seconds);
        List<String> corpus = new ArrayList<>();
        for (String sample : SAMPLES) {
            corpus.add(Samples.text(sample));
        }
        Random random = new Random(seed);
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long[] runs = new long[1];
        assertTimeoutPreemptively(Duration.ofSeconds(seconds + 120), () -> {
            do {
                String input = mutate(random, corpus);
                for (NamedReader reader : readers) {
                    check(reader, input, seed);
                }
                runs[0]++;
                if (random.nextInt(50) == 0 && input.length() < MAX_INPUT / 4) {
                    corpus.add(input);
                }
            } while (System.nanoTime() < deadline);
        }, "a reader hung; seed " + seed);
        System.out.println("TranscriptReadersFuzzTest: " + runs[0] + " inputs x " + readers.size() + " readers");
        assertThat(runs[0]).isPositive();
    }

    private static void check(NamedReader reader, String input, long seed) {
        long started = System.nanoTime();
        try {
            Transcript t = reader.read().apply(input);
            assertThat(t).isNotNull();
            long produced = 0;
            for (Turn turn : t.turns()) {
                produced += turn.text().length() + 1;
            }
            if (produced > 2L * input.length() + 64 || t.speakers().size() > input.length() + 1) {
                failWith(reader, input, seed, "made " + produced + " characters of turns from " + input.length(), null);
            }
        } catch (HarmonyException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        } catch (Throwable unexpected) {
            failWith(reader, input, seed, "threw " + unexpected, unexpected);
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        if (ms > SLOW_CALL_MS) {
            failWith(reader, input, seed, "took " + ms + " ms for " + input.length() + " characters", null);
        }
    }

    private static void failWith(NamedReader reader, String input, long seed, String what, Throwable cause) {
        Path saved = Path.of("target", "fuzz-failures", reader.name().replace(' ', '-') + "-" + seed + ".txt");
        try {
            Files.createDirectories(saved.getParent());
            Files.writeString(saved, input, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            saved = null;
        }
        String shown = input.length() > 300 ? input.substring(0, 300) + "…" : input;
        AssertionError error = new AssertionError(reader.name() + " " + what + " (seed " + seed + ", input saved to "
                + saved + "): " + shown.replace("\n", "\\n").replace("\r", "\\r"));
        if (cause != null) {
            error.initCause(cause);
        }
        fail(error.getMessage(), error);
    }

    private static String mutate(Random random, List<String> corpus) {
        StringBuilder s = new StringBuilder(corpus.get(random.nextInt(corpus.size())));
        int edits = 1 + random.nextInt(8);
        for (int i = 0; i < edits; i++) {
            int at = s.length() == 0 ? 0 : random.nextInt(s.length() + 1);
            switch (random.nextInt(9)) {
                case 0, 1 -> s.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                case 2 -> s.insert(at, (char) random.nextInt(0x3000));
                case 3 -> {
                    int end = Math.min(s.length(), at + random.nextInt(40));
                    s.delete(at, end);
                }
                case 4 -> {
                    String other = corpus.get(random.nextInt(corpus.size()));
                    int from = random.nextInt(other.length() + 1);
                    s.insert(at, other, from, Math.min(other.length(), from + random.nextInt(200)));
                }
                case 5 -> {
                    int end = Math.min(s.length(), at + 1 + random.nextInt(80));
                    String chunk = s.substring(at, end);
                    int times = 1 + random.nextInt(random.nextInt(10) == 0 ? 2000 : 5);
                    for (int k = 0; k < times && s.length() + chunk.length() < MAX_INPUT; k++) {
                        s.insert(end, chunk);
                    }
                }
                case 6 -> {
                    if (at < s.length()) {
                        s.setCharAt(at, (char) (s.charAt(at) ^ (1 << random.nextInt(8))));
                    }
                }
                case 7 -> s.setLength(at);
                default -> {
                    for (int k = random.nextInt(6); k > 0; k--) {
                        s.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
                    }
                }
            }
        }
        if (s.length() > MAX_INPUT) {
            s.setLength(MAX_INPUT);
        }
        return s.toString();
    }

    private Transcript readFile(String name, byte[] bytes) {
        try {
            return fileReader.read(name, new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf16WithBom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] out = new byte[body.length + 2];
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xFE;
        System.arraycopy(body, 0, out, 2, body.length);
        return out;
    }

    /** Cuts the input into participants and messages: ids, names, kinds, times and texts all fuzzed. */
    private static Transcript readStructured(String input) {
        String[] parts = input.split("\n", 40);
        List<StructuredImport.Participant> participants = new ArrayList<>();
        List<StructuredImport.Message> messages = new ArrayList<>();
        String[] kinds = {"contact", "user", "external", parts.length > 3 ? parts[3] : null};
        for (int i = 0; i + 1 < parts.length; i += 4) {
            String id = parts[i].length() > 6 ? parts[i].substring(0, 6) : parts[i];
            participants.add(new StructuredImport.Participant(id, parts[i + 1], i % 8 == 0 ? parts[i] : null,
                    kinds[(i / 4) % kinds.length]));
            String when = i % 3 == 0 ? "2026-11-28T16:" + String.format("%02d", i % 60) + ":00Z" : parts[i + 1];
            messages.add(new StructuredImport.Message(id, when, parts[i]));
        }
        return new StructuredConversationReader(EMPTY_DIRECTORY).read("ws", new StructuredImport(participants, messages));
    }

    private static final Directory EMPTY_DIRECTORY = new Directory() {
        @Override
        public Optional<Workspace> workspace(String workspaceId) {
            return Optional.empty();
        }

        @Override
        public List<Team> teams(String workspaceId) {
            return List.of();
        }

        @Override
        public List<User> users(String workspaceId) {
            return List.of(new User("u1", "ws", "Dana Reyes", "dana@example.com", Set.of()));
        }

        @Override
        public List<Contact> searchContacts(String workspaceId, String query, int limit) {
            return List.of(new Contact("c1", "ws", "Marco", query, null));
        }

        @Override
        public List<CustomFieldDefinition> customFields(String workspaceId) {
            return List.of();
        }

        @Override
        public Optional<Contact> contact(String workspaceId, String contactId) {
            return contactId.startsWith("D") ? Optional.of(new Contact(contactId, "ws", "Dana", null, null)) : Optional.empty();
        }

        @Override
        public void save(Workspace workspace) {
        }

        @Override
        public void save(Team team) {
        }

        @Override
        public void save(User user) {
        }

        @Override
        public void save(Contact contact) {
        }

        @Override
        public void save(CustomFieldDefinition definition) {
        }
    };
}
