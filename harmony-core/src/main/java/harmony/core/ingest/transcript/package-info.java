/**
 * Transcript formats: readers that turn what users bring into a {@link harmony.core.domain.Transcript}.
 * <ul>
 *   <li>{@link harmony.core.ingest.transcript.PastedTranscriptReader}: the paste box (plain text, or SRT/WebVTT cues);</li>
 *   <li>{@link harmony.core.ingest.transcript.TranscriptFileReader}: an uploaded file (JSON, SRT, WebVTT, text; 10 MB);</li>
 *   <li>{@link harmony.core.ingest.transcript.StructuredConversationReader}: a structured import of participants and messages.</li>
 * </ul>
 * One class per format: {@link harmony.core.ingest.transcript.PlainTextReader},
 * {@link harmony.core.ingest.transcript.SrtReader}, {@link harmony.core.ingest.transcript.WebVttReader},
 * {@link harmony.core.ingest.transcript.JsonTranscriptReader} (with one small {@code *TranscriptJson} mapper per
 * vendor). Every mistake in the input is a {@link harmony.core.ingest.transcript.TranscriptFormatException}
 * naming the place and the reason.
 */
package harmony.core.ingest.transcript;
