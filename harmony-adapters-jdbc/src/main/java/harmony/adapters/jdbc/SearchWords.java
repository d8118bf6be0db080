package harmony.adapters.jdbc;

import harmony.core.domain.Transcript;
import harmony.core.domain.Turn;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The one definition of a searchable word, shared by both databases so that they find the same
 * conversations: a run of letters or numbers (Unicode L and N), lower-cased in the ROOT locale.
 * A hand-rolled scan rather than a regex split: it runs over every transcript that is stored.
 *
 * <p>PostgreSQL's tsvector holds lexemes of at most 2,047 bytes sharing at most 1 MiB, and
 * {@code array_to_tsvector} does not check either: past them it silently stores a corrupt vector.
 * So a word keeps at most {@link #MAX_WORD_CHARS} characters, and the stored words of a title and of
 * a transcript at most {@link #MAX_TITLE_CHARS} and {@link #MAX_TRANSCRIPT_CHARS} (a Java char is at
 * most 3 UTF-8 bytes); both databases store the same, so both still find the same conversations.
 */
final class SearchWords {
    /** Longer words are cut to this many characters, in stored text and queries alike. */
    static final int MAX_WORD_CHARS = 255;
    static final int MAX_TITLE_CHARS = 4_000;
    /** About 50,000 distinct words: more than a long conversation's vocabulary. */
    static final int MAX_TRANSCRIPT_CHARS = 340_000;

    /** The distinct words of {@code text} in first-seen order. */
    static Set<String> of(String text) {
        Set<String> words = new LinkedHashSet<>();
        if (text != null) {
            Distinct distinct = new Distinct(text.length(), Integer.MAX_VALUE - 16);
            distinct.add(text);
            String stored = distinct.toString();
            for (int from = 1, to; from < stored.length(); from = to + 1) {
                to = stored.indexOf(' ', from);
                words.add(stored.substring(from, to));
            }
        }
        return words;
    }

    /** Stored form of a title: {@code " w1 w2 … "}, so {@code LIKE '% w %'} matches whole words only. */
    static String column(String text) {
        Distinct distinct = new Distinct(text == null ? 0 : text.length(), MAX_TITLE_CHARS);
        if (text != null) {
            distinct.add(text);
        }
        return distinct.toString();
    }

    /**
     * Stored form of a transcript's words: the same {@code " w1 w2 … "} shape, each word once (the
     * smaller column is cheaper to index on PostgreSQL and to scan on H2).
     */
    static String column(Transcript transcript) {
        int length = 0;
        for (Turn turn : transcript.turns()) {
            length += turn.text().length() + 1;
        }
        Distinct distinct = new Distinct(length, MAX_TRANSCRIPT_CHARS);
        for (Turn turn : transcript.turns()) {
            if (!distinct.add(turn.text())) {
                break;
            }
        }
        return distinct.toString();
    }

    /**
     * Distinct words in first-seen order, as {@code " w1 w2 … "} of at most {@code max} characters
     * (whole words only). One pass: each word is lower-cased straight into the output, looked up in
     * an open-addressing table of earlier words (offsets into the output, no object per word), and
     * rolled back if it was seen before. This runs over every transcript stored, so it is kept lean.
     */
    private static final class Distinct {
        private final int max;
        private char[] out;
        private int length = 1;
        private int[] starts;
        private int[] lengths;
        private int[] hashes;
        private int size;
        private boolean full;
        /** The text being scanned, copied once: array reads are cheaper than {@code charAt}. */
        private char[] chars = new char[256];

        Distinct(int textLength, int max) {
            this.max = max;
            out = new char[(int) Math.min((long) textLength + 2, (long) max + 2)];
            out[0] = ' ';
            // About one distinct word in 16 characters of speech; the table doubles when it is half full.
            int slots = Integer.highestOneBit(Math.max(64, Math.min(textLength, 1 << 22) / 16)) * 2;
            starts = new int[slots];
            lengths = new int[slots];
            hashes = new int[slots];
        }

        /** Adds the words of {@code text}; false once {@code max} is reached (later words are dropped). */
        boolean add(String text) {
            int n = text.length();
            if (chars.length < n) {
                chars = new char[Math.max(n, chars.length * 2)];
            }
            char[] t = chars;
            text.getChars(0, n, t, 0);
            int i = 0;
            while (i < n && !full) {
                char c = t[i];
                if (c < 128) {
                    if (!isAsciiWordChar(c)) {
                        i++;
                        continue;
                    }
                } else {
                    int cp = Character.codePointAt(t, i, n);
                    if (!isWordChar(cp)) {
                        i += Character.charCount(cp);
                        continue;
                    }
                }
                int from = i;
                boolean ascii = true;
                while (i < n) {
                    c = t[i];
                    if (c < 128) {
                        if (!isAsciiWordChar(c)) {
                            break;
                        }
                        i++;
                    } else {
                        int cp = Character.codePointAt(t, i, n);
                        if (!isWordChar(cp)) {
                            break;
                        }
                        ascii = false;
                        i += Character.charCount(cp);
                    }
                }
                if (ascii) {
                    addAscii(t, from, Math.min(i, from + MAX_WORD_CHARS));
                } else {
                    addOther(new String(t, from, i - from).toLowerCase(Locale.ROOT));
                }
            }
            return !full;
        }

        private void addAscii(char[] text, int from, int to) {
            int wordLength = to - from;
            ensureCapacity(wordLength + 1);
            char[] o = out;
            int at = length;
            int hash = 0;
            for (int i = from; i < to; i++) {
                char c = ASCII_WORD[text[i]];
                o[at++] = c;
                hash = 31 * hash + c;
            }
            keep(wordLength, hash);
        }

        private void addOther(String lowerCased) {
            int wordLength = lowerCased.length();
            if (wordLength > MAX_WORD_CHARS) {
                wordLength = Character.isHighSurrogate(lowerCased.charAt(MAX_WORD_CHARS - 1))
                        ? MAX_WORD_CHARS - 1 : MAX_WORD_CHARS;
            }
            ensureCapacity(wordLength + 1);
            lowerCased.getChars(0, wordLength, out, length);
            int hash = 0;
            for (int i = length; i < length + wordLength; i++) {
                hash = 31 * hash + out[i];
            }
            keep(wordLength, hash);
        }

        /** The word just written after {@code length} stays if it is new and fits; otherwise it is dropped. */
        private void keep(int wordLength, int hash) {
            int mask = starts.length - 1;
            int slot = slot(hash, mask);
            for (; lengths[slot] != 0; slot = (slot + 1) & mask) {
                if (hashes[slot] == hash && lengths[slot] == wordLength && sameWord(starts[slot], wordLength)) {
                    return;
                }
            }
            if (length + wordLength + 1 > max) {
                full = true;
                return;
            }
            starts[slot] = length;
            lengths[slot] = wordLength;
            hashes[slot] = hash;
            out[length + wordLength] = ' ';
            length += wordLength + 1;
            if (++size * 2 > starts.length) {
                rehash();
            }
        }

        /** Whether the word at {@code start} equals the one just written at {@code length}. */
        private boolean sameWord(int start, int wordLength) {
            char[] o = out;
            for (int i = 0; i < wordLength; i++) {
                if (o[start + i] != o[length + i]) {
                    return false;
                }
            }
            return true;
        }

        private void rehash() {
            int[] oldStarts = starts;
            int[] oldLengths = lengths;
            int[] oldHashes = hashes;
            starts = new int[oldStarts.length * 2];
            lengths = new int[oldStarts.length * 2];
            hashes = new int[oldStarts.length * 2];
            int mask = starts.length - 1;
            for (int s = 0; s < oldStarts.length; s++) {
                if (oldLengths[s] != 0) {
                    int slot = slot(oldHashes[s], mask);
                    while (lengths[slot] != 0) {
                        slot = (slot + 1) & mask;
                    }
                    starts[slot] = oldStarts[s];
                    lengths[slot] = oldLengths[s];
                    hashes[slot] = oldHashes[s];
                }
            }
        }

        /** Fibonacci hashing: spreads the similar hashes of short, similar words over the table. */
        private static int slot(int hash, int mask) {
            return (hash * 0x9E3779B9 >>> 7) & mask;
        }

        private void ensureCapacity(int more) {
            if (length + more > out.length) {
                out = java.util.Arrays.copyOf(out, (int) Math.min(Integer.MAX_VALUE - 16,
                        Math.max((long) out.length * 2, (long) length + more)));
            }
        }

        @Override
        public String toString() {
            return new String(out, 0, length);
        }
    }

    /** For each ASCII character: itself lower-cased if it belongs to a word, else 0. */
    private static final char[] ASCII_WORD = new char[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            ASCII_WORD[c] = c;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII_WORD[c] = c;
            ASCII_WORD[c - 32] = c;
        }
    }

    private static boolean isAsciiWordChar(char c) {
        return ASCII_WORD[c] != 0;
    }

    private static boolean isWordChar(int cp) {
        if (cp < 128) {
            return isAsciiWordChar((char) cp);
        }
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    private SearchWords() {
    }
}
