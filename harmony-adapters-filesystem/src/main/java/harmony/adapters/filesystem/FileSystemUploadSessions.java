package harmony.adapters.filesystem;

import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.port.out.StoredObject;
import harmony.core.port.out.UploadSession;
import harmony.core.port.out.UploadSessions;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Browser upload sessions kept as folders under the store's root: {@code .uploads/<id>/session.properties}
 * holds what the client declared, {@code part-00001}… hold the parts that arrived whole (each written by
 * temp file, fsync, rename). Parts come in through {@link #putPart}, which the API's
 * {@code PUT /v1/uploads/{id}/parts/{n}} calls; completion streams them in order into the
 * {@link FileSystemRecordingStore}, so the assembled object gets the store's atomic write and digest.
 * Safe for many threads of one process; one machine owns the folder.
 */
public final class FileSystemUploadSessions implements UploadSessions {
    private static final Pattern UPLOAD_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String MANIFEST = "session.properties";

    private final FileSystemRecordingStore store;
    private final Path uploads;
    private final long partSize;
    private final Duration timeToLive;
    private final Clock clock;
    private final ConcurrentHashMap<String, Object> locks = new ConcurrentHashMap<>();

    /**
     * @param partSize   preferred part size; raised for files that would need more than {@link UploadSession#MAX_PARTS}
     * @param timeToLive how long a session stays open after it is created
     */
    public FileSystemUploadSessions(FileSystemRecordingStore store, long partSize, Duration timeToLive, Clock clock)
            throws IOException {
        if (partSize <= 0 || timeToLive.isNegative() || timeToLive.isZero()) {
            throw new IllegalArgumentException("partSize and timeToLive must be positive");
        }
        this.store = store;
        this.uploads = Files.createDirectories(store.root().resolve(".uploads"));
        this.partSize = partSize;
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    @Override
    public UploadSession create(NewUpload upload) throws IOException {
        String id = UUID.randomUUID().toString();
        Manifest manifest = new Manifest(upload.owner(), upload.key(), upload.filename(), upload.contentType(), upload.sizeBytes(),
                UploadSession.partSizeFor(upload.sizeBytes(), partSize), clock.instant().plus(timeToLive));
        Path folder = FileSystemRecordingStore.createFolders(uploads.resolve(id));
        try {
            FileSystemRecordingStore.writeAtomically(folder.resolve(MANIFEST), manifest.toBytes());
        } catch (IOException e) {
            try {
                deleteFolder(folder);
            } catch (IOException again) {
                e.addSuppressed(again);
            }
            if (DiskFull.causedBy(e)) {
                throw DiskFull.error(e);
            }
            throw e;
        }
        return manifest.session(id, List.of());
    }

    @Override
    public Optional<UploadSession> find(String uploadId) throws IOException {
        synchronized (lock(uploadId)) {
            Optional<Manifest> manifest = live(uploadId);
            if (manifest.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(manifest.get().session(uploadId, received(uploadId)));
        }
    }

    @Override
    public ReceivedPart putPart(String uploadId, int partNumber, InputStream content) throws IOException {
        UploadSession session = find(uploadId).orElseThrow(() -> HarmonyException.notFound("Upload"));
        long expected = expectedSize(session, partNumber);
        Path folder = uploads.resolve(uploadId);
        Path temp = folder.resolve(".tmp-" + UUID.randomUUID());
        try {
            long written;
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 InputStream limited = new RangeInputStream(content, expected + 1)) {
                written = limited.transferTo(Channels.newOutputStream(out));
                out.force(true);
            }
            if (written != expected) {
                throw new HarmonyException(ErrorKind.INVALID,
                        "Part " + partNumber + " must be " + expected + " bytes; " + (written > expected ? "more" : written)
                                + " arrived.");
            }
            synchronized (lock(uploadId)) {
                if (live(uploadId).isEmpty()) { // aborted or expired while the part streamed in
                    throw HarmonyException.notFound("Upload");
                }
                FileSystemRecordingStore.move(temp, folder.resolve(partName(partNumber)));
            }
            return new ReceivedPart(partNumber, expected);
        } catch (NoSuchFileException e) {
            throw HarmonyException.notFound("Upload"); // the folder vanished under us: aborted
        } catch (IOException | RuntimeException | Error e) {
            FileSystemRecordingStore.deleteQuietly(temp, e);
            if (DiskFull.causedBy(e)) {
                throw DiskFull.error(e);
            }
            throw e;
        }
    }

    @Override
    public StoredObject complete(String uploadId) throws IOException {
        synchronized (lock(uploadId)) {
            Manifest manifest = live(uploadId).orElseThrow(() -> HarmonyException.notFound("Upload"));
            UploadSession session = manifest.session(uploadId, received(uploadId));
            List<Integer> missing = new ArrayList<>();
            for (int n = 1; n <= session.partCount(); n++) {
                if (!Files.isRegularFile(uploads.resolve(uploadId).resolve(partName(n)))) {
                    missing.add(n);
                }
            }
            if (!missing.isEmpty()) {
                throw new HarmonyException(ErrorKind.CONFLICT, "The upload is missing parts " + missing + ".");
            }
            StoredObject stored;
            try (InputStream joined = new SequenceInputStream(parts(uploadId, session.partCount()))) {
                stored = store.put(manifest.key(), joined);
            }
            if (stored.sizeBytes() != session.sizeBytes()) { // parts are size-checked on arrival: a disk was tampered with
                store.delete(manifest.key());
                throw new IOException("Assembled " + stored.sizeBytes() + " bytes, expected " + session.sizeBytes());
            }
            deleteFolder(uploads.resolve(uploadId));
            locks.remove(uploadId);
            return stored;
        }
    }

    @Override
    public void abort(String uploadId) throws IOException {
        if (!UPLOAD_ID.matcher(uploadId).matches()) {
            return;
        }
        synchronized (lock(uploadId)) {
            deleteFolder(uploads.resolve(uploadId));
        }
        locks.remove(uploadId);
    }

    @Override
    public int cleanupExpired(Instant now) throws IOException {
        int freed = 0;
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(uploads)) {
            for (Path folder : folders) {
                String id = folder.getFileName().toString();
                if (!UPLOAD_ID.matcher(id).matches()) {
                    continue;
                }
                Optional<Manifest> manifest = read(id);
                Instant expiresAt;
                try { // a folder without a manifest is a create that died half-way: free it once it is as old as a session
                    expiresAt = manifest.isPresent() ? manifest.get().expiresAt()
                            : Files.getLastModifiedTime(folder).toInstant().plus(timeToLive);
                } catch (NoSuchFileException e) {
                    continue; // completed or aborted meanwhile
                }
                if (expiresAt.isBefore(now)) {
                    abort(id);
                    freed++;
                }
            }
        }
        return freed;
    }

    private long expectedSize(UploadSession session, int partNumber) {
        if (partNumber < 1 || partNumber > session.partCount()) {
            throw new HarmonyException(ErrorKind.INVALID,
                    "Part number must be between 1 and " + session.partCount() + ".");
        }
        return session.partSize(partNumber);
    }

    private Optional<Manifest> live(String uploadId) throws IOException {
        return read(uploadId).filter(m -> m.expiresAt().isAfter(clock.instant()));
    }

    private Optional<Manifest> read(String uploadId) throws IOException {
        if (!UPLOAD_ID.matcher(uploadId).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Manifest.parse(Files.readString(uploads.resolve(uploadId).resolve(MANIFEST),
                    StandardCharsets.ISO_8859_1)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    private List<ReceivedPart> received(String uploadId) throws IOException {
        List<ReceivedPart> parts = new ArrayList<>();
        try (Stream<Path> files = Files.list(uploads.resolve(uploadId))) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                if (name.startsWith("part-")) {
                    parts.add(new ReceivedPart(Integer.parseInt(name.substring(5)), Files.size(file)));
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        parts.sort(Comparator.comparingInt(ReceivedPart::partNumber));
        return parts;
    }

    private Enumeration<InputStream> parts(String uploadId, int count) {
        Iterator<Integer> numbers = java.util.stream.IntStream.rangeClosed(1, count).iterator();
        return new Enumeration<>() {
            @Override
            public boolean hasMoreElements() {
                return numbers.hasNext();
            }

            @Override
            public InputStream nextElement() {
                try { // opened one at a time, so one file handle at a time
                    return Files.newInputStream(uploads.resolve(uploadId).resolve(partName(numbers.next())));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    private Object lock(String uploadId) {
        return locks.computeIfAbsent(uploadId, id -> new Object());
    }

    private static String partName(int partNumber) {
        return String.format("part-%05d", partNumber);
    }

    private static void deleteFolder(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
        } catch (NoSuchFileException e) {
            return;
        }
        Files.deleteIfExists(folder);
    }

    /** What a session's folder remembers about it. */
    private record Manifest(String owner, String key, String filename, String contentType, long sizeBytes, long partSize,
                            Instant expiresAt) {

        UploadSession session(String id, List<ReceivedPart> received) {
            int count = UploadSession.partCount(sizeBytes, partSize);
            List<PartTarget> targets = new ArrayList<>(count);
            for (int n = 1; n <= count; n++) {
                targets.add(new PartTarget(n, URI.create("/v1/uploads/" + id + "/parts/" + n), "PUT"));
            }
            return new UploadSession(id, owner, key, filename, contentType, sizeBytes, partSize, expiresAt, targets, received);
        }

        byte[] toBytes() throws IOException {
            Properties p = new Properties();
            p.setProperty("owner", owner);
            p.setProperty("key", key);
            p.setProperty("filename", filename == null ? "" : filename);
            p.setProperty("contentType", contentType == null ? "" : contentType);
            p.setProperty("sizeBytes", Long.toString(sizeBytes));
            p.setProperty("partSize", Long.toString(partSize));
            p.setProperty("expiresAt", expiresAt.toString());
            StringWriter out = new StringWriter();
            p.store(out, null);
            return out.toString().getBytes(StandardCharsets.ISO_8859_1);
        }

        static Manifest parse(String text) throws IOException {
            Properties p = new Properties();
            p.load(new StringReader(text));
            return new Manifest(p.getProperty("owner"), p.getProperty("key"), emptyToNull(p.getProperty("filename")),
                    emptyToNull(p.getProperty("contentType")), Long.parseLong(p.getProperty("sizeBytes")),
                    Long.parseLong(p.getProperty("partSize")), Instant.parse(p.getProperty("expiresAt")));
        }

        private static String emptyToNull(String s) {
            return s == null || s.isEmpty() ? null : s;
        }
    }
}
