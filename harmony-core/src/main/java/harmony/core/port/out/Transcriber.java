package harmony.core.port.out;

import harmony.core.domain.Transcript;

/**
 * Speech to text with speaker identification. Reports the fraction of audio processed. Fails with a
 * {@link harmony.core.error.HarmonyException} of kind INVALID for media it can never transcribe (no
 * audio track, corrupt file) and with any other exception for conditions worth a retry.
 */
public interface Transcriber {

    Transcription transcribe(MediaSource media, ProgressListener progress) throws Exception;

    /** The transcript and the audio's duration. */
    record Transcription(Transcript transcript, long durationMs) {
    }
}
