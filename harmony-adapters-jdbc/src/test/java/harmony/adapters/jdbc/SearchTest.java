package harmony.adapters.jdbc;

import harmony.core.domain.Conversation;
import harmony.core.port.out.ConversationQuery;
import harmony.core.port.out.ConversationRepository;
import harmony.testkit.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static harmony.testkit.Fixtures.T0;
import static harmony.testkit.Fixtures.WS;
import static org.assertj.core.api.Assertions.assertThat;

/** Search keeps up with renames and new transcripts, and treats query text as words, never as syntax. */
class SearchTest {
    private static JdbcHarmonyStore h2;
    private static JdbcHarmonyStore postgres;

    @BeforeAll
    static void open() {
        h2 = TestStores.h2("search");
        postgres = TestStores.postgres("search");
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
        private final ConversationRepository conversations;

        Contract(JdbcHarmonyStore store) {
            this.store = store;
            this.conversations = store.conversations();
        }

        @BeforeEach
        void empty() {
            TestStores.empty(store);
        }

        @Test
        void aRenamedConversationIsFoundByItsNewTitleOnlyAndKeepsItsTranscriptWords() {
            Conversation c = Fixtures.conversation("Pricing review", T0);
            conversations.create(c, Optional.of(Fixtures.transcript("The budget is approved.")));
            conversations.update(c.toBuilder().title("Renewal call").build());

            assertThat(ids("pricing")).isEmpty();
            assertThat(ids("renewal")).containsExactly(c.id());
            assertThat(ids("budget renewal")).containsExactly(c.id());

            conversations.saveTranscript(c.id(), Fixtures.transcript("Security questionnaire."));
            assertThat(ids("budget")).isEmpty();
            assertThat(ids("renewal questionnaire")).containsExactly(c.id());
        }

        @Test
        void queryPunctuationAndOperatorsAreJustSeparators() {
            Conversation c = Fixtures.conversation("Q3 roadmap: AI & search", T0);
            conversations.create(c, Optional.of(Fixtures.transcript("It's 100% on track (mostly)!")));

            assertThat(ids("roadmap & | ! ( ) : * ' \\ % _")).containsExactly(c.id());
            assertThat(ids("it's")).containsExactly(c.id());
            assertThat(ids("100%")).containsExactly(c.id());
            assertThat(ids("q3 AI")).containsExactly(c.id());
            assertThat(ids("%")).as("no words: no text filter").containsExactly(c.id());
            assertThat(ids("road")).as("whole words only").isEmpty();
        }

        @Test
        void hugeWordsAndVocabulariesAreIndexedUpToWhatATsvectorHoldsNeverCorrupted() {
            String huge = "y".repeat(3000);
            StringBuilder words = new StringBuilder("aardvark " + huge);
            for (int i = 0; i < 200_000; i++) {
                words.append(" w").append(Integer.toString(i, 36)).append("qzqzq");
            }
            Conversation c = Fixtures.conversation("Many words " + huge.substring(0, 900), T0);
            conversations.create(c, Optional.of(Fixtures.transcript(words + " zebra")));
            Conversation other = Fixtures.conversation("Other", T0.plusSeconds(1));
            conversations.create(other, Optional.of(Fixtures.transcript("marmalade " + "y".repeat(254))));

            assertThat(ids("aardvark")).containsExactly(c.id());
            assertThat(ids(huge)).as("cut to the same prefix as the stored word").containsExactly(c.id());
            assertThat(ids("w" + Integer.toString(20_000, 36) + "qzqzq")).containsExactly(c.id());
            assertThat(ids("zebra")).as("past the indexed vocabulary, on both databases").isEmpty();
            assertThat(ids("marmalade")).containsExactly(other.id());
            conversations.update(c.toBuilder().title("Renamed " + huge.substring(0, 900)).build());
            assertThat(ids("renamed aardvark")).containsExactly(c.id());
        }

        private List<String> ids(String text) {
            return conversations.list(ConversationQuery.all(WS).withText(text)).items().stream().map(Conversation::id).toList();
        }
    }
}
