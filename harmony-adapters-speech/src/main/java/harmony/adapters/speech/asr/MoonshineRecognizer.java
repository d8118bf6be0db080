package harmony.adapters.speech.asr;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import harmony.adapters.speech.onnx.OnnxRuntime;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Moonshine speech recognition on ONNX Runtime: the encoder over raw 16 kHz audio, then greedy decoding with
 * the merged decoder and its key/value cache. Works with any Moonshine-format model directory
 * ({@code encoder_model.onnx}, {@code decoder_model_merged.onnx}); its shape is read from the model.
 * Thread-safe: segments may be recognised in parallel.
 */
public final class MoonshineRecognizer implements AutoCloseable {
    public static final String ENCODER = "encoder_model.onnx";
    public static final String DECODER = "decoder_model_merged.onnx";
    static final int START = 1;
    static final int END = 2;
    /** Moonshine emits at most about 6 tokens per second of speech; a little more is allowed for short clips. */
    private static final double TOKENS_PER_SECOND = 6.5;

    private final OrtEnvironment env = OnnxRuntime.environment();
    private final OrtSession encoder;
    private final OrtSession decoder;
    private final Vocabulary vocabulary;
    private final int layers;
    private final long heads;
    private final long headDim;

    private final int beamWidth;

    public MoonshineRecognizer(Path modelDirectory, Vocabulary vocabulary, int threadsPerSegment) throws OrtException {
        this(modelDirectory, vocabulary, threadsPerSegment, 1);
    }

