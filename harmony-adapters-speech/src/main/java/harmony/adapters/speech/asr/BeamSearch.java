package harmony.adapters.speech.asr;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Beam search over Moonshine's merged decoder: {@code width} hypotheses decoded as one batch, the decoder's
 * key/value cache reordered after each step to follow the surviving hypotheses, the encoder's cache computed
 * once and shared. The result is the finished hypothesis with the best log-probability per token. One use only.
 */
final class BeamSearch {
    private static final String[] DECODER_PARTS = {"decoder.key", "decoder.value"};
    private static final String[] ENCODER_PARTS = {"encoder.key", "encoder.value"};

    private final MoonshineRecognizer model;
    private final int width;
    private final int maxTokens;
    private final TokenBias bias;
    private final List<Hypothesis> finished = new ArrayList<>();

    /** Tokens so far (without the start token) and their summed log-probability. */
    private record Hypothesis(int[] tokens, double score, boolean ended) {
        static final Hypothesis DEAD = new Hypothesis(new int[0], Double.NEGATIVE_INFINITY, false);

        double normalised() {
            return score / Math.max(1, tokens.length + (ended ? 1 : 0));
        }

        Hypothesis plus(int token, double logProbability) {
            int[] next = Arrays.copyOf(tokens, tokens.length + 1);
            next[tokens.length] = token;
            return new Hypothesis(next, score + logProbability, false);
        }
    }

    private record Candidate(int parent, int token, double score) {
    }

    BeamSearch(MoonshineRecognizer model, int width, int maxTokens, TokenBias bias) {
        this.model = model;
        this.width = width;
        this.maxTokens = maxTokens;
        this.bias = bias;
    }

    /** The best hypothesis's tokens for the encoder output {@code hidden} [1, frames, dim]. */
    int[] run(OnnxTensor hidden) throws OrtException {
        Map<String, OnnxTensor> past = new HashMap<>();
        List<OnnxTensor> shared = new ArrayList<>();
        try {
            List<Hypothesis> alive;
            int[] parents = new int[width]; // every beam starts from the single first step
            try (OrtSession.Result first = model.step(new long[] {MoonshineRecognizer.START}, false, hidden,
                    emptyPast(shared))) {
                alive = advance(List.of(new Hypothesis(new int[0], 0, false)), logits(first, 1), parents);
                for (int l = 0; l < model.layers(); l++) {
                    for (String part : ENCODER_PARTS) {
                        OnnxTensor tiled = gather(present(first, l, part), parents);
                        shared.add(tiled);
                        past.put("past_key_values." + l + "." + part, tiled);
                    }
                    for (String part : DECODER_PARTS) {
                        past.put("past_key_values." + l + "." + part, gather(present(first, l, part), parents));
                    }
                }
            }
            OnnxTensor hiddenBatch = gather(hidden, new int[width]);
            shared.add(hiddenBatch);
            for (int step = 1; step < maxTokens && finished.size() < width && !allDead(alive); step++) {
                long[] ids = new long[width];
                for (int b = 0; b < width; b++) {
                    int[] t = alive.get(b).tokens();
                    ids[b] = t.length == 0 ? MoonshineRecognizer.START : t[t.length - 1];
                }
                try (OrtSession.Result result = model.step(ids, true, hiddenBatch, past)) {
                    alive = advance(alive, logits(result, width), parents);
                    for (int l = 0; l < model.layers(); l++) {
                        for (String part : DECODER_PARTS) {
                            String name = "past_key_values." + l + "." + part;
                            OnnxTensor reordered = gather(present(result, l, part), parents);
                            past.put(name, reordered).close();
                        }
                    }
                }
            }
            for (Hypothesis h : alive) {
                if (h.score() > Double.NEGATIVE_INFINITY) {
                    finished.add(h); // cut off by the token limit
                }
            }
            return finished.stream().max((a, b) -> Double.compare(a.normalised(), b.normalised()))
                    .map(Hypothesis::tokens).orElse(new int[0]);
        } finally {
            for (Map.Entry<String, OnnxTensor> e : past.entrySet()) {
                if (!shared.contains(e.getValue())) {
                    e.getValue().close();
                }
            }
            shared.forEach(OnnxTensor::close);
        }
    }

