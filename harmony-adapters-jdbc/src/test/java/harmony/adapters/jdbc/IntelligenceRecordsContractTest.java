package harmony.adapters.jdbc;

import harmony.core.domain.Conversation;
import harmony.core.domain.Workspace;
import harmony.core.port.out.ConversationAnalyses;
import harmony.core.port.out.ProjectCatalog;
import harmony.testkit.ConversationAnalysesContract;
import harmony.testkit.Fixtures;
import harmony.testkit.ProjectCatalogContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

import java.util.Optional;

/** Stored analyses and projects on H2 and on PostgreSQL. */
class IntelligenceRecordsContractTest {
    private static JdbcHarmonyStore h2;
    private static JdbcHarmonyStore postgres;

    @BeforeAll
    static void open() {
        h2 = TestStores.h2("intelligence");
        postgres = TestStores.postgres("intelligence");
    }

    @AfterAll
    static void close() {
        h2.close();
        postgres.close();
    }

    private static JdbcHarmonyStore fresh(JdbcHarmonyStore store) {
        TestStores.empty(store);
        Fixtures.seed(store.directory());
        store.directory().save(new Workspace("ws1", "One"));
        store.directory().save(new Workspace("ws2", "Two"));
        return store;
    }

    private static String conversationIn(JdbcHarmonyStore store) {
        Conversation c = Fixtures.conversation("Call", Fixtures.T0);
        store.conversations().create(c, Optional.empty());
        return c.id();
    }

    @Nested
    class H2Analyses extends ConversationAnalysesContract {
        @Override
        protected ConversationAnalyses newAnalyses() {
            return fresh(h2).analyses();
        }

        @Override
        protected String storedConversationId() {
            return conversationIn(h2);
        }
    }

    @Nested
    class PostgresAnalyses extends ConversationAnalysesContract {
        @Override
        protected ConversationAnalyses newAnalyses() {
            return fresh(postgres).analyses();
        }

        @Override
        protected String storedConversationId() {
            return conversationIn(postgres);
        }
    }

    @Nested
    class H2Projects extends ProjectCatalogContract {
        private final ProjectCatalog catalog = fresh(h2).projects();

        @Override
        protected ProjectCatalog catalog() {
            return catalog;
        }
    }

    @Nested
    class PostgresProjects extends ProjectCatalogContract {
        private final ProjectCatalog catalog = fresh(postgres).projects();

        @Override
        protected ProjectCatalog catalog() {
            return catalog;
        }
    }
}
