package harmony.testkit;

import harmony.core.domain.Conversation;
import harmony.core.domain.Medium;
import harmony.core.domain.Processing;
import harmony.core.domain.ProcessingStatus;
import harmony.core.domain.Speaker;
import harmony.core.domain.Transcript;
import harmony.core.error.HarmonyException;
import harmony.core.port.out.ConversationQuery;
import harmony.core.port.out.ConversationRepository;
import harmony.core.port.out.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static harmony.testkit.Fixtures.T0;
import static harmony.testkit.Fixtures.WS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link ConversationRepository} must do. Subclasses supply a fresh, empty repository. */
public abstract class ConversationRepositoryContract {
    protected ConversationRepository repository;

    /** A new repository with {@link Fixtures#seed} applied to its directory, if it has one. */
    protected abstract ConversationRepository newRepository();

    @BeforeEach
    void setUpRepository() {
        repository = newRepository();
    }

    @Test
    void storesAndFindsAConversationWithEveryField() {
        Conversation c = Fixtures.recordingConversation("Kickoff with Initech", T0).toBuilder()
                .tags(List.of("demo", "discovery"))
                .customFields(Map.of("projectCode", "P-7", "seats", new BigDecimal("25"), "champion", true,
                        "products", List.of("Voice", "Chat"), "renewal", "2027-01-31"))
                .medium(Medium.VIDEO)
                .sourceUrl(null)
                .build();
        repository.create(c, Optional.empty());

        assertThat(repository.find(WS, c.id())).contains(c);
        assertThat(repository.findById(c.id())).contains(c);
    }

    @Test
    void aSecondCreateWithTheSameIdempotencyKeyStoresNothingAndAnswersTheFirst() {
        Conversation first = Fixtures.conversation("First try", T0);
        Conversation retry = Fixtures.conversation("Retry", T0.plusSeconds(1));

        assertThat(repository.create(first, Optional.of(Fixtures.transcript("Hello")), claim("key-1"))).isEqualTo(first);
        assertThat(repository.create(retry, Optional.of(Fixtures.transcript("Other words")), claim("key-1"))).isEqualTo(first);

        assertThat(repository.find(WS, retry.id())).isEmpty();
        assertThat(repository.findTranscript(retry.id())).isEmpty();
        assertThat(repository.findByIdempotencyKey(WS, "key-1")).contains(new ConversationRepository.Claimed(first, claim("key-1")));
        assertThat(repository.findByIdempotencyKey(WS, "key-2")).isEmpty();
        assertThat(repository.list(ConversationQuery.all(WS)).items()).containsExactly(first);
    }

    @Test
    void theSameConversationCreatedTwiceWithItsKeyIsStoredOnce() {
        // A browser upload whose completion is retried: the twin carries the same id as well as the key.
        Conversation c = Fixtures.conversation("Completed twice", T0);
        assertThat(repository.create(c, Optional.empty(), claim("twin-key"))).isEqualTo(c);
        assertThat(repository.create(c, Optional.empty(), claim("twin-key"))).isEqualTo(c);
        assertThat(repository.list(ConversationQuery.all(WS)).items()).containsExactly(c);
    }

    private static ConversationRepository.IdempotencyClaim claim(String key) {
        return new ConversationRepository.IdempotencyClaim(key, "fingerprint-of-" + key);
    }

    @Test
    void conversationsWithoutAnIdempotencyKeyNeverMatchEachOther() {
        Conversation a = Fixtures.conversation("A", T0);
        Conversation b = Fixtures.conversation("B", T0.plusSeconds(1));
        assertThat(repository.create(a, Optional.empty(), null)).isEqualTo(a);
        assertThat(repository.create(b, Optional.empty(), null)).isEqualTo(b);
        assertThat(repository.list(ConversationQuery.all(WS)).items()).hasSize(2);
    }

