package harmony.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;

/**
 * A stream of {@code length} reproducible bytes that is never held whole: 1 MiB blocks of seeded noise,
 * each stamped with its index in its first 8 bytes so that lost, repeated or swapped blocks change the
 * digest. Fast enough (memory-copy speed) not to slow the stores it feeds.
 */
public final class GeneratedBytes extends InputStream {
    static final int BLOCK = 1 << 20;

    private final byte[] noise;
    private final long length;
    private long position;

    public GeneratedBytes(long seed, long length) {
        this.noise = noise(seed);
        this.length = length;
    }

    @Override
    public int read() {
        if (position >= length) {
            return -1;
        }
        return byteAt(noise, position++) & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (position >= length) {
            return -1;
        }
        int n = (int) Math.min(len, length - position);
        int done = 0;
        while (done < n) {
            int inBlock = (int) (position % BLOCK);
            int chunk = Math.min(n - done, BLOCK - inBlock);
            System.arraycopy(noise, inBlock, b, off + done, chunk);
            if (inBlock < Long.BYTES) { // overwrite the stamp bytes that this chunk covers
                long index = position / BLOCK;
                for (int i = inBlock; i < Math.min(Long.BYTES, inBlock + chunk); i++) {
                    b[off + done + i - inBlock] = (byte) (index >>> (8 * i));
                }
            }
            done += chunk;
            position += chunk;
        }
        return n;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, length - position);
    }

    /** Bytes {@code [from, from + count)} of the stream with this seed. */
    public static byte[] slice(long seed, long from, int count) {
        byte[] noise = noise(seed);
        byte[] out = new byte[count];
        for (int i = 0; i < count; i++) {
            out[i] = byteAt(noise, from + i);
        }
        return out;
    }

    /** The lower-case hex SHA-256 of the whole stream. */
    public static String sha256(long seed, long length) {
        try (InputStream in = new GeneratedBytes(seed, length)) {
            return sha256Of(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code in} to its end and returns its lower-case hex SHA-256. */
    public static String sha256Of(InputStream in) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buffer = new byte[1 << 16];
        int n;
        while ((n = in.read(buffer)) != -1) {
            sha.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static byte byteAt(byte[] noise, long position) {
        int inBlock = (int) (position % BLOCK);
        return inBlock < Long.BYTES ? (byte) ((position / BLOCK) >>> (8 * inBlock)) : noise[inBlock];
    }

    private static byte[] noise(long seed) {
        byte[] noise = new byte[BLOCK];
        new Random(seed).nextBytes(noise);
        return noise;
    }
}
