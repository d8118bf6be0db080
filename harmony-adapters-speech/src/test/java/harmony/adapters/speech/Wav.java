package harmony.adapters.speech;

import harmony.adapters.speech.decode.AudioDecoder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** 16 kHz 16-bit WAV files for tests: read (through the decoder), silence, concatenation, writing. */
public final class Wav {
    public static final int RATE = 16_000;

    public static float[] read(Path file) throws Exception {
        float[][] all = {new float[RATE]};
        int[] n = {0};
        new AudioDecoder().decode(file, "audio/wav", 1, (channels, length) -> {
            if (n[0] + length > all[0].length) {
                all[0] = Arrays.copyOf(all[0], Math.max(2 * all[0].length, n[0] + length));
            }
            System.arraycopy(channels[0], 0, all[0], n[0], length);
            n[0] += length;
        });
        return Arrays.copyOf(all[0], n[0]);
    }

    public static float[] silence(double seconds) {
        return new float[(int) (seconds * RATE)];
    }

    public static float[] concat(float[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        float[] out = new float[length];
        int at = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** Writes one or more equally long channels. */
    public static Path write(Path file, float[]... channels) throws IOException {
        int frames = channels[0].length;
        int dataBytes = frames * channels.length * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) channels.length).putInt(RATE)
                .putInt(RATE * channels.length * 2).putShort((short) (channels.length * 2)).putShort((short) 16);
        b.put("data".getBytes()).putInt(dataBytes);
        for (int i = 0; i < frames; i++) {
            for (float[] channel : channels) {
                b.putShort((short) Math.round(Math.max(-1, Math.min(1, channel[i])) * 32767));
            }
        }
        Files.write(file, b.array());
        return file;
    }

    private Wav() {
    }
}
