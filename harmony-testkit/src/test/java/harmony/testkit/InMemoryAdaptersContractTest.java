package harmony.testkit;

import harmony.core.port.out.ConversationRepository;
import harmony.core.port.out.Directory;
import org.junit.jupiter.api.Nested;

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
}
