package harmony.adapters.speech.decode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Decoded audio kept on disk as 16-bit PCM (interleaved channels), so any stretch can be read back later
 * without holding hours of audio in memory. Appended by one thread; read by many once written.
 */
public final class PcmSpool implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final int channels;
    private final ByteBuffer buffer;
    private long frames;

    private PcmSpool(Path file, int channels) throws IOException {
        this.file = file;
        this.channels = channels;
        this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        this.buffer = ByteBuffer.allocateDirect(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    }

    public static PcmSpool create(int channels) throws IOException {
        return new PcmSpool(Files.createTempFile("harmony-pcm", ".raw"), channels);
    }

    public void append(float[][] samples, int length) throws IOException {
        for (int i = 0; i < length; i++) {
            if (buffer.remaining() < 2 * channels) {
                flush();
            }
            for (int c = 0; c < channels; c++) {
                buffer.putShort((short) Math.round(Math.max(-1f, Math.min(1f, samples[c][i])) * 32767));
            }
        }
        frames += length;
    }

    /** Makes everything appended readable. */
    public void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer, channel.size());
        }
        buffer.clear();
    }

    public long frames() {
        return frames;
    }

    /** One channel's samples in [from, to), clamped to what was written. */
    public float[] read(int ofChannel, long from, long to) throws IOException {
        from = Math.max(0, from);
        to = Math.min(frames, to);
        int n = (int) Math.max(0, to - from);
        float[] out = new float[n];
        ByteBuffer bytes = ByteBuffer.allocate(n * 2 * channels).order(ByteOrder.LITTLE_ENDIAN);
        long position = from * 2 * channels;
        while (bytes.hasRemaining()) {
            int read = channel.read(bytes, position + bytes.position());
            if (read < 0) {
                break;
            }
        }
        bytes.flip();
        for (int i = 0; i < n; i++) {
            out[i] = bytes.getShort((i * channels + ofChannel) * 2) / 32768f;
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        channel.close();
        Files.deleteIfExists(file);
    }
}
