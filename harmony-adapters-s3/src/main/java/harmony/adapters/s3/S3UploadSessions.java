package harmony.adapters.s3;

import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.port.out.StoredObject;
import harmony.core.port.out.UploadSession;
import harmony.core.port.out.UploadSessions;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Browser upload sessions on S3 multipart uploads. Each session is one multipart upload, opened at the
 * final key, plus a small manifest object {@code .uploads/<id>.properties} (what the client declared, the
 * S3 upload id, the expiry), so any number of app instances can serve the same session. Part targets are
 * presigned UploadPart URLs that pin the part's exact length; S3 itself lists the parts received. Parts
 * sent through the API instead arrive in {@link #putPart}, buffered one part at a time. Completing returns
 * the object with an unknown SHA-256 (S3 cannot digest the assembled object without reading it back).
 */
public final class S3UploadSessions implements UploadSessions {
    /** S3's smallest part except the last. */
    public static final long MIN_PART_SIZE = 5L << 20;
    private static final Duration LONGEST_SIGNATURE = Duration.ofDays(7);
    private static final Pattern UPLOAD_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final String prefix;
    private final long partSize;
    private final Duration timeToLive;
    private final Clock clock;

    /**
     * @param partSize   preferred part size (at least 5 MiB); raised for files that need more than 10,000 parts
     * @param timeToLive how long a session stays open; presigned URLs live as long, up to seven days
     */
    public S3UploadSessions(S3Client s3, S3Presigner presigner, S3Settings settings, long partSize, Duration timeToLive,
                            Clock clock) {
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException("S3 parts are at least 5 MiB");
        }
        if (timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException("timeToLive must be positive");
        }
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = settings.bucket();
        this.prefix = settings.keyPrefix();
        this.partSize = partSize;
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    @Override
    public UploadSession create(NewUpload upload) throws IOException {
        String id = UUID.randomUUID().toString();
        String objectKey = prefix + upload.key();
        String s3UploadId = call("Starting the upload of " + upload.key(), () -> s3.createMultipartUpload(b -> {
            b.bucket(bucket).key(objectKey);
            if (upload.contentType() != null) {
                b.contentType(upload.contentType());
            }
        }).uploadId());
        Manifest manifest = new Manifest(upload.owner(), upload.key(), upload.filename(), upload.contentType(), upload.sizeBytes(),
                UploadSession.partSizeFor(upload.sizeBytes(), partSize), clock.instant().plus(timeToLive), s3UploadId);
        try {
            s3.putObject(b -> b.bucket(bucket).key(manifestKey(id)).contentType("text/plain"),
                    RequestBody.fromBytes(manifest.toBytes()));
        } catch (SdkException e) {
            abortQuietly(objectKey, s3UploadId, e);
            throw S3RecordingStore.failure("Recording the upload session", e);
        }
        return session(id, manifest, List.of());
    }

    @Override
    public Optional<UploadSession> find(String uploadId) throws IOException {
        Optional<Manifest> manifest = live(uploadId);
        if (manifest.isEmpty()) {
            return Optional.empty();
        }
        Optional<List<Part>> parts = parts(manifest.get());
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        List<ReceivedPart> received = parts.get().stream()
                .map(p -> new ReceivedPart(p.partNumber(), p.size())).toList();
        return Optional.of(session(uploadId, manifest.get(), received));
    }

    @Override
    public ReceivedPart putPart(String uploadId, int partNumber, InputStream content) throws IOException {
        Manifest manifest = live(uploadId).orElseThrow(() -> HarmonyException.notFound("Upload"));
        UploadSession session = session(uploadId, manifest, List.of());
        if (partNumber < 1 || partNumber > session.partCount()) {
            throw new HarmonyException(ErrorKind.INVALID, "Part number must be between 1 and " + session.partCount() + ".");
        }
        long expected = session.partSize(partNumber);
        // The SDK needs the length before sending: hold this one part, and refuse it whole if its size is wrong.
        byte[] bytes = content.readNBytes((int) expected + 1);
        if (bytes.length != expected) {
            throw new HarmonyException(ErrorKind.INVALID, "Part " + partNumber + " must be " + expected + " bytes; "
                    + (bytes.length > expected ? "more" : bytes.length) + " arrived.");
        }
        try {
            s3.uploadPart(b -> b.bucket(bucket).key(prefix + manifest.key()).uploadId(manifest.s3UploadId())
                    .partNumber(partNumber).contentLength(expected), S3RecordingStore.body(bytes, bytes.length));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) { // aborted while the part streamed in
                throw HarmonyException.notFound("Upload");
            }
            throw S3RecordingStore.failure("Uploading part " + partNumber, e);
        } catch (SdkException e) {
            throw S3RecordingStore.failure("Uploading part " + partNumber, e);
        }
        return new ReceivedPart(partNumber, expected);
    }

    @Override
    public StoredObject complete(String uploadId) throws IOException {
        Manifest manifest = live(uploadId).orElseThrow(() -> HarmonyException.notFound("Upload"));
        List<Part> parts = parts(manifest).orElseThrow(() -> HarmonyException.notFound("Upload"));
        UploadSession session = session(uploadId, manifest, List.of());
        Set<Integer> present = new HashSet<>();
        List<CompletedPart> completed = new ArrayList<>();
        for (Part part : parts) {
            if (part.size() == session.partSize(part.partNumber())) {
                present.add(part.partNumber());
                completed.add(CompletedPart.builder().partNumber(part.partNumber()).eTag(part.eTag()).build());
            }
        }
        List<Integer> missing = new ArrayList<>();
        for (int n = 1; n <= session.partCount(); n++) {
            if (!present.contains(n)) {
                missing.add(n);
            }
        }
        if (!missing.isEmpty()) {
            throw new HarmonyException(ErrorKind.CONFLICT, "The upload is missing parts " + missing + ".");
        }
        String objectKey = prefix + manifest.key();
        call("Completing the upload of " + manifest.key(), () -> s3.completeMultipartUpload(b -> b.bucket(bucket)
                .key(objectKey).uploadId(manifest.s3UploadId()).multipartUpload(m -> m.parts(completed))));
        // A digest left by an earlier object at this key would now be wrong; this object's digest is unknown.
        call("Dropping a stale checksum", () -> s3.deleteObject(b -> b.bucket(bucket).key(prefix + ".sha256/" + manifest.key())));
        call("Closing the upload session", () -> s3.deleteObject(b -> b.bucket(bucket).key(manifestKey(uploadId))));
        return new StoredObject(manifest.key(), session.sizeBytes(), null);
    }

    @Override
    public void abort(String uploadId) throws IOException {
        Optional<Manifest> manifest = read(uploadId);
        if (manifest.isEmpty()) {
            return;
        }
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(prefix + manifest.get().key())
                    .uploadId(manifest.get().s3UploadId()));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) { // 404: already completed or aborted
                throw S3RecordingStore.failure("Aborting the upload", e);
            }
        } catch (SdkException e) {
            throw S3RecordingStore.failure("Aborting the upload", e);
        }
        call("Closing the upload session", () -> s3.deleteObject(b -> b.bucket(bucket).key(manifestKey(uploadId))));
    }

    /**
     * Aborts expired sessions, and also any multipart upload under this store's prefix that is older than a
     * session may live and belongs to no live session: writes cut off by a crash or an unreachable endpoint.
     */
    @Override
    public int cleanupExpired(Instant now) throws IOException {
        int freed = 0;
        Set<String> live = new HashSet<>();
        List<S3Object> manifests = call("Listing upload sessions", () -> s3.listObjectsV2Paginator(b -> b.bucket(bucket)
                .prefix(prefix + ".uploads/")).contents().stream().toList());
        for (S3Object object : manifests) {
            String name = object.key().substring((prefix + ".uploads/").length());
            String id = name.endsWith(".properties") ? name.substring(0, name.length() - ".properties".length()) : name;
            Optional<Manifest> manifest = read(id);
            if (manifest.isPresent() && manifest.get().expiresAt().isBefore(now)) {
                abort(id);
                freed++;
            } else {
                manifest.ifPresent(m -> live.add(m.s3UploadId()));
            }
        }
        List<MultipartUpload> uploads = call("Listing multipart uploads", () -> s3.listMultipartUploadsPaginator(b -> b
                .bucket(bucket).prefix(prefix)).uploads().stream().toList());
        for (MultipartUpload upload : uploads) {
            if (!live.contains(upload.uploadId()) && upload.initiated().plus(timeToLive).isBefore(now)) {
                abortQuietlyOrFail(upload);
                freed++;
            }
        }
        return freed;
    }

    private void abortQuietlyOrFail(MultipartUpload upload) throws IOException {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw S3RecordingStore.failure("Aborting an abandoned upload", e);
            }
        } catch (SdkException e) {
            throw S3RecordingStore.failure("Aborting an abandoned upload", e);
        }
    }

    private UploadSession session(String id, Manifest manifest, List<ReceivedPart> received) {
        int count = UploadSession.partCount(manifest.sizeBytes(), manifest.partSize());
        Duration signedFor = Duration.between(clock.instant(), manifest.expiresAt());
        Duration validity = signedFor.compareTo(LONGEST_SIGNATURE) > 0 ? LONGEST_SIGNATURE
                : signedFor.isNegative() || signedFor.isZero() ? Duration.ofSeconds(1) : signedFor;
        List<PartTarget> targets = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            int partNumber = n;
            long length = Math.min(manifest.partSize(), manifest.sizeBytes() - (n - 1) * manifest.partSize());
            URI url = URI.create(presigner.presignUploadPart(p -> p.signatureDuration(validity).uploadPartRequest(u -> u
                    .bucket(bucket).key(prefix + manifest.key()).uploadId(manifest.s3UploadId())
                    .partNumber(partNumber).contentLength(length))).url().toString());
            targets.add(new PartTarget(n, url, "PUT"));
        }
        return new UploadSession(id, manifest.owner(), manifest.key(), manifest.filename(), manifest.contentType(), manifest.sizeBytes(),
                manifest.partSize(), manifest.expiresAt(), targets, received);
    }

    /** The parts S3 holds, in order; empty when the multipart upload is gone (completed or aborted). */
    private Optional<List<Part>> parts(Manifest manifest) throws IOException {
        try {
            List<Part> parts = new ArrayList<>(s3.listPartsPaginator(b -> b.bucket(bucket).key(prefix + manifest.key())
                    .uploadId(manifest.s3UploadId())).parts().stream().toList());
            parts.sort(Comparator.comparingInt(Part::partNumber));
            return Optional.of(parts);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw S3RecordingStore.failure("Listing the parts received", e);
        } catch (SdkException e) {
            throw S3RecordingStore.failure("Listing the parts received", e);
        }
    }

    private Optional<Manifest> live(String uploadId) throws IOException {
        return read(uploadId).filter(m -> m.expiresAt().isAfter(clock.instant()));
    }

    private Optional<Manifest> read(String uploadId) throws IOException {
        if (!UPLOAD_ID.matcher(uploadId).matches()) {
            return Optional.empty();
        }
        try {
            String text = s3.getObjectAsBytes(b -> b.bucket(bucket).key(manifestKey(uploadId)))
                    .asString(StandardCharsets.ISO_8859_1);
            return Optional.of(Manifest.parse(text));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw S3RecordingStore.failure("Reading the upload session", e);
        } catch (SdkException e) {
            throw S3RecordingStore.failure("Reading the upload session", e);
        }
    }

    private String manifestKey(String uploadId) {
        return prefix + ".uploads/" + uploadId + ".properties";
    }

    private void abortQuietly(String objectKey, String s3UploadId, Throwable failure) {
        try {
            s3.abortMultipartUpload(b -> b.bucket(bucket).key(objectKey).uploadId(s3UploadId));
        } catch (SdkException e) {
            failure.addSuppressed(e);
        }
    }

    private static <T> T call(String what, SdkCall<T> call) throws IOException {
        try {
            return call.run();
        } catch (SdkException e) {
            throw S3RecordingStore.failure(what, e);
        }
    }

    @FunctionalInterface
    private interface SdkCall<T> {
        T run();
    }

    /** What a session's manifest object remembers. */
    private record Manifest(String owner, String key, String filename, String contentType, long sizeBytes, long partSize,
                            Instant expiresAt, String s3UploadId) {

        byte[] toBytes() throws IOException {
            Properties p = new Properties();
            p.setProperty("owner", owner);
            p.setProperty("key", key);
            p.setProperty("filename", filename == null ? "" : filename);
            p.setProperty("contentType", contentType == null ? "" : contentType);
            p.setProperty("sizeBytes", Long.toString(sizeBytes));
            p.setProperty("partSize", Long.toString(partSize));
            p.setProperty("expiresAt", expiresAt.toString());
            p.setProperty("s3UploadId", s3UploadId);
            StringWriter out = new StringWriter();
            p.store(out, null);
            return out.toString().getBytes(StandardCharsets.ISO_8859_1);
        }

        static Manifest parse(String text) throws IOException {
            Properties p = new Properties();
            p.load(new StringReader(text));
            return new Manifest(p.getProperty("owner"), p.getProperty("key"), emptyToNull(p.getProperty("filename")),
                    emptyToNull(p.getProperty("contentType")), Long.parseLong(p.getProperty("sizeBytes")),
                    Long.parseLong(p.getProperty("partSize")), Instant.parse(p.getProperty("expiresAt")),
                    p.getProperty("s3UploadId"));
        }

        private static String emptyToNull(String s) {
            return s == null || s.isEmpty() ? null : s;
        }
    }
}
