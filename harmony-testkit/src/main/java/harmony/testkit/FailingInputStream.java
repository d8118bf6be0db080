package harmony.testkit;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes {@code goodBytes} of a stream through, then throws {@code failure} — as the upload validator
 * does from inside {@code read()} when bytes turn out not to be media, or a client's connection drops.
 */
public final class FailingInputStream extends FilterInputStream {
    private final Exception failure;
    private long remaining;

    /** @param failure an {@link IOException} or a {@link RuntimeException}, thrown as itself */
    public FailingInputStream(InputStream in, long goodBytes, Exception failure) {
        super(in);
        if (!(failure instanceof IOException) && !(failure instanceof RuntimeException)) {
            throw new IllegalArgumentException("failure must be an IOException or a RuntimeException");
        }
        this.remaining = goodBytes;
        this.failure = failure;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (remaining <= 0) {
            throw fail();
        }
        int n = super.read(b, off, (int) Math.min(len, remaining));
        if (n > 0) {
            remaining -= n;
        }
        return n;
    }

    private IOException fail() {
        if (failure instanceof RuntimeException r) {
            throw r;
        }
        return (IOException) failure;
    }
}
