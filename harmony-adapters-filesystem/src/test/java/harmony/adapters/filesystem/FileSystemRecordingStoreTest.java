package harmony.adapters.filesystem;

import harmony.core.error.HarmonyException;
import harmony.core.port.out.RecordingStore;
import harmony.core.port.out.UploadSessions;
import harmony.testkit.FailingInputStream;
import harmony.testkit.GeneratedBytes;
import harmony.testkit.RecordingStoreContract;
import harmony.testkit.UploadSessionsContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import harmony.core.port.out.StoredObject;
import harmony.testkit.MutableClock;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class FileSystemRecordingStoreTest {

    /** Every file under {@code root} whose name is not an object's or its digest's. */
    static List<Path> leftovers(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> {
                        String name = f.getFileName().toString();
                        return name.startsWith(".tmp-") || f.toString().contains("/.uploads/");
                    }).toList();
        }
    }

    @Nested
    class Contract extends RecordingStoreContract {
        @TempDir
        Path root;

        @Override
        protected RecordingStore newStore() throws IOException {
            return new FileSystemRecordingStore(root);
        }

        @Override
        protected void assertNothingLeftBehind() throws IOException {
            assertThat(leftovers(root)).isEmpty();
        }
    }

    @Nested
    class Uploads extends UploadSessionsContract {
        @TempDir
        Path root;
        private FileSystemRecordingStore recordings;

        @Override
        protected UploadSessions newSessions(Clock clock, Duration timeToLive, long partSize) throws IOException {
            recordings = new FileSystemRecordingStore(root);
            return new FileSystemUploadSessions(recordings, partSize, timeToLive, clock);
        }

        @Override
        protected RecordingStore store() {
            return recordings;
        }

        @Override
        protected void assertNothingLeftBehind() throws IOException {
            assertThat(leftovers(root)).isEmpty();
            try (Stream<Path> sessions = Files.list(root.resolve(".uploads"))) {
                assertThat(sessions).isEmpty();
            }
        }
    }

    @TempDir
    Path root;

    @Test
    void shardsKeysIntoTwoFolderLevelsWithOneFileNamePerKey() throws IOException {
        FileSystemRecordingStore store = new FileSystemRecordingStore(root);
        store.put("recordings/ws-1/call.mp3", new GeneratedBytes(1, 10));

        Path file = store.pathOf("recordings/ws-1/call.mp3");
        assertThat(root.relativize(file).getNameCount()).isEqualTo(3);
        assertThat(file.getFileName().toString()).isEqualTo("recordings+ws-1+call.mp3");
        assertThat(file).hasSize(10);
        assertThat(file.resolveSibling(".recordings+ws-1+call.mp3.sha256")).exists();
    }

    @Test
    void traversalKeysNeverTouchTheDisk() throws IOException {
        Path inside = Files.createDirectories(root.resolve("store"));
        FileSystemRecordingStore store = new FileSystemRecordingStore(inside);

        for (String key : List.of("../escaped", "../../escaped", "/tmp/escaped", "%2e%2e/escaped", "..%2fescaped",
                "a/../../escaped", "..\\escaped")) {
            assertThatThrownBy(() -> store.put(key, new GeneratedBytes(1, 10))).isInstanceOf(IllegalArgumentException.class);
        }
        try (Stream<Path> everything = Files.walk(root)) {
            assertThat(everything.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void aStreamFailingMidWayLeavesNoFileAndNoTempFile() throws IOException {
        FileSystemRecordingStore store = new FileSystemRecordingStore(root);
        HarmonyException tooLarge = HarmonyException.tooLarge(2048L << 20);

        Throwable thrown = catchThrowable(() -> store.put("big.mp4",
                new FailingInputStream(new GeneratedBytes(2, 5 << 20), 3 << 20, tooLarge)));

        assertThat(thrown).isSameAs(tooLarge);
        try (Stream<Path> everything = Files.walk(root)) {
            assertThat(everything.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void writersRacingOnOneKeyLeaveOneWholeVersionNeverAMix() throws Exception {
        FileSystemRecordingStore store = new FileSystemRecordingStore(root);
        long size = 6L << 20;
        List<Callable<StoredObject>> writers = List.of(
                () -> store.put("race.wav", new GeneratedBytes(1, size)),
                () -> store.put("race.wav", new GeneratedBytes(2, size)),
                () -> store.put("race.wav", new GeneratedBytes(3, size)));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (Future<StoredObject> done : pool.invokeAll(writers)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }

        String onDisk;
        try (InputStream in = store.open("race.wav")) {
            onDisk = GeneratedBytes.sha256Of(in);
        }
        assertThat(onDisk).isIn(GeneratedBytes.sha256(1, size), GeneratedBytes.sha256(2, size), GeneratedBytes.sha256(3, size));
        assertThat(leftovers(root)).isEmpty();
    }

    @Test
    void cleanupFreesASessionFolderWhoseCreateDiedHalfWay() throws IOException {
        FileSystemRecordingStore store = new FileSystemRecordingStore(root);
        MutableClock clock = new MutableClock(Instant.now());
        FileSystemUploadSessions sessions = new FileSystemUploadSessions(store, 5 << 20, Duration.ofHours(1), clock);
        Path halfMade = Files.createDirectories(root.resolve(".uploads").resolve(UUID.randomUUID().toString()));
        Files.write(halfMade.resolve("part-00001"), new byte[10]);

        assertThat(sessions.cleanupExpired(clock.instant())).isZero();
        assertThat(sessions.cleanupExpired(clock.instant().plus(Duration.ofHours(2)))).isEqualTo(1);
        assertThat(halfMade).doesNotExist();
    }

    @Test
    void anObjectWrittenByHandHasNoKnownDigest() throws IOException {
        FileSystemRecordingStore store = new FileSystemRecordingStore(root);
        Path file = store.pathOf("imported.wav");
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[] {1, 2, 3});

        assertThat(store.stat("imported.wav")).hasValueSatisfying(o -> {
            assertThat(o.sizeBytes()).isEqualTo(3);
            assertThat(o.sha256()).isNull();
        });
    }
}
