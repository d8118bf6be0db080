package harmony.adapters.speech.diarize;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import harmony.adapters.speech.onnx.OnnxRuntime;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;

/**
 * A user-supplied speaker-embedding model (WeSpeaker-style): input {@code [1, frames, bins]} of mean-normalised
 * log mel filterbank features (80 bins unless the model says otherwise), output the embedding.
 */
public final class OnnxSpeakerEmbedder implements SpeakerEmbedder, AutoCloseable {
    private final OrtEnvironment env = OnnxRuntime.environment();
    private final OrtSession session;
    private final String input;
    private final Fbank fbank;

    public OnnxSpeakerEmbedder(Path model) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            this.session = env.createSession(model.toString(), options);
        }
        Map.Entry<String, NodeInfo> first = session.getInputInfo().entrySet().iterator().next();
        this.input = first.getKey();
        long[] shape = first.getValue().getInfo() instanceof TensorInfo t ? t.getShape() : new long[0];
        this.fbank = new Fbank(shape.length == 3 && shape[2] > 0 ? (int) shape[2] : 80);
    }

    @Override
    public float[] embed(float[] speech16k) throws OrtException {
        float[][] feats = fbank.compute(speech16k);
        int frames = Math.max(1, feats.length);
        int bins = fbank.bins();
        float[] flat = new float[frames * bins];
        float[] mean = new float[bins];
        for (float[] frame : feats) {
            for (int b = 0; b < bins; b++) {
                mean[b] += frame[b] / feats.length;
            }
        }
        for (int f = 0; f < feats.length; f++) {
            for (int b = 0; b < bins; b++) {
                flat[f * bins + b] = feats[f][b] - mean[b];
            }
        }
        try (OnnxTensor tensor = OnnxTensor.createTensor(env, FloatBuffer.wrap(flat), new long[] {1, frames, bins});
             OrtSession.Result result = session.run(Map.of(input, tensor))) {
            FloatBuffer out = ((OnnxTensor) result.get(0)).getFloatBuffer();
            float[] embedding = new float[out.remaining()];
            out.get(embedding);
            return embedding;
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
