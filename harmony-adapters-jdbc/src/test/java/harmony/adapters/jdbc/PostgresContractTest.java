package harmony.adapters.jdbc;

import harmony.core.port.out.ConversationEvents;
import harmony.core.port.out.ConversationRepository;
import harmony.core.port.out.Directory;
import harmony.core.port.out.JobQueue;
import harmony.testkit.ConversationEventsContract;
import harmony.testkit.ConversationRepositoryContract;
import harmony.testkit.DirectoryContract;
import harmony.testkit.JobQueueContract;
import harmony.testkit.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

import java.time.Clock;

/** The shared port contracts on Postgres: one database for the class, emptied before each test. */
class PostgresContractTest {
    private static JdbcHarmonyStore store;

    @BeforeAll
    static void open() {
        store = TestStores.postgres("contracts");
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Nested
    class Conversations extends ConversationRepositoryContract {
        @Override
        protected ConversationRepository newRepository() {
            TestStores.empty(store);
            Fixtures.seed(store.directory());
            return store.conversations();
        }
    }

    @Nested
    class People extends DirectoryContract {
        @Override
        protected Directory newDirectory() {
            TestStores.empty(store);
            return store.directory();
        }
    }

    @Nested
    class Jobs extends JobQueueContract {
        @Override
        protected JobQueue newQueue(Clock clock) {
            TestStores.empty(store);
            return new JdbcJobQueue(store.database(), clock);
        }
    }

    @Nested
    class Events extends ConversationEventsContract {
        private JdbcConversationEvents log;

        @Override
        protected ConversationEvents newEvents(Clock clock) {
            TestStores.empty(store);
            log = new JdbcConversationEvents(store.database(), clock);
            return log;
        }

        @AfterEach
        void stopPolling() {
            log.close();
        }
    }
}
