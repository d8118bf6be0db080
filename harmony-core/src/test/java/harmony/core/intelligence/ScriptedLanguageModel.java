package harmony.core.intelligence;

import harmony.core.intelligence.LanguageModel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A test double of the LanguageModel port: answers with a function of the request and records every request. */
public final class ScriptedLanguageModel implements LanguageModel {
    private final Function<Request, String> answer;
    private final int maxInputWords;
    public final List<Request> requests = new ArrayList<>();

    public ScriptedLanguageModel(int maxInputWords, Function<Request, String> answer) {
        this.answer = answer;
        this.maxInputWords = maxInputWords;
    }

    @Override
    public String complete(Request request) {
        requests.add(request);
        return answer.apply(request);
    }

    @Override
    public int maxInputWords() {
        return maxInputWords;
    }
}
