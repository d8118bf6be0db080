package harmony.adapters.filesystem;

import com.sun.nio.file.ExtendedOpenOption;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a stream of unknown length into a new file and makes it durable, digesting it on the way, at
 * close to the disk's speed. Measured on Linux (harmony-bench's {@code DiskWriteModes}), the
 * costly part of a durable write is not the copy but the final fsync of gigabytes of dirty page cache,
 * so:
 * <ul>
 * <li>A stream longer than one buffer is written with direct I/O ({@code O_DIRECT}): the device reads the
 * bytes from an aligned buffer, nothing piles up in the page cache, and the closing fsync has only
 * metadata left. The last block is padded to the alignment and the file truncated back to its size.
 * Where the file system refuses direct I/O (tmpfs, some FUSE and ZFS versions, macOS), the file is written
 * through the page cache with an {@code fdatasync} every {@value #SYNC_EVERY_MIB} MiB, so dirty pages never
 * pile up either.</li>
 * <li>Two {@value #BUFFER_MIB} MiB buffers take turns: while the caller's thread fills one, a background
 * thread digests the other (in stream order) and another writes it, so reading, hashing and writing
 * overlap instead of adding up. Whatever the stream's size, a write holds two heap buffers, plus one
 * aligned direct buffer per direct write in flight (at most two, reused across writes).</li>
 * </ul>
 * A stream that fits in one buffer is written through the page cache and fsynced once.
 */
final class DurableFileWriter {
    static final int BUFFER_MIB = 4;
    static final int BUFFER = BUFFER_MIB << 20;
    static final int SYNC_EVERY_MIB = 64;
    private static final long SYNC_EVERY = (long) SYNC_EVERY_MIB << 20;
    /** The largest block size direct I/O is used with (larger ones keep to the page cache). */
    private static final int MAX_ALIGNMENT = 64 << 10;
    private static final byte[] ZEROS = new byte[MAX_ALIGNMENT];
    /** Idle direct buffers kept for the next writes: off-heap memory, so reused rather than left to the GC. */
    private static final BlockingQueue<ByteBuffer> SPARE_DIRECT = new ArrayBlockingQueue<>(4);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** Digesters and disk writers for every store; idle threads end after a minute. */
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "harmony-fs-write-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private DurableFileWriter() {
    }

    /**
     * Creates {@code file} (which must not exist), streams {@code content} into it, feeds every byte to
     * {@code digest} and forces data and metadata to the device. Returns the byte count. On failure the
     * file is left for the caller to delete; no write is still running when this returns or throws.
     */
    static long write(InputStream content, Path file, MessageDigest digest) throws IOException {
        return write(content, file, digest, true);
    }

    /** As {@link #write(InputStream, Path, MessageDigest)}; {@code tryDirect} false keeps to the page cache (tests). */
    static long write(InputStream content, Path file, MessageDigest digest, boolean tryDirect) throws IOException {
        byte[] first = new byte[BUFFER];
        int length = content.readNBytes(first, 0, BUFFER);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            if (length < BUFFER) {
                digest.update(first, 0, length);
                writeFully(out, ByteBuffer.wrap(first, 0, length), 0);
                out.force(true);
                return length;
            }
            int alignment = tryDirect ? directAlignment(file) : 0;
            FileChannel direct = alignment > 0 ? openDirect(file) : null;
            try (FileChannel closeDirect = direct) {
                Sink sink = direct != null ? new DirectSink(direct, alignment) : new PageCacheSink(out);
                long size = pipeline(content, first, digest, sink);
                sink.finish(size);
                return size;
            }
        }
    }

    /** Fills one buffer while the other is digested and written; {@code first} is already full. */
    private static long pipeline(InputStream content, byte[] first, MessageDigest digest, Sink sink) throws IOException {
        byte[][] buffers = {first, new byte[BUFFER]};
        CompletableFuture<?>[] busy = {DONE, DONE}; // each buffer's digest and write
        CompletableFuture<Void> digested = DONE;
        long size = 0;
        int length = BUFFER;
        try {
            for (int current = 0; length > 0; current ^= 1) {
                byte[] buffer = buffers[current];
                int n = length;
                long position = size;
                digested = digested.thenRunAsync(() -> digest.update(buffer, 0, n), WORKERS); // chained: in order
                CompletableFuture<Void> written = CompletableFuture.runAsync(() -> sink.write(buffer, n, position), WORKERS);
                busy[current] = CompletableFuture.allOf(digested, written);
                size += n;
                if (n < BUFFER) {
                    break; // a short read is the end of the stream
                }
                await(busy[current ^ 1]); // the other buffer is free once its last digest and write are done
                length = content.readNBytes(buffers[current ^ 1], 0, BUFFER);
            }
            await(busy[0]);
            await(busy[1]);
            return size;
        } catch (IOException | RuntimeException | Error e) {
            for (CompletableFuture<?> work : busy) { // never close the file under a write still running
                try {
                    await(work);
                } catch (IOException | RuntimeException | Error again) {
                    if (again != e) {
                        e.addSuppressed(again);
                    }
                }
            }
            throw e;
        }
    }

    /** Where one buffer's bytes go; {@link #write} may run for two buffers at once. */
    private interface Sink {
        void write(byte[] buffer, int length, long position);

        void finish(long size) throws IOException;
    }

    /**
     * Direct I/O: the bytes are copied into an aligned direct buffer of the writer's own (the JDK's cached
     * aligned temporary buffers break its buffer cache on JDK 17), offsets and lengths are multiples of the
     * alignment, so the tail is padded with zeros, then cut off.
     */
    private record DirectSink(FileChannel channel, int alignment) implements Sink {
        @Override
        public void write(byte[] buffer, int length, long position) {
            ByteBuffer spare = SPARE_DIRECT.poll();
            if (spare == null) {
                spare = ByteBuffer.allocateDirect(BUFFER + MAX_ALIGNMENT);
            }
            try {
                int padded = (length + alignment - 1) / alignment * alignment; // BUFFER is a multiple of alignment
                ByteBuffer aligned = spare.clear().alignedSlice(alignment).limit(padded);
                aligned.put(buffer, 0, length).put(ZEROS, 0, padded - length).flip();
                writeUnchecked(channel, aligned, position);
            } finally {
                SPARE_DIRECT.offer(spare); // dropped when enough are kept: the GC frees it
            }
        }

        @Override
        public void finish(long size) throws IOException {
            if (channel.size() != size) {
                channel.truncate(size);
            }
            channel.force(true);
        }
    }

    /** Through the page cache, flushed every {@link #SYNC_EVERY} bytes so the final fsync stays short. */
    private static final class PageCacheSink implements Sink {
        private final FileChannel channel;
        private final AtomicLong unsynced = new AtomicLong();

        PageCacheSink(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public void write(byte[] buffer, int length, long position) {
            writeUnchecked(channel, ByteBuffer.wrap(buffer, 0, length), position);
            if (unsynced.addAndGet(length) >= SYNC_EVERY) {
                unsynced.set(0);
                try {
                    channel.force(false);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        public void finish(long size) throws IOException {
            channel.force(true);
        }
    }

    /** The alignment direct I/O needs on this file's store, or 0 where it is unknown or does not fit a buffer. */
    static int directAlignment(Path file) {
        long blockSize;
        try {
            blockSize = Files.getFileStore(file).getBlockSize();
        } catch (IOException | UnsupportedOperationException e) {
            return 0;
        }
        boolean fits = blockSize > 0 && Long.bitCount(blockSize) == 1 && blockSize <= MAX_ALIGNMENT;
        return fits ? (int) blockSize : 0;
    }

    /** A second, direct-I/O channel on the file just created, or null where the platform refuses one. */
    static FileChannel openDirect(Path file) {
        try {
            return FileChannel.open(file, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);
        } catch (IOException | UnsupportedOperationException e) {
            return null; // e.g. EINVAL on tmpfs: the page-cache path does the same job, slower
        }
    }

    private static void writeUnchecked(FileChannel channel, ByteBuffer bytes, long position) {
        try {
            writeFully(channel, bytes, position);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer bytes, long position) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes, position + bytes.position());
        }
    }

    private static void await(CompletableFuture<?> work) throws IOException {
        try {
            work.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while writing");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        }
    }
}
