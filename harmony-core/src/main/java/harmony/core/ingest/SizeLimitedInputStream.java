package harmony.core.ingest;

import harmony.core.error.HarmonyException;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Counts bytes as they pass and fails as soon as more than {@code limit} have been read. It never
 * asks the source for more than {@code limit + 1} bytes in total, so an oversized upload is refused
 * without reading its rest. A declared length is never trusted.
 */
public final class SizeLimitedInputStream extends FilterInputStream {
    /** The chunk {@link InputStream#transferTo} uses in the JDK, so a checked copy moves bytes as an unchecked one does. */
    private static final int TRANSFER_CHUNK = 8192;
    private final long limit;
    private long count;

    public SizeLimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    /** Bytes read so far. */
    public long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        checkNotOver();
        int b = in.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        checkNotOver();
        if (len == 0) {
            return 0;
        }
        int allowed = (int) Math.min(len, limit + 1 - count);
        int n = in.read(b, off, allowed);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    /**
     * Copies through {@link #read(byte[], int, int)} in every JDK, so each byte is counted and the
     * limit holds (a {@code transferTo} that handed the copy to the wrapped stream would not).
     */
    @Override
    public long transferTo(OutputStream out) throws IOException {
        byte[] chunk = new byte[TRANSFER_CHUNK];
        long copied = 0;
        int n;
        while ((n = read(chunk, 0, chunk.length)) >= 0) {
            out.write(chunk, 0, n);
            copied += n;
        }
        return copied;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = in.skip(Math.min(n, limit + 1 - count));
        advance(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void advance(long n) {
        count += n;
        checkNotOver();
    }

    private void checkNotOver() {
        if (count > limit) {
            throw HarmonyException.tooLarge(limit);
        }
    }
}
