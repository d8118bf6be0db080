package harmony.adapters.filesystem;

import harmony.core.application.ConversationIngestion;
import harmony.core.domain.Conversation;
import harmony.core.error.HarmonyException;
import harmony.core.ingest.ConversationForm;
import harmony.core.port.in.Actor;
import harmony.core.port.out.Ids;
import harmony.core.port.out.ProcessingScheduler;
import harmony.core.port.out.UploadSession;
import harmony.core.port.out.UploadSessions.NewUpload;
import harmony.testkit.Fixtures;
import harmony.testkit.GeneratedBytes;
import harmony.testkit.InMemoryConversationRepository;
import harmony.testkit.InMemoryDirectory;
import harmony.testkit.InMemoryTransactions;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

        // Through core's ingestion, as the API calls it: refused before any record or job exists.
        InMemoryDirectory directory = new InMemoryDirectory();
        Fixtures.seed(directory);
        InMemoryConversationRepository conversations = new InMemoryConversationRepository();
        List<String> minted = new ArrayList<>();
        List<String> scheduled = new ArrayList<>();
        Ids random = Ids.random();
        Ids recorded = new Ids() {
            @Override
            public String newId() {
                String id = random.newId();
                minted.add(id);
                return id;
            }

            @Override
            public String newReference() {
                return random.newReference();
            }
        };
        ProcessingScheduler scheduler = new ProcessingScheduler() {
            @Override
            public void schedule(Conversation conversation) {
                scheduled.add(conversation.id());
            }

            @Override
            public void cancel(String conversationId) {
            }
        };
        ConversationIngestion ingestion = new ConversationIngestion(directory, conversations, store, null, scheduler,
                new InMemoryTransactions(), recorded, Clock.systemUTC());
        ConversationForm form = new ConversationForm(null, Fixtures.DANA, null, "call", null, null, List.of(),
                Map.of("projectCode", "P-7", "region", "EMEA"));
        try {
            ingestion.uploadRecording(new Actor(Fixtures.WS, Fixtures.ADA), form, "all-hands.wav", wav(LARGER_THAN_THE_DISK));
            System.out.println("upload-succeeded");
        } catch (HarmonyException e) {
            long records = minted.stream().filter(id -> conversations.findById(id).isPresent()).count();
            System.out.println("upload-refused " + e.kind() + " | records " + records + " | jobs " + scheduled.size());
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

    /** A 16 kHz mono PCM WAV of {@code dataBytes} bytes of samples. */
    private static InputStream wav(long dataBytes) {
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt((int) (36 + dataBytes))
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(16_000).putInt(32_000).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt((int) dataBytes);
        return new SequenceInputStream(new ByteArrayInputStream(header.array()), new GeneratedBytes(6, dataBytes));
    }

    private DiskFullMain() {
    }
}
