package harmony.core.application;

import harmony.core.domain.Conversation;
import harmony.core.domain.Medium;
import harmony.core.domain.Transcript;
import harmony.core.error.ErrorKind;
import harmony.core.error.HarmonyException;
import harmony.core.port.in.Actor;
import harmony.core.port.in.MatchSpeaker.SpeakerMatch;
import harmony.core.port.in.UpdateConversation.ConversationPatch;
import harmony.core.port.out.ConversationQuery;
import harmony.core.port.out.ProcessingScheduler;
import harmony.testkit.Fixtures;
import harmony.testkit.InMemoryConversationRepository;
import harmony.testkit.InMemoryDirectory;
import harmony.testkit.InMemoryRecordingStore;
import harmony.testkit.InMemoryTransactions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static harmony.testkit.Fixtures.WS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ConversationCatalogTest {
    private final Actor ada = new Actor(WS, Fixtures.ADA);
    private final Actor hank = new Actor(Fixtures.OTHER_WS, Fixtures.OTHER_USER);
    private final InMemoryDirectory directory = new InMemoryDirectory();
    private final InMemoryConversationRepository repository = new InMemoryConversationRepository();
    private final InMemoryRecordingStore store = new InMemoryRecordingStore();
    private final List<String> cancelled = new ArrayList<>();
    private ConversationCatalog catalog;
    private Conversation call;

    @BeforeEach
    void setUp() throws IOException {
        Fixtures.seed(directory);
        ProcessingScheduler scheduler = new ProcessingScheduler() {
            @Override
            public void schedule(Conversation conversation) {
            }

            @Override
            public void cancel(String conversationId) {
                cancelled.add(conversationId);
            }
        };
        catalog = new ConversationCatalog(directory, repository, store, new harmony.testkit.InMemoryConversationAnalyses(), scheduler, new InMemoryTransactions(),
                Clock.fixed(Fixtures.T0.plusSeconds(60), ZoneOffset.UTC));
        call = Fixtures.recordingConversation("Discovery call", Fixtures.T0);
        store.put(call.recording().storageKey(), new ByteArrayInputStream(new byte[] {1, 2, 3}));
        repository.create(call, Optional.of(Fixtures.transcript("Hi, this is Ada.", "Hello, Dana here.")));
    }

    @Test
    void anotherWorkspaceSeesNothing() {
        assertThatThrownBy(() -> catalog.getConversation(hank, call.id()))
                .isInstanceOf(HarmonyException.class)
                .extracting(e -> ((HarmonyException) e).kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(catalog.listConversations(hank, ConversationQuery.all(WS)).items()).isEmpty();
        assertThatThrownBy(() -> catalog.deleteConversation(hank, call.id())).isInstanceOf(HarmonyException.class);
        assertThat(repository.find(WS, call.id())).isPresent();
    }

    @Test
    void fixesPropertiesThroughTheFormRules() {
        Conversation updated = catalog.updateConversation(ada, call.id(),
                new ConversationPatch(Fixtures.SUPPORT, Fixtures.GRACE, null, "video", null, List.of("demo", "onboarding"), null));
        assertThat(updated.teamId()).isEqualTo(Fixtures.SUPPORT);
        assertThat(updated.ownerId()).isEqualTo(Fixtures.GRACE);
        assertThat(updated.medium()).isEqualTo(Medium.VIDEO);
        assertThat(updated.tags()).containsExactly("demo", "onboarding");
        assertThat(updated.title()).isEqualTo("Discovery call");
        assertThat(updated.updatedAt()).isEqualTo(Fixtures.T0.plusSeconds(60));
        assertThat(repository.find(WS, call.id())).contains(updated);
    }

    @Test
    void aBadPatchChangesNothing() {
        HarmonyException e = catchThrowableOfType(HarmonyException.class, () -> catalog.updateConversation(ada, call.id(),
                new ConversationPatch("team-nope", null, null, null, null, null, Map.of("projectCode", ""))));
        assertThat(e.fieldErrors()).extracting(f -> f.field()).containsExactly("team", "customFields.projectCode");
        assertThat(repository.find(WS, call.id())).contains(call);
    }

    @Test
    void matchesASpeakerToAContactOrAUser() {
        Transcript t = catalog.matchSpeaker(ada, call.id(), "S2", SpeakerMatch.contact(Fixtures.DANA));
        assertThat(t.speaker("S2").orElseThrow().displayName()).isEqualTo("Dana Reyes");
        assertThat(t.speaker("S2").orElseThrow().contactId()).isEqualTo(Fixtures.DANA);

        t = catalog.matchSpeaker(ada, call.id(), "S1", SpeakerMatch.user(Fixtures.GRACE));
        assertThat(t.speaker("S1").orElseThrow().userId()).isEqualTo(Fixtures.GRACE);
        assertThat(catalog.getTranscript(ada, call.id())).isEqualTo(t);

        assertThatThrownBy(() -> catalog.matchSpeaker(ada, call.id(), "S9", SpeakerMatch.contact(Fixtures.DANA)))
                .extracting(e -> ((HarmonyException) e).kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThatThrownBy(() -> catalog.matchSpeaker(ada, call.id(), "S2", SpeakerMatch.contact(Fixtures.OTHER_CONTACT)))
                .extracting(e -> ((HarmonyException) e).kind()).isEqualTo(ErrorKind.INVALID);
    }

    @Test
    void deletingCancelsWorkAndRemovesRecordTranscriptAndMedia() throws IOException {
        catalog.deleteConversation(ada, call.id());
        assertThat(cancelled).containsExactly(call.id());
        assertThat(repository.find(WS, call.id())).isEmpty();
        assertThat(repository.findTranscript(call.id())).isEmpty();
        assertThat(store.stat(call.recording().storageKey())).isEmpty();
    }

    @Test
    void listingIsAlwaysScopedToTheActorsWorkspace() {
        assertThat(catalog.listConversations(ada, ConversationQuery.all(Fixtures.OTHER_WS)).items())
                .extracting(Conversation::id).containsExactly(call.id());
    }
}
