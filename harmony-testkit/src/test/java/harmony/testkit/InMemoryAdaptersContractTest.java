package harmony.testkit;

import harmony.core.port.out.ConversationRepository;
import harmony.core.port.out.Directory;
import harmony.core.port.out.RecordingStore;
import harmony.core.port.out.UploadSessions;
import org.junit.jupiter.api.Nested;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-memory adapters keep the same contracts as the real ones. */
class InMemoryAdaptersContractTest {

    @Nested
    class Conversations extends ConversationRepositoryContract {
        @Override
        protected ConversationRepository newRepository() {
            return new InMemoryConversationRepository();
        }
    }

    @Nested
    class People extends DirectoryContract {
        @Override
        protected Directory newDirectory() {
            return new InMemoryDirectory();
        }
    }

    @Nested
    class Recordings extends RecordingStoreContract {
        @Override
        protected RecordingStore newStore() {
            return new InMemoryRecordingStore();
        }
    }

    @Nested
    class Uploads extends UploadSessionsContract {
        private final InMemoryRecordingStore recordings = new InMemoryRecordingStore();
        private InMemoryUploadSessions uploads;

        @Override
        protected UploadSessions newSessions(Clock clock, Duration timeToLive, long partSize) {
            uploads = new InMemoryUploadSessions(recordings, partSize, timeToLive, clock);
            return uploads;
        }

        @Override
        protected RecordingStore store() {
            return recordings;
        }

        @Override
        protected void assertNothingLeftBehind() {
            assertThat(uploads.size()).isZero();
        }
    }

    @Nested
    class Keys extends ApiKeysContract {
        @Override
        protected harmony.core.port.out.ApiKeys newApiKeys() {
            return new InMemoryApiKeys();
        }
    }

    @Nested
    class Idempotency extends IdempotencyRecordsContract {
        @Override
        protected harmony.core.port.out.IdempotencyRecords newRecords() {
            return new InMemoryIdempotencyRecords();
        }
    }

    @Nested
    class Analyses extends ConversationAnalysesContract {
        @Override
        protected harmony.core.port.out.ConversationAnalyses newAnalyses() {
            return new InMemoryConversationAnalyses();
        }

        @Override
        protected String storedConversationId() {
            return "any-conversation";
        }
    }

    @Nested
    class Webhooks extends WebhookSubscriptionsContract {
        @Override
        protected harmony.core.port.out.WebhookSubscriptions newSubscriptions() {
            return new InMemoryWebhookSubscriptions();
        }
    }
}
