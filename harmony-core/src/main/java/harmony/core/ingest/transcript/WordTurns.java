package harmony.core.ingest.transcript;

/** Groups consecutive words of one speaker into a turn, for vendors that give words rather than turns. */
final class WordTurns {
    private final TranscriptDraft draft;
    private final StringBuilder text = new StringBuilder();
    private String speaker;
    private long start;
    private long end;

    WordTurns(TranscriptDraft draft) {
        this.draft = draft;
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
