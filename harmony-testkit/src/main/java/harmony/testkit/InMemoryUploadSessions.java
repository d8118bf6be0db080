package harmony.testkit;

import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.port.out.RecordingStore;
import harmony.core.port.out.StoredObject;
import harmony.core.port.out.UploadSession;
import harmony.core.port.out.UploadSessions;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** Browser upload sessions in memory, completing into any {@link RecordingStore}; for tests with small files. */
public final class InMemoryUploadSessions implements UploadSessions {
    private final RecordingStore store;
    private final long partSize;
    private final Duration timeToLive;
    private final Clock clock;
    private final Map<String, Open> open = new ConcurrentHashMap<>();

    public InMemoryUploadSessions(RecordingStore store, long partSize, Duration timeToLive, Clock clock) {
        this.store = store;
        this.partSize = partSize;
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    @Override
    public UploadSession create(NewUpload upload) {
        String id = UUID.randomUUID().toString();
        open.put(id, new Open(upload, UploadSession.partSizeFor(upload.sizeBytes(), partSize),
                clock.instant().plus(timeToLive), new ConcurrentSkipListMap<>()));
        return session(id, open.get(id));
    }

    @Override
    public Optional<UploadSession> find(String uploadId) {
        return live(uploadId).map(o -> session(uploadId, o));
    }

    @Override
    public ReceivedPart putPart(String uploadId, int partNumber, InputStream content) throws IOException {
        Open session = live(uploadId).orElseThrow(() -> HarmonyException.notFound("Upload"));
        UploadSession view = session(uploadId, session);
        if (partNumber < 1 || partNumber > view.partCount()) {
            throw new HarmonyException(ErrorKind.INVALID, "Part number must be between 1 and " + view.partCount() + ".");
        }
        long expected = view.partSize(partNumber);
        byte[] bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, expected + 1));
        if (bytes.length != expected) {
            throw new HarmonyException(ErrorKind.INVALID, "Part " + partNumber + " must be " + expected + " bytes; "
                    + (bytes.length > expected ? "more" : bytes.length) + " arrived.");
        }
        session.parts().put(partNumber, bytes);
        return new ReceivedPart(partNumber, expected);
    }

    @Override
    public synchronized StoredObject complete(String uploadId) throws IOException {
        Open session = live(uploadId).orElseThrow(() -> HarmonyException.notFound("Upload"));
        UploadSession view = session(uploadId, session);
        List<Integer> missing = new ArrayList<>();
        List<InputStream> parts = new ArrayList<>();
        for (int n = 1; n <= view.partCount(); n++) {
            byte[] part = session.parts().get(n);
            if (part == null) {
                missing.add(n);
            } else {
                parts.add(new ByteArrayInputStream(part));
            }
        }
        if (!missing.isEmpty()) {
            throw new HarmonyException(ErrorKind.CONFLICT, "The upload is missing parts " + missing + ".");
        }
        StoredObject stored = store.put(session.upload().key(), new SequenceInputStream(Collections.enumeration(parts)));
        open.remove(uploadId);
        return stored;
    }

    @Override
    public void abort(String uploadId) {
        open.remove(uploadId);
    }

    @Override
    public int cleanupExpired(Instant now) {
        List<String> expired = open.entrySet().stream()
                .filter(e -> e.getValue().expiresAt().isBefore(now)).map(Map.Entry::getKey).toList();
        expired.forEach(open::remove);
        return expired.size();
    }

    /** Sessions still held, expired or not: tests assert nothing is left behind. */
    public int size() {
        return open.size();
    }

    private Optional<Open> live(String uploadId) {
        return Optional.ofNullable(open.get(uploadId)).filter(o -> o.expiresAt().isAfter(clock.instant()));
    }

    private static UploadSession session(String id, Open o) {
        int count = UploadSession.partCount(o.upload().sizeBytes(), o.partSize());
        List<PartTarget> targets = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            targets.add(new PartTarget(n, URI.create("/v1/uploads/" + id + "/parts/" + n), "PUT"));
        }
        List<ReceivedPart> received = o.parts().entrySet().stream()
                .map(e -> new ReceivedPart(e.getKey(), e.getValue().length)).toList();
        NewUpload u = o.upload();
        return new UploadSession(id, u.owner(), u.key(), u.filename(), u.contentType(), u.sizeBytes(), o.partSize(), o.expiresAt(),
                targets, received);
    }

    private record Open(NewUpload upload, long partSize, Instant expiresAt, ConcurrentSkipListMap<Integer, byte[]> parts) {
    }
}
