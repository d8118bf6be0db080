package harmony.core.domain;

import harmony.core.application.ConversationIngestion;
import org.junit.jupiter.api.Assertions;

/**
 * Breaks the rules on purpose (a domain class reaching into the application layer and a test
 * library) so the architecture test can prove its rules bite. Lives in test sources only.
 */
public final class PlantedDomainViolation {
    public static String reachOut(ConversationIngestion ingestion) {
        Assertions.assertNotNull(ingestion);
        return ingestion.toString();
    }

    private PlantedDomainViolation() {
    }
}