    /**
     * Extends every live hypothesis by its best tokens and keeps the {@code width} best extensions; those ending
     * (end token, or a decoding loop) among the best {@code width} are finished. {@code parents[b]} receives the
     * hypothesis that beam b continues. Beams without a live candidate stay {@link Hypothesis#DEAD}.
     */
    private List<Hypothesis> advance(List<Hypothesis> alive, float[][] logits, int[] parents) {
        List<Candidate> candidates = new ArrayList<>();
        for (int b = 0; b < alive.size(); b++) {
            Hypothesis h = alive.get(b);
            if (h.score() == Double.NEGATIVE_INFINITY) {
                continue;
            }
            float[] row = logits[b];
            bias.apply(h.tokens(), h.tokens().length, row);
            double logSum = logSumExp(row);
            for (int token : top(row, 2 * width)) {
                candidates.add(new Candidate(b, token, h.score() + row[token] - logSum));
            }
        }
        candidates.sort((x, y) -> Double.compare(y.score(), x.score()));
        List<Hypothesis> next = new ArrayList<>();
        for (int rank = 0; rank < candidates.size() && next.size() < width; rank++) {
            Candidate c = candidates.get(rank);
            Hypothesis parent = alive.get(c.parent());
            if (c.token() == MoonshineRecognizer.END) {
                if (rank < width) {
                    finished.add(new Hypothesis(parent.tokens(), c.score(), true));
                }
                continue;
            }
            Hypothesis h = parent.plus(c.token(), c.score() - parent.score());
            if (MoonshineRecognizer.repeating(h.tokens(), h.tokens().length)) {
                if (rank < width) {
                    int kept = MoonshineRecognizer.dropRepetition(h.tokens(), h.tokens().length);
                    finished.add(new Hypothesis(Arrays.copyOf(h.tokens(), kept), h.score(), false));
                }
                continue;
            }
            parents[next.size()] = c.parent();
            next.add(h);
        }
        while (next.size() < width) {
            parents[next.size()] = 0;
            next.add(Hypothesis.DEAD);
        }
        return next;
    }

    private static boolean allDead(List<Hypothesis> alive) {
        return alive.stream().allMatch(h -> h.score() == Double.NEGATIVE_INFINITY);
    }

    private Map<String, OnnxTensor> emptyPast(List<OnnxTensor> open) throws OrtException {
        Map<String, OnnxTensor> past = new HashMap<>();
        for (int l = 0; l < model.layers(); l++) {
            for (String part : new String[] {"decoder.key", "decoder.value", "encoder.key", "encoder.value"}) {
                OnnxTensor empty = OnnxTensor.createTensor(model.env(), FloatBuffer.allocate(0),
                        new long[] {1, model.heads(), 0, model.headDim()});
                open.add(empty);
                past.put("past_key_values." + l + "." + part, empty);
            }
        }
        return past;
    }

    private static OnnxTensor present(OrtSession.Result result, int layer, String part) {
        return (OnnxTensor) result.get("present." + layer + "." + part).orElseThrow();
    }

    private static float[][] logits(OrtSession.Result result, int batch) {
        OnnxTensor tensor = (OnnxTensor) result.get("logits").orElseThrow();
        FloatBuffer all = tensor.getFloatBuffer();
        int vocabulary = all.remaining() / batch; // [batch, 1, vocabulary]
        float[][] rows = new float[batch][vocabulary];
        for (float[] row : rows) {
            all.get(row);
        }
        return rows;
    }

    /** A new tensor whose row b is row {@code rows[b]} of {@code source} (batch is the first dimension). */
    private OnnxTensor gather(OnnxTensor source, int[] rows) throws OrtException {
        long[] shape = source.getInfo().getShape();
        FloatBuffer data = source.getFloatBuffer();
        int rowSize = (int) (data.remaining() / shape[0]);
        float[] out = new float[rowSize * rows.length];
        for (int b = 0; b < rows.length; b++) {
            data.position(rows[b] * rowSize);
            data.get(out, b * rowSize, rowSize);
        }
        long[] outShape = shape.clone();
        outShape[0] = rows.length;
        return OnnxTensor.createTensor(model.env(), FloatBuffer.wrap(out), outShape);
    }

    private static double logSumExp(float[] row) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : row) {
            max = Math.max(max, v);
        }
        double sum = 0;
        float floor = max - 30; // e^-30 against the largest term: nothing the sum can show
        for (float v : row) {
            if (v > floor) {
                sum += Math.exp(v - max);
            }
        }
        return max + Math.log(sum);
    }

    /** Indices of the {@code k} largest values, largest first. */
    private static int[] top(float[] row, int k) {
        int[] best = new int[k];
        Arrays.fill(best, -1);
        for (int i = 0; i < row.length; i++) {
            if (best[k - 1] >= 0 && row[i] <= row[best[k - 1]]) {
                continue;
            }
            int j = k - 1;
            while (j > 0 && (best[j - 1] < 0 || row[i] > row[best[j - 1]])) {
                best[j] = best[j - 1];
                j--;
            }
            best[j] = i;
        }
        return best;
    }
}
