package harmony.core.intelligence.extraction;

import java.util.List;

/**
 * What the extraction stage learned.
 *
 * @param method how it was made: {@value #RULES} or {@value #LANGUAGE_MODEL}
 * @param note   why the rules were used when a language model was configured; null otherwise
 */
public record Extraction(Summary summary, List<ActionItem> actionItems, List<Question> questions,
                         List<Decision> decisions, String method, String note) {
    public static final String RULES = "rules";
    public static final String LANGUAGE_MODEL = "language-model";

    public Extraction {
        actionItems = List.copyOf(actionItems);
        questions = List.copyOf(questions);
        decisions = List.copyOf(decisions);
    }

    public Extraction withNote(String why) {
        return new Extraction(summary, actionItems, questions, decisions, method, why);
    }
}
