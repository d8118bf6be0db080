package harmony.core.intelligence.text;

/**
 * One sentence of one turn, with the speaker's label, a start time (the turn's start plus the
 * sentence's share of the turn) and its tokens and stems.
 */
public record Sentence(int index, int turn, String speaker, long startMs, long endMs, String text,
                       Tokens tokens, String[] stems) {

    public boolean isQuestion() {
        return text.endsWith("?");
    }

    public int wordCount() {
        return tokens.size();
    }
}
