package harmony.core.intelligence.text;

import harmony.core.domain.Transcript;
import harmony.core.domain.Turn;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A transcript split into timed turns and sentences, tokenised once for every stage.
 *
 * <p>Pasted text has no times (every turn is 0..0); then times are estimated at
 * {@value #ESTIMATED_WORDS_PER_MINUTE} words a minute with {@value #ESTIMATED_GAP_MS} ms between
 * turns, and {@link #timed()} is false so that metrics can say their times are estimates.
 */
public final class Document {
    public static final int ESTIMATED_WORDS_PER_MINUTE = 150;
    public static final int ESTIMATED_GAP_MS = 600;

    private static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "st", "vs", "etc", "e.g", "i.e", "approx", "inc", "ltd", "jr", "sr", "no");

    private final List<TimedTurn> turns;
    private final List<Sentence> sentences;
    private final boolean timed;
    private final int words;
    private volatile Map<String, BitSet> index;

    private Document(List<TimedTurn> turns, List<Sentence> sentences, boolean timed, int words) {
        this.turns = turns;
        this.sentences = sentences;
        this.timed = timed;
        this.words = words;
    }

    public static Document of(Transcript transcript) {
        boolean timed = transcript.turns().stream().anyMatch(t -> t.endMs() > 0);
        List<TimedTurn> turns = new ArrayList<>(transcript.turns().size());
        List<Sentence> sentences = new ArrayList<>();
        long cursor = 0;
        int totalWords = 0;
        for (Turn turn : transcript.turns()) {
            String text = turn.text().strip();
            List<String> parts = splitSentences(text);
            List<Tokens> tokens = new ArrayList<>(parts.size());
            int turnWords = 0;
            for (String p : parts) {
                Tokens t = Tokens.of(p);
                tokens.add(t);
                turnWords += t.size();
            }
            long start;
            long end;
            if (timed) {
                start = turn.startMs();
                end = Math.max(turn.endMs(), turn.startMs());
            } else {
                start = cursor;
                end = start + Math.max(1, turnWords) * 60_000L / ESTIMATED_WORDS_PER_MINUTE;
                cursor = end + ESTIMATED_GAP_MS;
            }
            int index = turns.size();
            turns.add(new TimedTurn(index, turn.speaker(), start, end, text, turnWords));
            int before = 0;
            for (int i = 0; i < parts.size(); i++) {
                Tokens t = tokens.get(i);
                long s = start + (turnWords == 0 ? 0 : (end - start) * before / turnWords);
                before += t.size();
                long e = start + (turnWords == 0 ? 0 : (end - start) * before / turnWords);
                sentences.add(new Sentence(sentences.size(), index, turn.speaker(), s, e, parts.get(i), t, t.stems()));
            }
            totalWords += turnWords;
        }
        return new Document(List.copyOf(turns), List.copyOf(sentences), timed, totalWords);
    }

    /** Splits at . ! ? (and runs of them) followed by white space, except after common abbreviations. */
    static List<String> splitSentences(String text) {
        List<String> out = new ArrayList<>();
        int n = text.length();
        int start = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '.' || c == '!' || c == '?' || c == '\n') {
                int j = i;
                while (j + 1 < n && ".!?\"'”)".indexOf(text.charAt(j + 1)) >= 0) {
                    j++;
                }
                boolean boundary = j + 1 >= n || Character.isWhitespace(text.charAt(j + 1));
                if (boundary && c == '.' && isAbbreviation(text, start, i)) {
                    boundary = false;
                }
                if (boundary) {
                    add(out, text.substring(start, j + 1));
                    start = j + 1;
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        if (start < n) {
            add(out, text.substring(start));
        }
        return out;
    }

    private static boolean isAbbreviation(String text, int from, int dot) {
        int k = dot;
        while (k > from && (Character.isLetter(text.charAt(k - 1)) || text.charAt(k - 1) == '.')) {
            k--;
        }
        return ABBREVIATIONS.contains(text.substring(k, dot).toLowerCase(Locale.ROOT));
    }

    private static void add(List<String> out, String s) {
        String t = s.strip();
        if (!t.isEmpty()) {
            out.add(t);
        }
    }

    /**
     * The sentences that contain a word, by its lower-case form or its stem, as a set of sentence
     * indices; built once, so many trackers search one transcript cheaply.
     */
    public Map<String, BitSet> wordIndex() {
        Map<String, BitSet> i = index;
        if (i == null) {
            Map<String, BitSet> m = new HashMap<>();
            for (Sentence s : sentences) {
                for (int k = 0; k < s.stems().length; k++) {
                    String lower = s.tokens().lower()[k];
                    String stem = s.stems()[k];
                    m.computeIfAbsent(lower, w -> new BitSet()).set(s.index());
                    if (!stem.equals(lower)) {
                        m.computeIfAbsent(stem, w -> new BitSet()).set(s.index());
                    }
                }
            }
            i = Map.copyOf(m);
            index = i;
        }
        return i;
    }

    public List<TimedTurn> turns() {
        return turns;
    }

    public List<Sentence> sentences() {
        return sentences;
    }

    /** True when the transcript carried times; false when they are estimated from word counts. */
    public boolean timed() {
        return timed;
    }

    public int wordCount() {
        return words;
    }

    public long durationMs() {
        if (turns.isEmpty()) {
            return 0;
        }
        long first = turns.get(0).startMs();
        long last = 0;
        for (TimedTurn t : turns) {
            last = Math.max(last, t.endMs());
        }
        return Math.max(0, last - first);
    }
}
