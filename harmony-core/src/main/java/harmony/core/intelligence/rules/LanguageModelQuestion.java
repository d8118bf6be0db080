package harmony.core.intelligence.rules;

import static java.util.Objects.requireNonNull;

/**
 * A yes/no question a language model answers about the transcript, with quotes as evidence
 * ("Did the customer mention a budget?"). Needs a {@link harmony.core.intelligence.LanguageModel}.
 */
public record LanguageModelQuestion(String question) implements Detector {
    public LanguageModelQuestion {
        requireNonNull(question, "question");
        if (question.isBlank()) {
            throw new IllegalArgumentException("the question is blank");
        }
    }
}
