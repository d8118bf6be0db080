package harmony.bench.jdbc;

import harmony.core.domain.Conversation;
import harmony.core.domain.Medium;
import harmony.core.domain.ProcessingStatus;
import harmony.core.domain.Source;
import harmony.core.domain.Speaker;
import harmony.core.domain.Transcript;
import harmony.core.domain.Turn;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Deterministic synthetic conversations: a 3,000-word vocabulary used with a skew, like speech. */
final class Corpus {
    static final String WS = "ws-bench";
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ren", "to", "sa", "vel", "dor", "an", "ti", "pe",
            "mar", "qui", "zo", "bel", "nu", "ra", "sen", "fo", "li"};

    final String[] vocabulary = new String[3_000];
    private final Random random;

    Corpus(long seed) {
        random = new Random(seed);
        Random words = new Random(42);
        java.util.Set<String> seen = new java.util.HashSet<>();
        // Common words are short, as in speech: about 5 letters a word over a transcript.
        for (int i = 0; i < vocabulary.length; i++) {
            StringBuilder w = new StringBuilder();
            int syllables = 1 + (i >= 60 ? 1 : 0) + (i >= 600 ? 1 : 0) + words.nextInt(2);
            do {
                for (int s = 0; s < syllables; s++) {
                    w.append(SYLLABLES[words.nextInt(SYLLABLES.length)]);
                }
            } while (!seen.add(w.toString()));
            vocabulary[i] = w.toString();
        }
    }

    /** A word whose rank follows a skewed distribution: low ranks are common. */
    String word() {
        double u = random.nextDouble();
        return vocabulary[(int) (u * u * u * vocabulary.length)];
    }

    String sentence(int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            sb.append(i == 0 ? "" : " ").append(word());
        }
        return sb.append('.').toString();
    }

    /** About {@code words} words in turns of 4 to 13 words between two speakers. */
    Transcript transcript(int words) {
        List<Turn> turns = new ArrayList<>();
        long t = 0;
        int said = 0;
        while (said < words) {
            int n = Math.min(words - said, 4 + random.nextInt(10));
            long duration = n * 400L;
            turns.add(new Turn(turns.size() % 2 == 0 ? "S1" : "S2", t, t + duration, sentence(n)));
            t += duration + 300;
            said += n;
        }
        return new Transcript(List.of(Speaker.named("S1", "Ada Lovelace"), Speaker.unnamed("S2")), turns);
    }

    static Conversation conversation(String id, String title, Instant createdAt, ProcessingStatus status, String teamId) {
        return new Conversation.Builder()
                .id(id)
                .workspaceId(WS)
                .reference("HMY-" + id)
                .title(title)
                .source(Source.TRANSCRIPT_PASTE)
                .medium(Medium.CALL)
                .teamId(teamId)
                .contactId("contact-1")
                .ownerId("user-1")
                .tags(List.of("discovery", "q3"))
                .customFields(Map.of("projectCode", "P-7", "seats", new java.math.BigDecimal("25")))
                .status(status)
                .occurredAt(createdAt)
                .createdAt(createdAt)
                .updatedAt(createdAt)
                .build();
    }
}
