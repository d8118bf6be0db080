package harmony.adapters.speech.vad;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import harmony.adapters.speech.onnx.OnnxRuntime;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;

/**
 * Silero VAD v6 on ONNX Runtime: the probability of speech in each 32 ms frame (512 samples at 16 kHz).
 * The model is recurrent, so one instance follows one audio stream; the session itself is shared.
 */
public final class SileroVad implements AutoCloseable {
    public static final int FRAME = 512;
    private static final int CONTEXT = 64;

    private final OrtEnvironment env = OnnxRuntime.environment();
    private final OrtSession session;

    public SileroVad(Path model) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.session = env.createSession(model.toString(), options);
        }
    }

    /** A fresh stream state. */
    public Stream newStream() {
        return new Stream();
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }

    /** The model's memory for one audio stream. */
    public final class Stream {
        private float[] state = new float[2 * 128];
        private final float[] input = new float[CONTEXT + FRAME];

        /** Speech probability of the next frame ({@link #FRAME} samples from {@code offset}). */
        public float next(float[] samples, int offset) throws OrtException {
            System.arraycopy(input, FRAME, input, 0, CONTEXT); // the previous frame's tail is this one's context
            System.arraycopy(samples, offset, input, CONTEXT, FRAME);
            try (OnnxTensor in = OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, CONTEXT + FRAME});
                 OnnxTensor st = OnnxTensor.createTensor(env, FloatBuffer.wrap(state), new long[] {2, 1, 128});
                 OnnxTensor sr = OnnxTensor.createTensor(env, 16_000L);
                 OrtSession.Result result = session.run(Map.of("input", in, "state", st, "sr", sr))) {
                float probability = ((float[][]) result.get("output").orElseThrow().getValue())[0][0];
                FloatBuffer next = ((OnnxTensor) result.get("stateN").orElseThrow()).getFloatBuffer();
                next.get(state);
                return probability;
            }
        }
    }
}
