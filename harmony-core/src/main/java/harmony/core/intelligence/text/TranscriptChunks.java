package harmony.core.intelligence.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A transcript as text for a language model, one turn a line ({@code [12:03] Dana Reyes: …}), cut
 * into chunks of at most a number of words at turn boundaries (a single longer turn is cut at
 * sentence boundaries), so long meetings can be processed map-reduce.
 */
public final class TranscriptChunks {

    public static List<String> split(Document doc, UnaryOperator<String> speakerName, int maxWords) {
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int words = 0;
        String openTurnSpeaker = null;
        int openTurn = -1;
        for (Sentence s : doc.sentences()) {
            if (words > 0 && words + s.wordCount() > maxWords) {
                chunks.add(current.toString());
                current.setLength(0);
                words = 0;
                openTurn = -1;
            }
            if (s.turn() != openTurn) {
                if (!current.isEmpty()) {
                    current.append('\n');
                }
                openTurnSpeaker = speakerName.apply(s.speaker());
                current.append('[').append(clock(s.startMs())).append("] ").append(openTurnSpeaker).append(':');
                openTurn = s.turn();
            }
            current.append(' ').append(s.text());
            words += s.wordCount();
        }
        if (!current.isEmpty()) {
            chunks.add(current.toString());
        }
        return chunks;
    }

    static String clock(long ms) {
        long s = ms / 1000;
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%02d:%02d", s / 60, s % 60);
    }

    private TranscriptChunks() {
    }
}
