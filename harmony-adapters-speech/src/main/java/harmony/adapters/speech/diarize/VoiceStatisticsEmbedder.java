package harmony.adapters.speech.diarize;

/**
 * The model-free default voice print: mean and spread of the cepstrum (MFCC 1..19 from a 40-band log mel
 * filterbank) over a segment's loud frames. Captures vocal-tract shape and timbre well enough to tell
 * a handful of voices apart.
 */
public final class VoiceStatisticsEmbedder implements SpeakerEmbedder {
    private static final int BANDS = 40;
    private static final int CEPSTRA = 20;

    private final Fbank fbank = new Fbank(BANDS);
    private final double[][] dct = new double[CEPSTRA][BANDS];

    public VoiceStatisticsEmbedder() {
        for (int c = 0; c < CEPSTRA; c++) {
            for (int b = 0; b < BANDS; b++) {
                dct[c][b] = Math.cos(Math.PI * c * (b + 0.5) / BANDS);
            }
        }
    }

    @Override
    public float[] embed(float[] speech16k) {
        float[][] mel = fbank.compute(speech16k);
        int dims = CEPSTRA - 1;
        float[] out = new float[2 * dims];
        if (mel.length == 0) {
            return out;
        }
        double[] energy = new double[mel.length];
        for (int f = 0; f < mel.length; f++) {
            double e = 0;
            for (float v : mel[f]) {
                e += v;
            }
            energy[f] = e / BANDS;
        }
        double loudest = java.util.Arrays.stream(energy).max().orElse(0);
        double[] sum = new double[dims];
        double[] sumSq = new double[dims];
        int used = 0;
        for (int f = 0; f < mel.length; f++) {
            if (energy[f] < loudest - 4) { // about 35 dB below the peak: pauses and breath, not voice
                continue;
            }
            for (int c = 1; c < CEPSTRA; c++) {
                double v = 0;
                for (int b = 0; b < BANDS; b++) {
                    v += dct[c][b] * mel[f][b];
                }
                sum[c - 1] += v;
                sumSq[c - 1] += v * v;
            }
            used++;
        }
        for (int d = 0; d < dims; d++) {
            double mean = sum[d] / used;
            out[d] = (float) mean;
            out[dims + d] = (float) Math.sqrt(Math.max(0, sumSq[d] / used - mean * mean));
        }
        return out;
    }
}
