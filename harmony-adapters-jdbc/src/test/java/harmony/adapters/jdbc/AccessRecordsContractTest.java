package harmony.adapters.jdbc;

import harmony.core.port.out.ApiKeys;
import harmony.core.port.out.IdempotencyRecords;
import harmony.testkit.ApiKeysContract;
import harmony.testkit.Fixtures;
import harmony.testkit.IdempotencyRecordsContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

/** API keys, idempotency records and webhooks on H2 and on PostgreSQL. */
class AccessRecordsContractTest {
    private static JdbcHarmonyStore h2;
    private static JdbcHarmonyStore postgres;

    @BeforeAll
    static void open() {
        h2 = TestStores.h2("access");
        postgres = TestStores.postgres("access");
    }

    @AfterAll
    static void close() {
        h2.close();
        postgres.close();
    }

    private static JdbcHarmonyStore fresh(JdbcHarmonyStore store) {
        TestStores.empty(store);
        Fixtures.seed(store.directory());
        return store;
    }

    @Nested
    class H2Keys extends ApiKeysContract {
        @Override
        protected ApiKeys newApiKeys() {
            return fresh(h2).apiKeys();
        }
    }

    @Nested
    class H2Idempotency extends IdempotencyRecordsContract {
        @Override
        protected IdempotencyRecords newRecords() {
            return fresh(h2).idempotency();
        }
    }

    @Nested
    class PostgresKeys extends ApiKeysContract {
        @Override
        protected ApiKeys newApiKeys() {
            return fresh(postgres).apiKeys();
        }
    }

    @Nested
    class PostgresIdempotency extends IdempotencyRecordsContract {
        @Override
        protected IdempotencyRecords newRecords() {
            return fresh(postgres).idempotency();
        }
    }

    @Nested
    class H2Webhooks extends harmony.testkit.WebhookSubscriptionsContract {
        @Override
        protected harmony.core.port.out.WebhookSubscriptions newSubscriptions() {
            return fresh(h2).webhooks();
        }
    }

    @Nested
    class PostgresWebhooks extends harmony.testkit.WebhookSubscriptionsContract {
        @Override
        protected harmony.core.port.out.WebhookSubscriptions newSubscriptions() {
            return fresh(postgres).webhooks();
        }
    }
}
