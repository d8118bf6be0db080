package harmony.adapters.s3;

import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.error.UserMessages;
import harmony.core.port.out.RecordingStore;
import harmony.core.port.out.StorageKeys;
import harmony.core.port.out.StoredObject;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

import java.io.ByteArrayInputStream;
import java.io.FileNotFoundException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32C;

/**
 * Recordings in an S3 bucket. A write of unknown length reads one part (8–64 MiB) ahead: a stream shorter
 * than a part goes up in one PUT, a longer one as a multipart upload with two part buffers taking turns: while
 * part N uploads on a background thread, part N+1 is read and then uploads beside it, and the reader waits for
 * part N before refilling its buffer. So two parts are in flight most of the time (S3 works on them at once)
 * and at most two part buffers exist whatever the file size. Each part carries
 * a CRC32C that S3 verifies; the SHA-256 of the whole stream is computed on the way and kept in a small
 * {@code .sha256/<key>} object beside it. Any failure — the stream's own (re-thrown unchanged) or S3's —
 * aborts the multipart upload, so no parts are orphaned and nothing is recorded.
 */
public final class S3RecordingStore implements RecordingStore, AutoCloseable {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final S3Client s3;
    private final boolean ownsClient;
    private final String bucket;
    private final String prefix;
    private final int partSize;
    private final ExecutorService uploader = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "harmony-s3-upload-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    /** A store on a client of its own, built from the settings and closed with the store. */
    public static S3RecordingStore create(S3Settings settings) {
        return new S3RecordingStore(settings.clientBuilder().build(), settings, true);
    }

    /** A store on the caller's client, which the caller closes. */
    public S3RecordingStore(S3Client s3, S3Settings settings) {
        this(s3, settings, false);
    }

    private S3RecordingStore(S3Client s3, S3Settings settings, boolean ownsClient) {
        this.s3 = s3;
        this.ownsClient = ownsClient;
        this.bucket = settings.bucket();
        this.prefix = settings.keyPrefix();
        this.partSize = settings.partSize();
    }

    @Override
    public StoredObject put(String key, InputStream content) throws IOException {
        String objectKey = objectKey(key);
        MessageDigest sha = sha256();
        byte[] first = new byte[partSize];
        int length = readPart(content, first, sha);
        long size = length < partSize ? putSingle(objectKey, first, length) : putMultipart(objectKey, content, first, sha);
        String hex = HexFormat.of().formatHex(sha.digest());
        try {
            s3.putObject(b -> b.bucket(bucket).key(checksumKey(key)).contentType("text/plain"), RequestBody.fromString(hex));
        } catch (SdkException e) { // the object without its digest would be a half-recorded write
            deleteQuietly(objectKey, e);
            throw failure("Recording the checksum of " + key, e);
        }
        return new StoredObject(key, size, hex);
    }

    private long putSingle(String objectKey, byte[] bytes, int length) throws IOException {
        try {
            s3.putObject(b -> b.bucket(bucket).key(objectKey).contentLength((long) length).checksumCRC32C(crc32c(bytes, length)),
                    body(bytes, length));
            return length;
        } catch (SdkException e) {
            throw failure("Storing " + objectKey, e);
        }
    }

    private long putMultipart(String objectKey, InputStream content, byte[] first, MessageDigest sha) throws IOException {
        String uploadId;
        try {
            uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(objectKey)
                    .checksumAlgorithm(ChecksumAlgorithm.CRC32_C)).uploadId();
        } catch (SdkException e) {
            throw failure("Starting the upload of " + objectKey, e);
        }
        List<CompletedPart> parts = new ArrayList<>();
        byte[][] buffers = {first, null};
        Deque<Future<CompletedPart>> inFlight = new ArrayDeque<>(2); // oldest first
        long size = 0;
        try {
            int length = first.length;
            for (int current = 0; length > 0; current ^= 1) {
                int partNumber = parts.size() + inFlight.size() + 1;
                byte[] buffer = buffers[current];
                int partLength = length;
                inFlight.addLast(uploader.submit(() -> uploadPart(objectKey, uploadId, partNumber, buffer, partLength)));
                size += length;
                if (length < partSize) {
                    break; // a short part is the last
                }
                if (inFlight.size() == 2) { // the older part's buffer is the one to fill next
                    parts.add(await(inFlight.removeFirst()));
                }
                if (buffers[current ^ 1] == null) {
                    buffers[current ^ 1] = new byte[partSize];
                }
                length = readPart(content, buffers[current ^ 1], sha);
            }
            while (!inFlight.isEmpty()) {
                parts.add(await(inFlight.removeFirst())); // settled either way: abort need not wait for it
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(objectKey).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
            return size;
        } catch (SdkException e) {
            abort(objectKey, uploadId, inFlight, e);
            throw failure("Completing the upload of " + objectKey, e);
        } catch (Throwable e) { // the stream's own failure (or a part's), re-thrown unchanged
            abort(objectKey, uploadId, inFlight, e);
            throw e;
        }
    }

    private CompletedPart uploadPart(String objectKey, String uploadId, int partNumber, byte[] buffer, int length) {
        String crc = crc32c(buffer, length);
        UploadPartResponse response = s3.uploadPart(b -> b.bucket(bucket).key(objectKey).uploadId(uploadId)
                .partNumber(partNumber).contentLength((long) length).checksumCRC32C(crc), body(buffer, length));
        return CompletedPart.builder().partNumber(partNumber).eTag(response.eTag()).checksumCRC32C(crc).build();
    }

