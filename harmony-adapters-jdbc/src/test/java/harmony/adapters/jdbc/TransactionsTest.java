package harmony.adapters.jdbc;

import harmony.core.domain.Conversation;
import harmony.core.port.out.ConversationEvent;
import harmony.core.port.out.ConversationRepository;
import harmony.core.port.out.JobLane;
import harmony.core.port.out.Transactions;
import harmony.testkit.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static harmony.testkit.Fixtures.T0;
import static harmony.testkit.Fixtures.WS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** All-or-nothing units of work across repositories, on both databases. */
class TransactionsTest {
    private static JdbcHarmonyStore h2;
    private static JdbcHarmonyStore postgres;

    @BeforeAll
    static void open() {
        h2 = TestStores.h2("tx");
        postgres = TestStores.postgres("tx");
    }

    @AfterAll
    static void close() {
        h2.close();
        postgres.close();
    }

    @Nested
    class OnH2 extends Contract {
        OnH2() {
            super(h2);
        }
    }

    @Nested
    class OnPostgres extends Contract {
        OnPostgres() {
            super(postgres);
        }
    }

    abstract static class Contract {
        private final JdbcHarmonyStore store;
        private final Transactions tx;
        private final ConversationRepository conversations;

        Contract(JdbcHarmonyStore store) {
            this.store = store;
            this.tx = store.transactions();
            this.conversations = store.conversations();
        }

        @BeforeEach
        void empty() {
            TestStores.empty(store);
        }

        @Test
        void aFailureRollsBackEveryWriteOfTheUnitAndPropagatesUnchanged() {
            Conversation first = Fixtures.recordingConversation("First", T0);
            Conversation second = Fixtures.conversation("Second", T0);
            IllegalArgumentException boom = new IllegalArgumentException("boom");

            assertThatThrownBy(() -> tx.inTransaction(() -> {
                conversations.create(first, Optional.of(Fixtures.transcript("hello")));
                conversations.create(second, Optional.empty());
                assertThat(conversations.findById(first.id())).isPresent(); // visible inside
                throw boom;
            })).isSameAs(boom);

            assertThat(conversations.findById(first.id())).isEmpty();
            assertThat(conversations.findTranscript(first.id())).isEmpty();
            assertThat(conversations.findById(second.id())).isEmpty();
        }

        @Test
        void aConversationItsJobAndItsEventCommitTogetherOrNotAtAll() {
            Conversation kept = Fixtures.recordingConversation("Kept", T0);
            Conversation lost = Fixtures.recordingConversation("Lost", T0);
            tx.inTransaction(() -> {
                conversations.create(kept, Optional.empty());
                store.jobs().enqueue(kept.id(), WS, JobLane.MEDIA);
                store.events().publish(kept);
            });
            assertThatThrownBy(() -> tx.inTransaction(() -> {
                conversations.create(lost, Optional.empty());
                store.jobs().enqueue(lost.id(), WS, JobLane.MEDIA);
                store.events().publish(lost);
                throw new IllegalStateException("crash before commit");
            })).hasMessage("crash before commit");

            assertThat(conversations.findById(kept.id())).contains(kept);
            assertThat(store.jobs().find(kept.id())).isPresent();
            assertThat(store.events().since(WS, 0, 10)).extracting(ConversationEvent::conversationId)
                    .containsExactly(kept.id());
            assertThat(conversations.findById(lost.id())).isEmpty();
            assertThat(store.jobs().find(lost.id())).isEmpty();
            assertThat(store.events().latestId(WS)).as("the rolled-back event's id is not used up").isEqualTo(1);
        }

        @Test
        void aNestedUnitJoinsTheOuterOneAndCommitsWithIt() throws Exception {
            Conversation c = Fixtures.conversation("Nested", T0);
            tx.inTransaction(() -> {
                tx.inTransaction(() -> conversations.create(c, Optional.empty()));
                // Another thread (its own connection) cannot see it before the outer unit commits.
                boolean seenOutside = CompletableFuture.supplyAsync(() -> conversations.findById(c.id()).isPresent()).join();
                assertThat(seenOutside).isFalse();
            });
            assertThat(conversations.find(WS, c.id())).contains(c);
        }

        @Test
        void aFailedDuplicateInsideAUnitLeavesTheFirstWriteAlone() {
            Conversation c = Fixtures.conversation("Once", T0);
            conversations.create(c, Optional.empty());
            assertThatThrownBy(() -> tx.inTransaction(() -> {
                conversations.saveTranscript(c.id(), Fixtures.transcript("changed"));
                conversations.create(c, Optional.empty());
            })).isInstanceOf(IllegalStateException.class);
            assertThat(conversations.find(WS, c.id())).contains(c);
            assertThat(conversations.findTranscript(c.id())).isEmpty();
        }
    }
}
