package harmony.core.ingest.transcript;

import harmony.core.domain.Transcript;

/**
 * Reads what a user pasted into the transcript box: plain text in any of the layouts
 * {@link PlainTextReader} knows, or SRT / WebVTT cues when the paste is recognisably one.
 */
public final class PastedTranscriptReader {
    static final String NO_TEXT = "the transcript holds no text";

    public Transcript read(String text) {
        if (text == null || text.isBlank()) {
            throw new TranscriptFormatException(NO_TEXT);
        }
        TranscriptFormat format = TranscriptFormat.detect(text);
        Transcript transcript = (format == TranscriptFormat.JSON ? TranscriptFormat.PLAIN_TEXT : format).read(text);
        if (transcript.isEmpty()) {
            throw new TranscriptFormatException(NO_TEXT);
        }
        return transcript;
    }
}