    /** {@code beamWidth} 1 decodes greedily; more keeps that many hypotheses (see {@link BeamSearch}). */
    public MoonshineRecognizer(Path modelDirectory, Vocabulary vocabulary, int threadsPerSegment, int beamWidth)
            throws OrtException {
        if (beamWidth < 1) {
            throw new IllegalArgumentException("beamWidth must be at least 1");
        }
        this.vocabulary = vocabulary;
        this.beamWidth = beamWidth;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threadsPerSegment);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            this.encoder = env.createSession(modelDirectory.resolve(ENCODER).toString(), options);
            this.decoder = env.createSession(modelDirectory.resolve(DECODER).toString(), options);
        }
        Map<String, NodeInfo> inputs = decoder.getInputInfo();
        this.layers = (int) inputs.keySet().stream().filter(n -> n.matches("past_key_values\\.\\d+\\.decoder\\.key")).count();
        long[] shape = ((TensorInfo) inputs.get("past_key_values.0.decoder.key").getInfo()).getShape();
        this.heads = shape[1] > 0 ? shape[1] : 8;
        this.headDim = shape[3] > 0 ? shape[3] : 36;
    }

    public String transcribe(float[] audio) throws OrtException {
        return transcribe(audio, TokenBias.NONE);
    }

    /** The text spoken in {@code audio} (16 kHz mono, at most about 30 s). */
    public String transcribe(float[] audio, TokenBias bias) throws OrtException {
        int maxTokens = Math.max(6, (int) Math.ceil(audio.length / 16_000.0 * TOKENS_PER_SECOND));
        int[] tokens = new int[maxTokens];
        try (OnnxTensor input = OnnxTensor.createTensor(env, FloatBuffer.wrap(audio), new long[] {1, audio.length});
             OrtSession.Result encoded = encoder.run(Map.of("input_values", input))) {
            OnnxTensor hidden = (OnnxTensor) encoded.get(0);
            if (beamWidth > 1) {
                int[] best = new BeamSearch(this, beamWidth, maxTokens, bias).run(hidden);
                return vocabulary.decode(best, best.length);
            }
            int count = decode(hidden, tokens, bias);
            return vocabulary.decode(tokens, count);
        }
    }

    /** Greedy decoding into {@code tokens}; returns how many were produced. */
    private int decode(OnnxTensor hidden, int[] tokens, TokenBias bias) throws OrtException {
        List<AutoCloseable> open = new ArrayList<>();
        OrtSession.Result previous = null;
        try {
            Map<String, OnnxTensor> past = new HashMap<>();
            for (int l = 0; l < layers; l++) {
                for (String part : ALL_PARTS) {
                    OnnxTensor empty = OnnxTensor.createTensor(env, FloatBuffer.allocate(0), new long[] {1, heads, 0, headDim});
                    open.add(empty);
                    past.put("past_key_values." + l + "." + part, empty);
                }
            }
            int count = 0;
            int token = START;
            float[] logits = null;
            for (int step = 0; step < tokens.length; step++) {
                OrtSession.Result result = step(new long[] {token}, step > 0, hidden, past);
                FloatBuffer scores = ((OnnxTensor) result.get("logits").orElseThrow()).getFloatBuffer();
                if (logits == null) {
                    logits = new float[scores.remaining()];
                }
                scores.get(logits);
                bias.apply(tokens, count, logits);
                token = argmax(logits);
                // the encoder's keys/values come from the first step only; the decoder's grow every step
                for (int l = 0; l < layers; l++) {
                    for (String part : step == 0 ? ALL_PARTS : DECODER_PARTS) {
                        past.put("past_key_values." + l + "." + part,
                                (OnnxTensor) result.get("present." + l + "." + part).orElseThrow());
                    }
                }
                if (step == 0) {
                    open.add(result); // holds the encoder keys/values for every later step
                } else {
                    if (previous != null) {
                        previous.close();
                    }
                    previous = result;
                }
                if (token == END) {
                    break;
                }
                tokens[count++] = token;
                if (repeating(tokens, count)) {
                    return dropRepetition(tokens, count);
                }
            }
            return count;
        } finally {
            if (previous != null) {
                previous.close();
            }
            for (AutoCloseable c : open) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // native memory is freed regardless
                }
            }
        }
    }

    private static final String[] ALL_PARTS = {"decoder.key", "decoder.value", "encoder.key", "encoder.value"};
    private static final String[] DECODER_PARTS = {"decoder.key", "decoder.value"};

    /** One decoder step for a batch: {@code ids[b]} is row b's last token; {@code cached} after the first step. */
    OrtSession.Result step(long[] ids, boolean cached, OnnxTensor hidden, Map<String, OnnxTensor> past) throws OrtException {
        Map<String, OnnxTensor> feed = new HashMap<>(past);
        try (OnnxTensor input = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), new long[] {ids.length, 1});
             OnnxTensor useCache = OnnxTensor.createTensor(env, new boolean[] {cached})) {
            feed.put("input_ids", input);
            feed.put("use_cache_branch", useCache);
            feed.put("encoder_hidden_states", hidden);
            return decoder.run(feed);
        }
    }

    OrtEnvironment env() {
        return env;
    }

    int layers() {
        return layers;
    }

    long heads() {
        return heads;
    }

    long headDim() {
        return headDim;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    private static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** A decoder stuck in a loop (the same n-gram four times at the end) is stopped. */
    static boolean repeating(int[] tokens, int count) {
        return repeatLength(tokens, count) > 0;
    }

    private static int repeatLength(int[] tokens, int count) {
        for (int n = 1; n <= 8; n++) {
            if (count < 4 * n) {
                break;
            }
            boolean loop = true;
            for (int k = 1; k < 4 && loop; k++) {
                for (int i = 0; i < n; i++) {
                    if (tokens[count - 1 - i] != tokens[count - 1 - i - k * n]) {
                        loop = false;
                        break;
                    }
                }
            }
            if (loop) {
                return n;
            }
        }
        return 0;
    }

    static int dropRepetition(int[] tokens, int count) {
        int n = repeatLength(tokens, count);
        return count - 3 * n; // keep one occurrence
    }

    @Override
    public void close() throws OrtException {
        encoder.close();
        decoder.close();
    }
}
