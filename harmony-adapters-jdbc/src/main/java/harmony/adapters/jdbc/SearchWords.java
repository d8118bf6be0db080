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
            StringBuilder sb = new StringBuilder(text.length() + 1);
            appendWords(text, sb);
            for (String w : sb.toString().split(" ")) {
                if (!w.isEmpty()) {
                    words.add(w);
                }
            }
        }
        return words;
    }

    /** Stored form of a title: {@code " w1 w2 … "}, so {@code LIKE '% w %'} matches whole words only. */
    static String column(String text) {
        return capped(join(of(text)), MAX_TITLE_CHARS);
    }

    /**
     * Stored form of a transcript's words: the same {@code " w1 w2 … "} shape, each word once. One
     * normalising pass, then a de-duplicating one over the result: this runs for every stored
     * transcript, and the smaller column is cheaper to index (PostgreSQL) and to scan (H2).
     */
    static String column(Transcript transcript) {
        int length = 1;
        for (Turn turn : transcript.turns()) {
            length += turn.text().length() + 1;
        }
        StringBuilder all = new StringBuilder(length + 16).append(' ');
        for (Turn turn : transcript.turns()) {
            appendWords(turn.text(), all);
        }
        return capped(distinct(all.toString()), MAX_TRANSCRIPT_CHARS);
    }

    /** The whole words of a stored {@code " w1 w2 … "} that fit in {@code max} characters, in the same shape. */
    private static String capped(String words, int max) {
        return words.length() <= max ? words : words.substring(0, words.lastIndexOf(' ', max - 1) + 1);
    }

    /**
     * Each word of a normalised {@code " w1 w2 … "} string once, in first-seen order. An open-addressing
     * table of first occurrences (offsets into {@code all}) instead of a set of strings: no object per word.
     */
    private static String distinct(String all) {
        int words = 0;
        for (int i = 0; i < all.length(); i++) {
            if (all.charAt(i) == ' ') {
                words++;
            }
        }
        int mask = Integer.highestOneBit(Math.max(8, words) * 2) * 2 - 1;
        int[] starts = new int[mask + 1];
        int[] lengths = new int[mask + 1];
        StringBuilder distinct = new StringBuilder(all.length()).append(' ');
        for (int from = 1, to; from < all.length(); from = to + 1) {
            to = all.indexOf(' ', from);
            int length = to - from;
            int hash = 0;
            for (int i = from; i < to; i++) {
                hash = 31 * hash + all.charAt(i);
            }
            for (int slot = (hash ^ (hash >>> 16)) & mask; ; slot = (slot + 1) & mask) {
                if (lengths[slot] == 0) {
                    starts[slot] = from;
                    lengths[slot] = length;
                    distinct.append(all, from, to + 1);
                    break;
                }
                if (lengths[slot] == length && all.regionMatches(starts[slot], all, from, length)) {
                    break;
                }
            }
        }
        return distinct.toString();
    }

    /**
     * Appends each word of {@code text}, lower-cased, followed by one space. ASCII (most speech) is
     * lower-cased in place; a word with other characters gets full Unicode case mapping, exactly
     * as the query's words do.
     */
    private static void appendWords(String text, StringBuilder sb) {
        int wordStart = -1;
        int wordStartInSb = 0;
        boolean ascii = true;
        int n = text.length();
        for (int i = 0; i < n; ) {
            char c = text.charAt(i);
            boolean inWord;
            int length = 1;
            if (c < 128) {
                inWord = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
            } else {
                int cp = text.codePointAt(i);
                inWord = isWordChar(cp);
                length = Character.charCount(cp);
            }
            if (inWord) {
                if (wordStart < 0) {
                    wordStart = i;
                    wordStartInSb = sb.length();
                    ascii = true;
                }
                if (c < 128) {
                    sb.append(c <= 'Z' && c >= 'A' ? (char) (c + 32) : c);
                } else {
                    ascii = false;
                    sb.append(text, i, i + length);
                }
            } else if (wordStart >= 0) {
                endWord(text, wordStart, i, ascii, wordStartInSb, sb);
                wordStart = -1;
            }
            i += length;
        }
        if (wordStart >= 0) {
            endWord(text, wordStart, n, ascii, wordStartInSb, sb);
        }
    }

    private static void endWord(String text, int from, int to, boolean ascii, int startInSb, StringBuilder sb) {
        if (!ascii) {
            sb.setLength(startInSb);
            sb.append(text.substring(from, to).toLowerCase(Locale.ROOT));
        }
        if (sb.length() - startInSb > MAX_WORD_CHARS) {
            int cut = startInSb + MAX_WORD_CHARS;
            sb.setLength(Character.isHighSurrogate(sb.charAt(cut - 1)) ? cut - 1 : cut);
        }
        sb.append(' ');
    }

    private static boolean isWordChar(int cp) {
        if (cp < 128) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        }
        if (Character.isLetter(cp)) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
    }

    private static String join(Set<String> words) {
        int length = 1;
        for (String w : words) {
            length += w.length() + 1;
        }
        StringBuilder sb = new StringBuilder(length).append(' ');
        for (String w : words) {
            sb.append(w).append(' ');
        }
        return sb.toString();
    }

    private SearchWords() {
    }
}
