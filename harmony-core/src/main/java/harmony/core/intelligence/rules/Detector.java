package harmony.core.intelligence.rules;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** How an Insight Definition finds its insight in a conversation. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = PhraseTracker.class, name = "phrases"),
        @JsonSubTypes.Type(value = MetricCondition.class, name = "metric"),
        @JsonSubTypes.Type(value = LanguageModelQuestion.class, name = "question")})
public interface Detector {
}
