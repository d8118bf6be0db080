package harmony.testkit;

import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.port.out.RecordingStore;
import harmony.core.port.out.StoredObject;
import harmony.core.port.out.UploadSession;
import harmony.core.port.out.UploadSessions;
import harmony.core.port.out.UploadSessions.NewUpload;
import harmony.core.port.out.UploadSessions.PartTarget;
import harmony.core.port.out.UploadSessions.ReceivedPart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What every {@link UploadSessions} must do. Subclasses supply sessions over a fresh, empty storage, the
 * {@link RecordingStore} that shares it, and a way to see leftovers (parts, manifests, open uploads).
 */
public abstract class UploadSessionsContract {
    /** S3's smallest part size, so every store runs the same numbers. */
    protected static final long PART_SIZE = 5L << 20;
    protected static final Duration TIME_TO_LIVE = Duration.ofHours(24);
    private static final long SEED = 11;
    private static final String OWNER = "workspace-1";
    private static final long SIZE = 2 * PART_SIZE + 1234;

    protected final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));
    protected UploadSessions sessions;

    /** Sessions over fresh storage that prefer {@code partSize}, live {@code timeToLive}, and read {@code clock}. */
    protected abstract UploadSessions newSessions(Clock clock, Duration timeToLive, long partSize) throws Exception;

    /** The recording store that completed uploads land in. */
    protected abstract RecordingStore store();

    /** Fails when any part, manifest or open upload is left in storage. */
    protected void assertNothingLeftBehind() throws Exception {
    }

    @BeforeEach
    void setUpSessions() throws Exception {
        sessions = newSessions(clock, TIME_TO_LIVE, PART_SIZE);
    }

    @Test
    void opensASessionWithOneTargetPerPart() throws Exception {
        UploadSession session = sessions.create(new NewUpload(OWNER, "uploads/call.mp4", "call.mp4", SIZE, "video/mp4"));

        assertThat(session.uploadId()).isNotBlank();
        assertThat(session.owner()).isEqualTo(OWNER);
        assertThat(session.key()).isEqualTo("uploads/call.mp4");
        assertThat(session.filename()).isEqualTo("call.mp4");
        assertThat(session.contentType()).isEqualTo("video/mp4");
        assertThat(session.sizeBytes()).isEqualTo(SIZE);
        assertThat(session.partSize()).isEqualTo(PART_SIZE);
        assertThat(session.partCount()).isEqualTo(3);
        assertThat(session.partSize(3)).isEqualTo(1234);
        assertThat(session.targets()).extracting(PartTarget::partNumber).containsExactly(1, 2, 3);
        assertThat(session.targets()).allSatisfy(t -> {
            assertThat(t.method()).isEqualTo("PUT");
            assertThat(t.url()).isNotNull();
        });
        assertThat(session.received()).isEmpty();
        assertThat(session.expiresAt()).isEqualTo(clock.instant().plus(TIME_TO_LIVE));
        assertThat(sessions.find(session.uploadId())).hasValueSatisfying(found -> {
            assertThat(found.owner()).isEqualTo(OWNER);
            assertThat(found.key()).isEqualTo(session.key());
            assertThat(found.sizeBytes()).isEqualTo(SIZE);
            assertThat(found.partCount()).isEqualTo(3);
            assertThat(found.expiresAt()).isEqualTo(session.expiresAt());
        });
    }

    @Test
    void takesPartsInAnyOrderAndAssemblesThemIntoTheStore() throws Exception {
        UploadSession session = sessions.create(new NewUpload(OWNER, "uploads/whole.webm", "whole.webm", SIZE, "video/webm"));
        String id = session.uploadId();

        assertThat(sessions.putPart(id, 3, part(session, 3))).isEqualTo(new ReceivedPart(3, 1234));
        sessions.putPart(id, 1, part(session, 1));
        sessions.putPart(id, 2, part(session, 2));

        assertThat(sessions.find(id).orElseThrow().received())
                .containsExactly(new ReceivedPart(1, PART_SIZE), new ReceivedPart(2, PART_SIZE), new ReceivedPart(3, 1234));
        StoredObject stored = sessions.complete(id);

        assertThat(stored.key()).isEqualTo("uploads/whole.webm");
        assertThat(stored.sizeBytes()).isEqualTo(SIZE);
        if (stored.sha256() != null) {
            assertThat(stored.sha256()).isEqualTo(GeneratedBytes.sha256(SEED, SIZE));
        }
        try (InputStream in = store().open("uploads/whole.webm")) {
            assertThat(GeneratedBytes.sha256Of(in)).isEqualTo(GeneratedBytes.sha256(SEED, SIZE));
        }
        assertThat(sessions.find(id)).isEmpty();
        assertNothingLeftBehind();
    }

    @Test
    void resumesAfterADroppedConnection() throws Exception {
        UploadSession session = sessions.create(new NewUpload(OWNER, "uploads/resumed.m4a", "resumed.m4a", SIZE, "audio/mp4"));
        String id = session.uploadId();
        sessions.putPart(id, 1, part(session, 1));
        IOException dropped = new IOException("Connection reset by peer");

        Throwable thrown = catchThrowable(() -> sessions.putPart(id, 2, new FailingInputStream(part(session, 2), 1 << 20, dropped)));

        assertThat(thrown).isSameAs(dropped);
        assertThat(sessions.find(id).orElseThrow().received()).containsExactly(new ReceivedPart(1, PART_SIZE));
        sessions.putPart(id, 2, part(session, 2));
        sessions.putPart(id, 3, part(session, 3));
        assertThat(sessions.complete(id).sizeBytes()).isEqualTo(SIZE);
        try (InputStream in = store().open("uploads/resumed.m4a")) {
            assertThat(GeneratedBytes.sha256Of(in)).isEqualTo(GeneratedBytes.sha256(SEED, SIZE));
        }
    }

    @Test
    void aPartSentAgainReplacesTheFirst() throws Exception {
        UploadSession session = sessions.create(new NewUpload(OWNER, "uploads/again.mp3", "again.mp3", SIZE, "audio/mpeg"));
        String id = session.uploadId();
        sessions.putPart(id, 1, new GeneratedBytes(99, PART_SIZE));
        sessions.putPart(id, 1, part(session, 1));
        sessions.putPart(id, 2, part(session, 2));
        sessions.putPart(id, 3, part(session, 3));

        sessions.complete(id);

        try (InputStream in = store().open("uploads/again.mp3")) {
            assertThat(GeneratedBytes.sha256Of(in)).isEqualTo(GeneratedBytes.sha256(SEED, SIZE));
        }
    }

    @Test
    void refusesPartsOfTheWrongSizeOrNumber() throws Exception {
        UploadSession session = sessions.create(new NewUpload(OWNER, "uploads/sizes.wav", "sizes.wav", SIZE, "audio/wav"));
        String id = session.uploadId();

        assertKind(() -> sessions.putPart(id, 3, new GeneratedBytes(1, 1233)), ErrorKind.INVALID);
        assertKind(() -> sessions.putPart(id, 3, new GeneratedBytes(1, 1235)), ErrorKind.INVALID);
        assertKind(() -> sessions.putPart(id, 0, new GeneratedBytes(1, 10)), ErrorKind.INVALID);
        assertKind(() -> sessions.putPart(id, 4, new GeneratedBytes(1, 10)), ErrorKind.INVALID);

        assertThat(sessions.find(id).orElseThrow().received()).isEmpty();
    }

    @Test
    void refusesToCompleteWhilePartsAreMissing() throws Exception {
        UploadSession session = sessions.create(new NewUpload(OWNER, "uploads/partial.ogg", "partial.ogg", SIZE, "audio/ogg"));
        String id = session.uploadId();
        sessions.putPart(id, 1, part(session, 1));
        sessions.putPart(id, 3, part(session, 3));

        assertKind(() -> sessions.complete(id), ErrorKind.CONFLICT);

        assertThat(store().stat("uploads/partial.ogg")).isEmpty();
        assertThat(sessions.find(id).orElseThrow().received()).extracting(ReceivedPart::partNumber).containsExactly(1, 3);
    }

    @Test
    void abortFreesTheStorageAndForgetsTheSession() throws Exception {
        UploadSession session = sessions.create(new NewUpload(OWNER, "uploads/aborted.flac", "aborted.flac", SIZE, "audio/flac"));
        String id = session.uploadId();
        sessions.putPart(id, 1, part(session, 1));

        sessions.abort(id);
        sessions.abort(id);

        assertThat(sessions.find(id)).isEmpty();
        assertKind(() -> sessions.putPart(id, 2, part(session, 2)), ErrorKind.NOT_FOUND);
        assertKind(() -> sessions.complete(id), ErrorKind.NOT_FOUND);
        assertThat(store().stat("uploads/aborted.flac")).isEmpty();
        assertNothingLeftBehind();
    }

    @Test
    void expiredSessionsAreGoneAndCleanupFreesThem() throws Exception {
        UploadSession abandoned = sessions.create(new NewUpload(OWNER, "uploads/old.mp4", "old.mp4", SIZE, "video/mp4"));
        sessions.putPart(abandoned.uploadId(), 1, part(abandoned, 1));
        clock.advance(TIME_TO_LIVE.plusSeconds(1));
        UploadSession fresh = sessions.create(new NewUpload(OWNER, "uploads/new.mp4", "new.mp4", SIZE, "video/mp4"));

        assertThat(sessions.find(abandoned.uploadId())).isEmpty();
        assertKind(() -> sessions.putPart(abandoned.uploadId(), 2, part(abandoned, 2)), ErrorKind.NOT_FOUND);
        assertThat(sessions.cleanupExpired(clock.instant())).isEqualTo(1);
        assertThat(sessions.cleanupExpired(clock.instant())).isZero();

        assertThat(sessions.find(fresh.uploadId())).isPresent();
        sessions.abort(fresh.uploadId());
        assertNothingLeftBehind();
    }

    @Test
    void unknownSessionsAreNotFound() throws Exception {
        assertThat(sessions.find("no-such-upload")).isEmpty();
        assertThat(sessions.find("../../etc/passwd")).isEmpty();
        assertKind(() -> sessions.putPart("no-such-upload", 1, new ByteArrayInputStream(new byte[1])), ErrorKind.NOT_FOUND);
        assertKind(() -> sessions.complete("no-such-upload"), ErrorKind.NOT_FOUND);
        sessions.abort("no-such-upload");
    }

    /** Part {@code n} of the test file: the file's bytes cut at the session's part size. */
    protected static InputStream part(UploadSession session, int n) throws IOException {
        InputStream whole = new GeneratedBytes(SEED, session.sizeBytes());
        whole.skipNBytes((n - 1) * session.partSize());
        return new ByteArrayInputStream(whole.readNBytes((int) session.partSize(n)));
    }

    private static void assertKind(ThrowingCall call, ErrorKind kind) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(HarmonyException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws Exception;
    }
}
