package harmony.core.ingest.transcript;

/**
 * Groups consecutive words of one speaker into a turn, for vendors that give words rather than
 * turns. Vendors name speakers by a number or letter; {@link #label} turns that into the speaker's
 * label once per change of speaker, not once per word.
 */
final class WordTurns {
    private final TranscriptDraft draft;
    private final java.util.function.Function<String, String> labels;
    private final StringBuilder text = new StringBuilder();
    private String speaker;
    private String lastKey;
    private String lastLabel;
    private long start;
    private long end;

    /** @param labels the label for a vendor's speaker key (null key: no speaker given) */
    WordTurns(TranscriptDraft draft, java.util.function.Function<String, String> labels) {
        this.draft = draft;
        this.labels = labels;
    }

    String label(String key) {
        if (lastLabel == null || !java.util.Objects.equals(key, lastKey)) {
            lastKey = key;
            lastLabel = labels.apply(key);
        }
        return lastLabel;
    }

    void word(String label, long startMs, long endMs, String word) {
        if (!label.equals(speaker)) {
            finish();
            speaker = label;
            start = startMs;
        }
        if (text.length() > 0) {
            text.append(' ');
        }
        text.append(word.strip());
        end = Math.max(endMs, startMs);
    }

    void finish() {
        if (speaker != null && text.length() > 0) {
            draft.turn(speaker, start, Math.max(start, end), text);
        }
        text.setLength(0);
        speaker = null;
    }
}
