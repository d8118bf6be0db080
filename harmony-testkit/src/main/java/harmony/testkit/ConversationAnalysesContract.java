package harmony.testkit;

import harmony.core.intelligence.ConversationAnalysis;
import harmony.core.intelligence.ConversationAnalyzer;
import harmony.core.intelligence.ConversationContext;
import harmony.core.port.out.ConversationAnalyses;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ConversationAnalyses} must do. */
public abstract class ConversationAnalysesContract {

    protected abstract ConversationAnalyses newAnalyses();

    /** The id of a conversation the store knows (databases refer to it). */
    protected abstract String storedConversationId();

    @Test
    void savingReplacesAndReadsBackTheSameAnalysis() {
        ConversationAnalyses analyses = newAnalyses();
        String id = storedConversationId();
        assertThat(analyses.find(id)).isEmpty();
        ConversationContext ctx = ConversationContext.of(Fixtures.conversation("Call", Fixtures.T0),
                Fixtures.transcript("I will send the proposal by Friday.", "Great, can you also share the pricing?"));
        ConversationAnalysis first = ConversationAnalyzer.defaults().extract(ctx);
        analyses.save(id, first);
        analyses.save(id, first);
        assertThat(analyses.find(id)).contains(first);

        ConversationAnalysis second = first.withGoals(List.of());
        analyses.save(id, second.withScores(List.of()));
        assertThat(analyses.find(id)).contains(second.withScores(List.of()));
    }
}
