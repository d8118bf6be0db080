package harmony.core.intelligence.metrics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/** A number conditions can test, with the name it has in definitions ({@code talk_ratio_internal}). */
public enum Metric {
    TALK_RATIO_INTERNAL(m -> m.talkRatioInternal()),
    TALK_RATIO_EXTERNAL(m -> m.talkRatioExternal()),
    LONGEST_MONOLOGUE_SECONDS(m -> m.longestMonologue() == null ? null : m.longestMonologue().durationMs() / 1000.0),
    LONGEST_CUSTOMER_STORY_SECONDS(m -> m.longestCustomerStory() == null ? null : m.longestCustomerStory().durationMs() / 1000.0),
    INTERACTIVITY(m -> m.interactivity()),
    PATIENCE_SECONDS(m -> m.patienceMs() == null ? null : m.patienceMs() / 1000.0),
    QUESTIONS_INTERNAL(m -> (double) m.questionsInternal()),
    QUESTIONS_EXTERNAL(m -> (double) m.questionsExternal()),
    QUESTIONS_TOTAL(m -> (double) m.questionsTotal()),
    WORDS_PER_MINUTE(m -> m.wordsPerMinute()),
    FILLER_WORDS_PER_100(m -> m.fillerWordsPer100()),
    DURATION_MINUTES(m -> m.durationMs() / 60_000.0),
    SPEAKERS(m -> (double) m.speakerCount());

    private final Function<Metrics, Double> read;

    Metric(Function<Metrics, Double> read) {
        this.read = read;
    }

    /** The value in {@code metrics}, empty when it cannot be known (e.g. no speaker matched to a contact). */
    public OptionalDouble valueIn(Metrics metrics) {
        Double v = read.apply(metrics);
        return v == null || v.isNaN() ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Metric> fromWireName(String name) {
        return Arrays.stream(values()).filter(m -> m.wireName().equalsIgnoreCase(name == null ? "" : name.strip())).findFirst();
    }

    @JsonCreator
    static Metric parse(String name) {
        return fromWireName(name).orElseThrow(() -> new IllegalArgumentException("unknown metric \"" + name
                + "\"; known: " + Arrays.stream(values()).map(Metric::wireName).toList()));
    }
}