    /** Waits for the parts in flight to settle, then aborts: a part still uploading could outlive an abort. */
    private void abort(String objectKey, String uploadId, Collection<Future<CompletedPart>> inFlight, Throwable failure) {
        for (Future<CompletedPart> part : inFlight) {
            try {
                part.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                if (e.getCause() != failure) {
                    failure.addSuppressed(e.getCause());
                }
            }
        }
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(objectKey).uploadId(uploadId));
        } catch (SdkException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        String objectKey = objectKey(key);
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (length == 0) {
            requireExists(key, objectKey);
            return InputStream.nullInputStream();
        }
        String range = "bytes=" + offset + "-" + (length < 0 ? "" : Long.toString(offset + length - 1));
        try {
            return new Download(s3.getObject(b -> b.bucket(bucket).key(objectKey).range(range)));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new FileNotFoundException(key);
            }
            if (e.statusCode() == 416) { // starts past the end: nothing to read, if the object exists at all
                requireExists(key, objectKey);
                return InputStream.nullInputStream();
            }
            throw failure("Reading " + key, e);
        } catch (SdkException e) {
            throw failure("Reading " + key, e);
        }
    }

    @Override
    public Optional<StoredObject> stat(String key) throws IOException {
        String objectKey = objectKey(key);
        Optional<HeadObjectResponse> head = head(objectKey);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        String hex;
        try {
            hex = s3.getObjectAsBytes(b -> b.bucket(bucket).key(checksumKey(key))).asString(StandardCharsets.US_ASCII).strip();
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw failure("Reading the checksum of " + key, e);
            }
            hex = null; // written by something else than this store
        } catch (SdkException e) {
            throw failure("Reading the checksum of " + key, e);
        }
        return Optional.of(new StoredObject(key, head.get().contentLength(), hex));
    }

    @Override
    public void delete(String key) throws IOException {
        String objectKey = objectKey(key);
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(objectKey));
            s3.deleteObject(b -> b.bucket(bucket).key(checksumKey(key)));
        } catch (SdkException e) {
            throw failure("Deleting " + key, e);
        }
    }

    @Override
    public void close() {
        uploader.shutdownNow();
        if (ownsClient) {
            s3.close();
        }
    }

    /** A download that, closed before its end, drops the connection instead of draining the rest of a large object. */
    private static final class Download extends FilterInputStream {
        private final ResponseInputStream<GetObjectResponse> response;
        private boolean ended;

        Download(ResponseInputStream<GetObjectResponse> response) {
            super(response);
            this.response = response;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            ended |= b < 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            ended |= n < 0;
            return n;
        }

        @Override
        public void close() throws IOException {
            if (!ended) {
                response.abort();
            }
            super.close();
        }
    }

    String objectKey(String key) {
        return prefix + StorageKeys.requireValid(key);
    }

    String checksumKey(String key) {
        return prefix + ".sha256/" + key;
    }

    Optional<HeadObjectResponse> head(String objectKey) throws IOException {
        try {
            return Optional.of(s3.headObject(b -> b.bucket(bucket).key(objectKey)));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw failure("Looking up " + objectKey, e);
        } catch (SdkException e) {
            throw failure("Looking up " + objectKey, e);
        }
    }

    private void requireExists(String key, String objectKey) throws IOException {
        if (head(objectKey).isEmpty()) {
            throw new FileNotFoundException(key);
        }
    }

    private void deleteQuietly(String objectKey, Throwable failure) {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(objectKey));
        } catch (SdkException e) {
            failure.addSuppressed(e);
        }
    }

    /** Fills {@code buffer} from the stream (short only at its end) and feeds the digest; returns the count. */
    private static int readPart(InputStream content, byte[] buffer, MessageDigest sha) throws IOException {
        int length = content.readNBytes(buffer, 0, buffer.length);
        sha.update(buffer, 0, length);
        return length;
    }

    private static CompletedPart await(Future<CompletedPart> part) throws IOException {
        try {
            return part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while uploading");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SdkException sdk) {
                throw failure("Uploading a part", sdk);
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

    /** Hands the SDK the part buffer itself, once per attempt: no copy, so retries re-read the same bytes. */
    static RequestBody body(byte[] bytes, int length) {
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(bytes, 0, length), length,
                "application/octet-stream");
    }

    static String crc32c(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /**
     * The one place that turns S3's failures into what callers act on. An endpoint that cannot be reached
     * (refused, reset, timed out: after the SDK's own retries) or answers that it is overloaded or broken
     * (5xx, e.g. 503 Slow Down) is thrown here as {@link ErrorKind#UNAVAILABLE} with the product's message,
     * so the API answers 503 and the pipeline retries later. Anything else (access denied, no such bucket)
     * is a configuration problem, returned as an IOException naming what failed for the caller to throw.
     * Callers clean up (abort, delete) before calling this.
     */
    static IOException failure(String what, SdkException e) {
        if (isUnavailable(e)) {
            throw new HarmonyException(ErrorKind.UNAVAILABLE, UserMessages.STORAGE_UNAVAILABLE,
                    new IOException(what + " failed: " + e.getMessage(), e));
        }
        return new IOException(what + " failed: " + e.getMessage(), e);
    }

    static boolean isUnavailable(SdkException e) {
        if (e instanceof SdkServiceException service) {
            return service.statusCode() >= 500 || service.isThrottlingException();
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return true;
        }
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof IOException) { // connect refused or timed out, connection reset, no response
                return true;
            }
        }
        return false;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
