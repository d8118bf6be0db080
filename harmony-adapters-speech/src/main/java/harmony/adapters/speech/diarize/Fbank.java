package harmony.adapters.speech.diarize;

/**
 * Kaldi-style log mel filterbank features of 16 kHz audio: 25 ms Povey windows every 10 ms, pre-emphasis,
 * 512-point FFT, triangular mel filters from 20 Hz. The input WeSpeaker-style embedding models expect, and
 * the base of the model-free speaker statistics.
 */
public final class Fbank {
    public static final int RATE = 16_000;
    public static final int WINDOW = 400;
    public static final int HOP = 160;
    private static final int FFT = 512;

    private final int bins;
    private final float[][] filters; // [bin][FFT/2+1]
    private final int[] filterStart;
    private final int[] filterEnd;
    private final double[] window = new double[WINDOW];

    public Fbank(int bins) {
        this.bins = bins;
        for (int i = 0; i < WINDOW; i++) {
            window[i] = Math.pow(0.5 - 0.5 * Math.cos(2 * Math.PI * i / (WINDOW - 1)), 0.85);
        }
        filters = new float[bins][FFT / 2 + 1];
        filterStart = new int[bins];
        filterEnd = new int[bins];
        double low = mel(20), high = mel(RATE / 2.0);
        for (int b = 0; b < bins; b++) {
            double left = low + (high - low) * b / (bins + 1);
            double center = low + (high - low) * (b + 1) / (bins + 1);
            double right = low + (high - low) * (b + 2) / (bins + 1);
            filterStart[b] = FFT / 2;
            for (int k = 0; k <= FFT / 2; k++) {
                double m = mel((double) k * RATE / FFT);
                double w = m > left && m < right ? (m <= center ? (m - left) / (center - left) : (right - m) / (right - center)) : 0;
                filters[b][k] = (float) w;
                if (w > 0) {
                    filterStart[b] = Math.min(filterStart[b], k);
                    filterEnd[b] = k + 1;
                }
            }
        }
    }

    public int bins() {
        return bins;
    }

    /** Features of each full frame: [frames][bins], natural log of mel energies. */
    public float[][] compute(float[] samples) {
        int frames = samples.length < WINDOW ? 0 : 1 + (samples.length - WINDOW) / HOP;
        float[][] out = new float[frames][bins];
        double[] re = new double[FFT];
        double[] im = new double[FFT];
        double[] power = new double[FFT / 2 + 1];
        for (int f = 0; f < frames; f++) {
            int offset = f * HOP;
            double mean = 0;
            for (int i = 0; i < WINDOW; i++) {
                mean += samples[offset + i];
            }
            mean /= WINDOW;
            java.util.Arrays.fill(im, 0);
            java.util.Arrays.fill(re, WINDOW, FFT, 0);
            double prev = samples[offset] - mean;
            for (int i = 0; i < WINDOW; i++) {
                double x = samples[offset + i] - mean;
                re[i] = (x - 0.97 * prev) * window[i] * 32768; // Kaldi works on 16-bit sample values
                prev = x;
            }
            fft(re, im);
            for (int k = 0; k <= FFT / 2; k++) {
                power[k] = re[k] * re[k] + im[k] * im[k];
            }
            for (int b = 0; b < bins; b++) {
                double e = 0;
                for (int k = filterStart[b]; k < filterEnd[b]; k++) {
                    e += filters[b][k] * power[k];
                }
                out[f][b] = (float) Math.log(Math.max(e, 1.1920929e-7));
            }
        }
        return out;
    }

    private static double mel(double hz) {
        return 1127 * Math.log(1 + hz / 700);
    }

    /** In-place iterative radix-2 FFT. */
    static void fft(double[] re, double[] im) {
        int n = re.length;
        for (int i = 1, j = 0; i < n; i++) {
            int bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) {
                j ^= bit;
            }
            j ^= bit;
            if (i < j) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
            }
        }
        for (int len = 2; len <= n; len <<= 1) {
            double angle = -2 * Math.PI / len;
            double wr = Math.cos(angle), wi = Math.sin(angle);
            for (int i = 0; i < n; i += len) {
                double cr = 1, ci = 0;
                for (int k = 0; k < len / 2; k++) {
                    int a = i + k, b = i + k + len / 2;
                    double tr = re[b] * cr - im[b] * ci;
                    double ti = re[b] * ci + im[b] * cr;
                    re[b] = re[a] - tr; im[b] = im[a] - ti;
                    re[a] += tr; im[a] += ti;
                    double nr = cr * wr - ci * wi;
                    ci = cr * wi + ci * wr;
                    cr = nr;
                }
            }
        }
    }
}
