package harmony.adapters.speech.diarize;

import harmony.adapters.speech.decode.AudioDecoder;

/**
 * Tells a two-party stereo recording (each party on a channel of their own, as call recorders write them)
 * from ordinary stereo: in the former, most of the time one channel is loud while the other is near silent.
 * Fed the decoded stereo stream as a {@link AudioDecoder.ChunkSink}.
 */
public final class ChannelSeparation implements AudioDecoder.ChunkSink {
    private static final int FRAME = 160; // 10 ms
    private static final double ACTIVE = 1e-3 * 1e-3; // mean square of -60 dBFS
    private static final double APART = 100; // 20 dB

    private final double[] energy = new double[2];
    private int filled;
    private long activeFrames;
    private long separateFrames;

    @Override
    public void accept(float[][] channels, int length) {
        for (int i = 0; i < length; i++) {
            energy[0] += channels[0][i] * channels[0][i];
            energy[1] += channels[1][i] * channels[1][i];
            if (++filled == FRAME) {
                double a = energy[0] / FRAME, b = energy[1] / FRAME;
                if (Math.max(a, b) > ACTIVE) {
                    activeFrames++;
                    if (Math.max(a, b) > APART * Math.max(Math.min(a, b), 1e-12)) {
                        separateFrames++;
                    }
                }
                energy[0] = energy[1] = 0;
                filled = 0;
            }
        }
    }

    /** True when at least half of the active time has a single channel speaking. */
    public boolean onePartyPerChannel() {
        return activeFrames > 0 && separateFrames * 2 >= activeFrames;
    }
}
