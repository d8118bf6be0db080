package harmony.core.application;

import harmony.core.domain.Conversation;
import harmony.core.ingest.ConversationForm;
import harmony.core.port.in.Actor;
import harmony.core.port.out.Ids;
import harmony.core.port.out.ProcessingScheduler;
import harmony.core.port.out.RemoteFiles;
import harmony.core.port.out.UploadSession;
import harmony.testkit.Fixtures;
import harmony.testkit.InMemoryConversationRepository;
import harmony.testkit.InMemoryDirectory;
import harmony.testkit.InMemoryRecordingStore;
import harmony.testkit.InMemoryTransactions;
import harmony.testkit.InMemoryUploadSessions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Completing a browser upload: a completion that loses to a twin must leave the twin's recording alone. */
class BrowserUploadsTest {
    private final Actor ada = new Actor(Fixtures.WS, Fixtures.ADA);
    private final InMemoryDirectory directory = new InMemoryDirectory();
    private final InMemoryRecordingStore store = new InMemoryRecordingStore();
    private final InMemoryConversationRepository repository = new InMemoryConversationRepository();
    private final Clock clock = Clock.fixed(Fixtures.T0, ZoneOffset.UTC);

    @Test
    void aCompletionThatFailsBecauseATwinMadeTheConversationKeepsItsRecording() throws Exception {
        Fixtures.seed(directory);
        ConversationIngestion ingestion = new ConversationIngestion(directory, repository, store, noRemoteFiles(),
                noScheduler(), new InMemoryTransactions(), Ids.random(), clock);
        InMemoryUploadSessions sessions = new InMemoryUploadSessions(store, 64 * 1024, Duration.ofHours(1), clock);
        BrowserUploads uploads = new BrowserUploads(sessions, store, ingestion, directory, Ids.random());
        byte[] mp3;
        try (InputStream in = BrowserUploadsTest.class.getResourceAsStream("/media/sample.mp3")) {
            mp3 = in.readAllBytes();
        }
        UploadSession session = uploads.startUpload(ada, "twin.mp3", mp3.length, "audio/mpeg");
        uploads.putPart(ada, session.uploadId(), 1, new ByteArrayInputStream(mp3));
        // The twin completed first and its conversation holds the id the session fixed.
        String id = session.key().substring(session.key().lastIndexOf('/') + 1);
        Conversation twins = Fixtures.conversation("twin", Fixtures.T0).toBuilder().id(id).build();
        repository.create(twins, Optional.empty());

        ConversationForm form = ConversationForm.EMPTY.withContact(Fixtures.DANA).withCustomFields(Map.of("projectCode", "P-7"));
        assertThatThrownBy(() -> uploads.completeUpload(ada, session.uploadId(), form))
                .isInstanceOfSatisfying(harmony.core.error.HarmonyException.class, e -> {
                    assertThat(e.kind()).isEqualTo(harmony.core.error.ErrorKind.CONFLICT);
                    assertThat(e.getMessage()).isEqualTo("This upload is already complete.");
                });

        assertThat(store.stat(session.key())).as("the twin's recording is still stored").isPresent();
        assertThat(repository.find(Fixtures.WS, id)).contains(twins);
    }

    private static RemoteFiles noRemoteFiles() {
        return new RemoteFiles() {
            @Override
            public boolean isPubliclyAccessible(URI url) {
                return false;
            }

            @Override
            public Download open(URI url) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static ProcessingScheduler noScheduler() {
        return new ProcessingScheduler() {
            @Override
            public void schedule(Conversation conversation) {
            }

            @Override
            public void cancel(String conversationId) {
            }
        };
    }
}
