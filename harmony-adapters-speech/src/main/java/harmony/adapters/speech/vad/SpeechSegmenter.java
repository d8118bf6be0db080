package harmony.adapters.speech.vad;

import ai.onnxruntime.OrtException;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Cuts one channel's audio stream into speech segments as it arrives: Silero probabilities with hysteresis,
 * a minimum silence to end a segment, a minimum speech length, and a maximum length (a long monologue is cut
 * at its least speech-like frame). Holds at most one segment's audio; silence is never passed on.
 */
public final class SpeechSegmenter {
    /** Tunables, in milliseconds where it says so. */
    public record Settings(float threshold, float negativeThreshold, int minSilenceMs, int minSpeechMs,
                           int speechPadMs, int contextPadMs, int maxSegmentMs) {
        public static final Settings DEFAULT = new Settings(0.5f, 0.35f, 100, 200, 40, 120, 30_000);
    }

    private static final int RATE = 16_000;

    private final SileroVad.Stream vad;
    private final Settings settings;
    private final int channel;
    private final Consumer<SpeechSegment> out;

    // every sample from bufferStart on; trimmed to a little context while no one speaks
    private float[] buffer = new float[RATE * 4];
    private int buffered;
    private long bufferStart;
    private long position; // samples fed to the VAD so far

    private boolean speaking;
    private long speechStart;
    private long silenceStart = -1;
    private long quietestFrame = -1;
    private float quietestProbability;

    public SpeechSegmenter(SileroVad.Stream vad, Settings settings, int channel, Consumer<SpeechSegment> out) {
        this.vad = vad;
        this.settings = settings;
        this.channel = channel;
        this.out = out;
    }

    public void accept(float[] samples, int length) throws OrtException {
        append(samples, length);
        while (bufferStart + buffered - position >= SileroVad.FRAME) {
            int offset = (int) (position - bufferStart);
            float p = vad.next(buffer, offset);
            onFrame(position, p);
            position += SileroVad.FRAME;
            trim();
        }
    }

    /** Ends the stream: a segment still open is emitted. */
    public void finish() {
        if (speaking) {
            long end = silenceStart >= 0 ? silenceStart : position;
            emit(speechStart, end);
            speaking = false;
        }
    }

    private void onFrame(long frameStart, float p) {
        long frameEnd = frameStart + SileroVad.FRAME;
        if (p >= settings.threshold()) {
            silenceStart = -1;
            if (!speaking) {
                speaking = true;
                speechStart = frameStart;
                quietestFrame = -1;
            }
        } else if (speaking && p < settings.negativeThreshold()) {
            if (silenceStart < 0) {
                silenceStart = frameStart;
            }
            if (frameEnd - silenceStart >= ms(settings.minSilenceMs())) {
                emit(speechStart, silenceStart);
                speaking = false;
                silenceStart = -1;
                return;
            }
        }
        if (speaking) {
            if (frameStart - speechStart > ms(1000) && (quietestFrame < 0 || p < quietestProbability)) {
                quietestFrame = frameStart;
                quietestProbability = p;
            }
            if (frameEnd - speechStart >= ms(settings.maxSegmentMs())) {
                long cut = quietestFrame > 0 ? quietestFrame : frameEnd;
                emit(speechStart, cut);
                speechStart = cut;
                silenceStart = -1;
                quietestFrame = -1;
            }
        }
    }

    private void emit(long start, long end) {
        if (end - start < ms(settings.minSpeechMs())) {
            return;
        }
        long pad = ms(settings.speechPadMs());
        long s = Math.max(bufferStart, start - pad);
        long e = Math.min(bufferStart + buffered, end + pad);
        long audioStart = Math.max(bufferStart, s - ms(settings.contextPadMs()));
        long audioEnd = Math.min(bufferStart + buffered, e + ms(settings.contextPadMs()));
        float[] audio = Arrays.copyOfRange(buffer, (int) (audioStart - bufferStart), (int) (audioEnd - bufferStart));
        out.accept(new SpeechSegment(channel, s, e, audio, (int) (s - audioStart)));
    }

    private void append(float[] samples, int length) {
        if (buffered + length > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, buffered + length));
        }
        System.arraycopy(samples, 0, buffer, buffered, length);
        buffered += length;
    }

    /** Keeps only the context a segment starting now could need. */
    private void trim() {
        long keepFrom = (speaking ? Math.min(speechStart, position) : position) - ms(settings.speechPadMs() + settings.contextPadMs()) - SileroVad.FRAME;
        int drop = (int) Math.min(buffered, Math.max(0, keepFrom - bufferStart));
        if (drop > RATE) {
            System.arraycopy(buffer, drop, buffer, 0, buffered - drop);
            buffered -= drop;
            bufferStart += drop;
        }
    }

    private static long ms(int millis) {
        return (long) millis * RATE / 1000;
    }
}
