package harmony.adapters.jdbc;

import harmony.core.domain.Conversation;
import harmony.core.port.out.ConversationQuery;
import harmony.core.port.out.Page;
import harmony.testkit.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static harmony.testkit.Fixtures.T0;
import static harmony.testkit.Fixtures.WS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * H2's batched word index: conversations are found the same whether their words are indexed or
 * still pending, after renames, new transcripts and deletes, and across pages that mix both.
 * Batches of three, so that every test crosses several.
 */
class SearchPostingsTest {
    private static JdbcHarmonyStore store;
    private static JdbcConversationRepository conversations;

    @BeforeAll
    static void open() {
        store = TestStores.h2("postings");
        conversations = new JdbcConversationRepository(store.database(), 3);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @BeforeEach
    void empty() {
        TestStores.empty(store);
    }

    @Test
    void findsIndexedAndPendingConversationsAlikeAndIndexesInBatches() throws SQLException {
        List<Conversation> created = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Conversation c = Fixtures.conversation("Call " + i + (i % 2 == 0 ? " pricing" : ""), T0.plusSeconds(i));
            conversations.create(c, Optional.of(Fixtures.transcript("word" + i + " shared")));
            created.add(c);
        }
        assertThat(count("search_pending")).as("indexed in batches of three").isLessThan(3);
        assertThat(count("search_postings")).isPositive();

        assertThat(ids("word0")).containsExactly(created.get(0).id());
        assertThat(ids("word7")).containsExactly(created.get(7).id());
        assertThat(ids("pricing")).containsExactly(created.get(6).id(), created.get(4).id(), created.get(2).id(),
                created.get(0).id());
        assertThat(ids("shared pricing word4")).containsExactly(created.get(4).id());
        assertThat(ids("nowhere")).isEmpty();
        assertThat(ids("pricing nowhere")).isEmpty();
    }

    @Test
    void pagesThroughIndexedAndPendingMatchesNewestFirstEachOnce() {
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            Conversation c = Fixtures.conversation("Standup " + i, T0.plusSeconds(i % 5)); // ties on created_at
            conversations.create(c, Optional.of(Fixtures.transcript("daily")));
            newestFirst.add(c.id());
        }
        // A re-worded conversation is pending again while its old postings stay behind: still listed once.
        Conversation renamed = conversations.findById(newestFirst.get(0)).orElseThrow();
        conversations.update(renamed.toBuilder().title("Standup renamed").build());
        newestFirst.sort((a, b) -> {
            Conversation x = conversations.findById(a).orElseThrow();
            Conversation y = conversations.findById(b).orElseThrow();
            int byTime = y.createdAt().compareTo(x.createdAt());
            return byTime != 0 ? byTime : b.compareTo(a);
        });

        List<String> paged = new ArrayList<>();
        ConversationQuery q = new ConversationQuery(WS, null, null, null, null, null, null, "daily standup", 4, null);
        Page<Conversation> page = conversations.list(q);
        while (true) {
            page.items().forEach(c -> paged.add(c.id()));
            if (page.nextCursor() == null) {
                break;
            }
            page = conversations.list(q.withCursor(page.nextCursor()));
        }
        assertThat(paged).isEqualTo(newestFirst);
    }

    @Test
    void renamedRetranscribedAndDeletedConversationsAreFoundByTheirCurrentWordsOnly() {
        Conversation c = Fixtures.conversation("Pricing review", T0);
        conversations.create(c, Optional.of(Fixtures.transcript("The budget is approved.")));
        for (int i = 0; i < 5; i++) { // fill batches: c's words are indexed
            conversations.create(Fixtures.conversation("Other " + i, T0.plusSeconds(10 + i)), Optional.empty());
        }
        assertThat(ids("budget")).containsExactly(c.id());

        conversations.update(c.toBuilder().title("Renewal call").build());
        assertThat(ids("pricing")).isEmpty();
        assertThat(ids("renewal budget")).containsExactly(c.id());
        conversations.update(c.toBuilder().title("Renewal call").status(harmony.core.domain.ProcessingStatus.COMPLETED).build());
        for (int i = 0; i < 5; i++) {
            conversations.create(Fixtures.conversation("More " + i, T0.plusSeconds(20 + i)), Optional.empty());
        }
        assertThat(ids("renewal")).containsExactly(c.id());

        conversations.saveTranscript(c.id(), Fixtures.transcript("Security questionnaire."));
        assertThat(ids("budget")).isEmpty();
        assertThat(ids("questionnaire renewal")).containsExactly(c.id());

        conversations.delete(WS, c.id());
        assertThat(ids("questionnaire")).isEmpty();
        assertThat(ids("renewal")).isEmpty();
    }

    @Test
    void conversationsStoredBeforeTheIndexAreIndexedWhenTheStoreOpens() throws SQLException {
        for (int i = 0; i < 4; i++) {
            conversations.create(Fixtures.conversation("Legacy " + i, T0.plusSeconds(i)), Optional.empty());
        }
        // As V6 leaves an older database: no postings, every conversation pending.
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM search_postings");
            s.executeUpdate("DELETE FROM search_batches");
            s.executeUpdate("MERGE INTO search_pending KEY (conversation_id) SELECT id, workspace_id, 0 FROM conversations");
        }
        assertThat(count("search_pending")).isEqualTo(4);
        JdbcConversationRepository reopened = new JdbcConversationRepository(store.database(), 3);
        assertThat(count("search_pending")).isZero();
        assertThat(reopened.list(ConversationQuery.all(WS).withText("legacy")).items()).hasSize(4);
    }

    private List<String> ids(String text) {
        return conversations.list(ConversationQuery.all(WS).withText(text)).items().stream().map(Conversation::id).toList();
    }

    private static long count(String table) throws SQLException {
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