    @Test
    void racingCreatesWithOneIdempotencyKeyStoreOneConversation() throws Exception {
        int racers = 6;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(racers);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(racers);
        try {
            List<java.util.concurrent.Future<Conversation>> answers = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Conversation mine = Fixtures.conversation("Racer " + i, T0.plusSeconds(i));
                answers.add(pool.submit(() -> {
                    start.await();
                    return repository.create(mine, Optional.of(Fixtures.transcript("Same words")), claim("shared-key"));
                }));
            }
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (var answer : answers) {
                ids.add(answer.get(30, java.util.concurrent.TimeUnit.SECONDS).id());
            }
            assertThat(ids).hasSize(1);
            assertThat(repository.list(ConversationQuery.all(WS)).items()).extracting(Conversation::id).containsExactlyElementsOf(ids);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keepsWorkspacesApart() {
        Conversation c = Fixtures.conversation("Private", T0);
        repository.create(c, Optional.empty());

        assertThat(repository.find(Fixtures.OTHER_WS, c.id())).isEmpty();
        assertThat(repository.list(ConversationQuery.all(Fixtures.OTHER_WS)).items()).isEmpty();
        assertThat(repository.delete(Fixtures.OTHER_WS, c.id())).isFalse();
        assertThat(repository.find(WS, c.id())).isPresent();
    }

    @Test
    void storesTheTranscriptWithTheConversationAndReplacesIt() {
        Conversation c = Fixtures.conversation("Call", T0);
        Transcript first = Fixtures.transcript("Hello there", "Hi, how are you?");
        repository.create(c, Optional.of(first));
        assertThat(repository.findTranscript(c.id())).contains(first);

        Transcript second = Fixtures.transcript("Only one turn now");
        repository.saveTranscript(c.id(), second);
        repository.saveTranscript(c.id(), second);
        assertThat(repository.findTranscript(c.id())).contains(second);
    }

    @Test
    void keepsSpeakerMatches() {
        Conversation c = Fixtures.conversation("Call", T0);
        Transcript t = Fixtures.transcript("Hello", "Hi");
        repository.create(c, Optional.of(t));
        Transcript matched = t.withSpeaker(new Speaker("S2", "Dana Reyes", Fixtures.DANA, null));
        repository.saveTranscript(c.id(), matched);
        assertThat(repository.findTranscript(c.id()).orElseThrow().speaker("S2").orElseThrow().contactId())
                .isEqualTo(Fixtures.DANA);
    }

    @Test
    void updatesStatusProcessingAndProperties() {
        Conversation c = Fixtures.conversation("Call", T0);
        repository.create(c, Optional.empty());
        Conversation moved = c.withStatus(ProcessingStatus.EXTRACTING,
                new Processing("extraction", 0.5, T0.plusSeconds(5), 2, null), T0.plusSeconds(6))
                .toBuilder().tags(List.of("onboarding")).teamId(Fixtures.SUPPORT).build();
        repository.update(moved);
        assertThat(repository.find(WS, c.id())).contains(moved);
    }

    @Test
    void listsNewestFirstAndPagesWithACursor() {
        List<Conversation> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Conversation c = Fixtures.conversation("Call " + i, T0.plusSeconds(i));
            repository.create(c, Optional.empty());
            created.add(0, c);
        }
        ConversationQuery q = ConversationQuery.all(WS).withLimit(3);
        List<Conversation> seen = new ArrayList<>();
        Page<Conversation> page = repository.list(q);
        int pages = 1;
        seen.addAll(page.items());
        while (page.nextCursor() != null) {
            page = repository.list(q.withCursor(page.nextCursor()));
            seen.addAll(page.items());
            pages++;
        }
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactlyElementsOf(created);
    }

    @Test
    void rejectsAGarbledCursorAsTheClientsMistake() {
        assertThatThrownBy(() -> repository.list(ConversationQuery.all(WS).withCursor("not-a-cursor!")))
                .isInstanceOf(HarmonyException.class);
    }

