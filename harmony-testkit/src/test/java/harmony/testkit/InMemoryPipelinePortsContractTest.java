package harmony.testkit;

import harmony.core.port.out.ConversationEvents;
import harmony.core.port.out.JobQueue;
import org.junit.jupiter.api.Nested;

import java.time.Clock;

/** The in-memory job queue and event log keep the same contracts as the database ones. */
class InMemoryPipelinePortsContractTest {

    @Nested
    class Jobs extends JobQueueContract {
        @Override
        protected JobQueue newQueue(Clock clock) {
            return new InMemoryJobQueue(clock);
        }
    }

    @Nested
    class Events extends ConversationEventsContract {
        @Override
        protected ConversationEvents newEvents(Clock clock) {
            return new InMemoryConversationEvents(clock);
        }
    }
}
