package harmony.adapters.speech.diarize;

/**
 * Turns a stretch of one person's speech into a vector; stretches by the same voice lie close together.
 * The plug-in point for speaker-embedding models. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface SpeakerEmbedder {
    float[] embed(float[] speech16k) throws Exception;
}