    @Test
    void filtersByStatusTeamOwnerContactTagAndMedium() {
        Conversation a = Fixtures.conversation("A", T0);
        Conversation b = Fixtures.conversation("B", T0.plusSeconds(1)).toBuilder()
                .teamId(Fixtures.SUPPORT).ownerId(Fixtures.GRACE).contactId(Fixtures.OMAR)
                .tags(List.of("support", "escalation")).medium(Medium.CHAT).status(ProcessingStatus.COMPLETED).build();
        repository.create(a, Optional.empty());
        repository.create(b, Optional.empty());
        ConversationQuery all = ConversationQuery.all(WS);

        assertThat(ids(new ConversationQuery(WS, ProcessingStatus.COMPLETED, null, null, null, null, null, null, 50, null)))
                .containsExactly(b.id());
        assertThat(ids(new ConversationQuery(WS, null, Fixtures.SALES, null, null, null, null, null, 50, null)))
                .containsExactly(a.id());
        assertThat(ids(new ConversationQuery(WS, null, null, Fixtures.GRACE, null, null, null, null, 50, null)))
                .containsExactly(b.id());
        assertThat(ids(new ConversationQuery(WS, null, null, null, Fixtures.DANA, null, null, null, 50, null)))
                .containsExactly(a.id());
        assertThat(ids(new ConversationQuery(WS, null, null, null, null, "escalation", null, null, 50, null)))
                .containsExactly(b.id());
        assertThat(ids(new ConversationQuery(WS, null, null, null, null, null, Medium.CALL, null, 50, null)))
                .containsExactly(a.id());
        assertThat(ids(all)).containsExactly(b.id(), a.id());
    }

    @Test
    void searchesTitleAndTranscriptByWholeWordsIgnoringCase() {
        Conversation pricing = Fixtures.conversation("Pricing review", T0);
        Conversation onboarding = Fixtures.conversation("Weekly sync", T0.plusSeconds(1));
        Conversation none = Fixtures.conversation("Retro", T0.plusSeconds(2));
        repository.create(pricing, Optional.of(Fixtures.transcript("Let us talk about the enterprise plan.")));
        repository.create(onboarding, Optional.of(Fixtures.transcript("The onboarding checklist is ready.", "Great, the Enterprise rollout starts Monday.")));
        repository.create(none, Optional.empty());
        ConversationQuery all = ConversationQuery.all(WS);

        assertThat(ids(all.withText("pricing"))).containsExactly(pricing.id());
        assertThat(ids(all.withText("ENTERPRISE"))).containsExactly(onboarding.id(), pricing.id());
        assertThat(ids(all.withText("enterprise onboarding"))).containsExactly(onboarding.id());
        assertThat(ids(all.withText("checklist monday"))).containsExactly(onboarding.id());
        assertThat(ids(all.withText("kubernetes"))).isEmpty();
    }

    @Test
    void searchSeesAReplacedTranscript() {
        Conversation c = Fixtures.conversation("Call", T0);
        repository.create(c, Optional.empty());
        assertThat(ids(ConversationQuery.all(WS).withText("budget"))).isEmpty();
        repository.saveTranscript(c.id(), Fixtures.transcript("What is the budget for next year?"));
        assertThat(ids(ConversationQuery.all(WS).withText("budget"))).containsExactly(c.id());
    }

    @Test
    void deletesTheConversationAndItsTranscript() {
        Conversation c = Fixtures.conversation("Call", T0);
        repository.create(c, Optional.of(Fixtures.transcript("hello")));
        assertThat(repository.delete(WS, c.id())).isTrue();
        assertThat(repository.find(WS, c.id())).isEmpty();
        assertThat(repository.findTranscript(c.id())).isEmpty();
        assertThat(repository.delete(WS, c.id())).isFalse();
    }

    @Test
    void refusesToCreateTheSameIdTwice() {
        Conversation c = Fixtures.conversation("Call", T0);
        repository.create(c, Optional.empty());
        assertThatThrownBy(() -> repository.create(c, Optional.empty())).isInstanceOf(RuntimeException.class);
    }

    private List<String> ids(ConversationQuery q) {
        return repository.list(q).items().stream().map(Conversation::id).toList();
    }
}
