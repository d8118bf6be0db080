package harmony.core.application;

import harmony.core.domain.Conversation;
import harmony.core.domain.Medium;
import harmony.core.domain.ProcessingStatus;
import harmony.core.domain.Source;
import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.ingest.ConversationForm;
import harmony.core.port.in.Actor;
import harmony.core.port.in.CheckUrl.UrlCheck;
import harmony.core.port.out.ConversationQuery;
import harmony.core.port.out.ConversationRepository;
import harmony.core.port.out.Ids;
import harmony.core.port.out.ProcessingScheduler;
import harmony.core.port.out.RemoteFiles;
import harmony.testkit.Fixtures;
import harmony.testkit.InMemoryConversationRepository;
import harmony.testkit.InMemoryDirectory;
import harmony.testkit.InMemoryRecordingStore;
import harmony.testkit.InMemoryTransactions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static harmony.testkit.Fixtures.WS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConversationIngestionTest {
    private final Actor ada = new Actor(WS, Fixtures.ADA);
    private final ConversationForm form = ConversationForm.EMPTY.withContact(Fixtures.DANA)
            .withCustomFields(Map.of("projectCode", "P-7"));
    private final InMemoryDirectory directory = new InMemoryDirectory();
    private final InMemoryRecordingStore store = new InMemoryRecordingStore();
    private final List<String> scheduled = new ArrayList<>();
    private final List<String> publicUrls = new ArrayList<>();
    private ConversationRepository repository = new InMemoryConversationRepository();

    @BeforeEach
    void seed() {
        Fixtures.seed(directory);
    }

    private ConversationIngestion ingestion() {
        ProcessingScheduler scheduler = new ProcessingScheduler() {
            @Override
            public void schedule(Conversation conversation) {
                scheduled.add(conversation.id());
            }

            @Override
            public void cancel(String conversationId) {
                scheduled.remove(conversationId);
            }
        };
        RemoteFiles remote = new RemoteFiles() {
            @Override
            public boolean isPubliclyAccessible(URI url) {
                return publicUrls.contains(url.toString());
            }

            @Override
            public Download open(URI url) {
                throw new UnsupportedOperationException("not downloaded in these tests");
            }
        };
        return new ConversationIngestion(directory, repository, store, remote, scheduler, new InMemoryTransactions(),
                Ids.random(), Clock.fixed(Fixtures.T0, ZoneOffset.UTC));
    }

    @Test
    void anUploadedRecordingIsStoredQueuedAndScheduled() throws IOException {
        byte[] mp3 = sample("sample.mp3");
        Conversation c = ingestion().uploadRecording(ada, form.withMedium("call"), "Kickoff_call.mp3", new ByteArrayInputStream(mp3));

        assertThat(c.status()).isEqualTo(ProcessingStatus.QUEUED);
        assertThat(c.source()).isEqualTo(Source.FILE_UPLOAD);
        assertThat(c.title()).isEqualTo("Kickoff call");
        assertThat(c.medium()).isEqualTo(Medium.CALL);
        assertThat(c.reference()).matches("HMY-[2-9A-Z]{6}");
        assertThat(c.recording().mimeType()).isEqualTo("audio/mpeg");
        assertThat(c.recording().sizeBytes()).isEqualTo(mp3.length);
        assertThat(store.open(c.recording().storageKey()).readAllBytes()).isEqualTo(mp3);
        assertThat(repository.find(WS, c.id())).contains(c);
        assertThat(scheduled).containsExactly(c.id());
    }

    @Test
    void aDocumentIsRefusedAndNothingIsCreatedOrStored() {
        assertThatThrownBy(() -> ingestion().uploadRecording(ada, form, "notes.mp3", new ByteArrayInputStream(sample("sample.pdf"))))
                .hasMessage("Please upload an audio or video file.");
        assertNothingCreated();
    }

    @Test
    void missingFieldsAreReportedBeforeAnyByteIsRead() {
        InputStream untouchable = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("the stream must not be read");
            }
        };
        assertThatThrownBy(() -> ingestion().uploadRecording(ada, ConversationForm.EMPTY, "a.mp3", untouchable))
                .isInstanceOf(HarmonyException.class)
                .hasMessage("Please fill in all required fields.");
        assertNothingCreated();
    }

    @Test
    void aStreamThatBreaksMidwayCreatesNothing() {
        byte[] mp3 = sample("sample.mp3");
        InputStream breaking = new java.io.SequenceInputStream(new ByteArrayInputStream(mp3), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        });
        assertThatThrownBy(() -> ingestion().uploadRecording(ada, form, "a.mp3", breaking)).hasMessage("connection reset");
        assertNothingCreated();
    }

    @Test
    void storedMediaIsRemovedWhenTheRecordCannotBeWritten() {
        ConversationRepository real = repository;
        repository = (ConversationRepository) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConversationRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("create")) {
                        throw new IllegalStateException("database down");
                    }
                    return method.invoke(real, args);
                });
        assertThatThrownBy(() -> ingestion().uploadRecording(ada, form, "a.mp3", new ByteArrayInputStream(sample("sample.mp3"))))
                .hasMessage("database down");
        assertThat(store.size()).isZero();
        assertThat(scheduled).isEmpty();
    }

    @Test
    void aUrlImportIsCheckedThenQueuedForDownload() {
        publicUrls.add("https://cdn.example.com/calls/weekly-sync.mp3");
        Conversation c = ingestion().importFromUrl(ada, "https://cdn.example.com/calls/weekly-sync.mp3", form);

        assertThat(c.source()).isEqualTo(Source.URL_IMPORT);
        assertThat(c.sourceUrl()).isEqualTo("https://cdn.example.com/calls/weekly-sync.mp3");
        assertThat(c.title()).isEqualTo("weekly-sync");
        assertThat(c.recording()).isNull();
        assertThat(scheduled).containsExactly(c.id());
    }

    @Test
    void aBadOrPrivateUrlCreatesNothing() {
        assertThatThrownBy(() -> ingestion().importFromUrl(ada, "not a url", form))
                .hasMessage("Invalid URL format.")
                .extracting(e -> ((HarmonyException) e).kind()).isEqualTo(ErrorKind.MALFORMED);
        assertThatThrownBy(() -> ingestion().importFromUrl(ada, "https://intranet.example.com/a.mp3", form))
                .hasMessage("The provided URL is not publicly accessible.")
                .extracting(e -> ((HarmonyException) e).kind()).isEqualTo(ErrorKind.INVALID);
        assertNothingCreated();
    }

    @Test
    void theUrlCheckAnswersWithTheDialogsThreeMessages() {
        publicUrls.add("https://example.com/recording.mp3");
        assertThat(ingestion().checkUrl("https://example.com/recording.mp3"))
                .isEqualTo(new UrlCheck(true, "URL is accessible and valid for recording."));
        assertThat(ingestion().checkUrl("https://example.com/private.mp3"))
                .isEqualTo(new UrlCheck(false, "The provided URL is not publicly accessible."));
        assertThat(ingestion().checkUrl("example.com/recording.mp3"))
                .isEqualTo(new UrlCheck(false, "Invalid URL format."));
    }

    private void assertNothingCreated() {
        assertThat(store.size()).isZero();
        assertThat(repository.list(ConversationQuery.all(WS)).items()).isEmpty();
        assertThat(scheduled).isEmpty();
    }

    static byte[] sample(String name) {
        try (InputStream in = ConversationIngestionTest.class.getResourceAsStream("/media/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aRequestsFingerprintTellsApartFormsThatPrintAlike() {
        ConversationForm keyed = ConversationForm.EMPTY.withIdempotencyKey("k");
        java.util.function.Function<ConversationForm, String> fp = f -> ConversationIngestion.claim(f, harmony.core.domain.Source.TRANSCRIPT_PASTE, "text").fingerprint();

        assertThat(ConversationIngestion.claim(ConversationForm.EMPTY, harmony.core.domain.Source.TRANSCRIPT_PASTE, "text")).isNull();
        assertThat(fp.apply(keyed.withTitle("Kickoff"))).isEqualTo(fp.apply(keyed.withTitle("Kickoff")));
        assertThat(fp.apply(keyed.withTitle(null))).isNotEqualTo(fp.apply(keyed.withTitle("null")));
        assertThat(fp.apply(keyed.withTeam("x, contactId=y"))).isNotEqualTo(fp.apply(keyed.withTeam("x").withContact("y, contactId=null")));
        assertThat(fp.apply(keyed.withCustomFields(Map.of("n", 1)))).isNotEqualTo(fp.apply(keyed.withCustomFields(Map.of("n", "1"))));
        assertThat(fp.apply(keyed.withCustomFields(Map.of("n", List.of("a, b")))))
                .isNotEqualTo(fp.apply(keyed.withCustomFields(Map.of("n", List.of("a", "b")))));
        assertThat(ConversationIngestion.claim(keyed, harmony.core.domain.Source.TRANSCRIPT_PASTE, "a", "b").fingerprint())
                .isNotEqualTo(ConversationIngestion.claim(keyed, harmony.core.domain.Source.TRANSCRIPT_PASTE, "ab").fingerprint());
    }
}
