package harmony.adapters.speech.asr;

/** Adjusts the decoder's next-token scores given the tokens chosen so far (e.g. to boost custom vocabulary). */
@FunctionalInterface
public interface TokenBias {
    TokenBias NONE = (tokens, length, logits) -> { };

    void apply(int[] tokens, int length, float[] logits);
}
