package harmony.adapters.filesystem;

import harmony.core.error.HarmonyException;
import harmony.core.port.out.UploadSession;
import harmony.core.port.out.UploadSessions.NewUpload;
import harmony.testkit.GeneratedBytes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Runs in a child JVM whose {@code args[0]} is a small, real filesystem (a 4 MiB tmpfs mounted by
 * {@link DiskFullTest}): fills it through the store and prints, one line each, what happened and what files
 * were left, for the parent to check.
 */
public final class DiskFullMain {
    static final long SMALL = 256 << 10;
    static final long LARGER_THAN_THE_DISK = 8L << 20;

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        FileSystemRecordingStore store = new FileSystemRecordingStore(root);
        FileSystemUploadSessions sessions = new FileSystemUploadSessions(store, 6L << 20, Duration.ofHours(1), Clock.systemUTC());

        System.out.println("stored " + store.put("ws-1/first.wav", new GeneratedBytes(1, SMALL)).sizeBytes());
        try {
            store.put("ws-1/huge.wav", new GeneratedBytes(2, LARGER_THAN_THE_DISK));
            System.out.println("put-succeeded");
        } catch (HarmonyException e) {
            System.out.println("put-refused " + e.kind() + " | " + e.getMessage() + " | " + e.getCause());
        }

        UploadSession session = sessions.create(new NewUpload("ws-1", "ws-1/browser.webm", "browser.webm", 12L << 20, "video/webm"));
        try {
            sessions.putPart(session.uploadId(), 1, new GeneratedBytes(3, session.partSize(1)));
            System.out.println("part-succeeded");
        } catch (HarmonyException e) {
            System.out.println("part-refused " + e.kind() + " | " + e.getMessage());
        }
        sessions.abort(session.uploadId());

        // Nothing half-written holds the space: a file that fits goes in again.
        System.out.println("stored-again " + store.put("ws-1/second.wav", new GeneratedBytes(4, SMALL)).sizeBytes());
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(f -> System.out.println("file " + root.relativize(f)));
        }
    }

    private DiskFullMain() {
    }
}
