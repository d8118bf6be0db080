package harmony.adapters.speech.vad;

/**
 * A stretch of speech found by the VAD: its time on the recording's timeline (speech bounds) and its audio,
 * which starts {@code audioOffset} samples before {@code startSample} (a little context for the recogniser).
 */
public record SpeechSegment(int channel, long startSample, long endSample, float[] audio, int audioOffset) {
    public long startMs() {
        return startSample * 1000 / 16_000;
    }

    public long endMs() {
        return endSample * 1000 / 16_000;
    }

    public double seconds() {
        return (endSample - startSample) / 16_000.0;
    }

    /** The speech samples alone, without the context. */
    public float[] speech() {
        int length = (int) (endSample - startSample);
        float[] out = new float[length];
        System.arraycopy(audio, audioOffset, out, 0, Math.min(length, audio.length - audioOffset));
        return out;
    }
}
