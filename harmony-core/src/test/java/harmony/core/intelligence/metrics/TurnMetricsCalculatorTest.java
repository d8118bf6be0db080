package harmony.core.intelligence.metrics;

import harmony.core.intelligence.Conversations;
import harmony.core.intelligence.Side;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TurnMetricsCalculatorTest {
    private final TurnMetricsCalculator calc = new TurnMetricsCalculator();

    /** Rep (internal) and customer (external) over one minute, times chosen for round numbers. */
    private static Conversations call() {
        return Conversations.at("2026-03-11T15:00:00Z").user("Rep").contact("Customer")
                .say("Rep", 0, 10_000, "Hi, thanks for joining. Um, how is the rollout going?")
                .say("Customer", 12_000, 30_000, "It's going well, you know, but the export is slow and the reports break.")
                .say("Rep", 30_500, 31_000, "Okay.")
                .say("Customer", 31_000, 40_000, "Basically we need it fixed before the audit.")
                .say("Rep", 41_000, 60_000, "Understood. I'll get engineering on it today. Does Friday work for a check-in?");
    }

    @Test
    void measuresTalkTimeMonologuesInteractivityAndPatience() {
        Metrics m = calc.measure(call().context());
        assertThat(m.durationMs()).isEqualTo(60_000);
        assertThat(m.timingEstimated()).isFalse();
        assertThat(m.talkRatioInternal()).isCloseTo(29.5 / 56.5, within(0.001));
        assertThat(m.talkRatioExternal()).isCloseTo(27.0 / 56.5, within(0.001));
        // the rep's "Okay." is a back-channel: the customer's story runs from 12 s to 40 s
        assertThat(m.longestCustomerStory().speaker()).isEqualTo("Customer");
        assertThat(m.longestCustomerStory().durationMs()).isEqualTo(28_000);
        assertThat(m.longestMonologue().durationMs()).isEqualTo(28_000);
        // switches: Rep→Customer, Customer→Rep (the back-channel does not count) = 2 in one minute
        assertThat(m.interactivity()).isEqualTo(2.0);
        // the rep replies to the customer after 0.5 s ("Okay.") and after 1 s; the customer's 12-s wait is not the rep's
        assertThat(m.patienceMs()).isEqualTo(750.0);
        assertThat(m.questionsInternal()).isEqualTo(2);
        assertThat(m.questionsExternal()).isZero();
        assertThat(m.fillerWords()).isEqualTo(3); // um, you know, basically
        SpeakerMetrics rep = m.speakers().get(0);
        assertThat(rep.side()).isEqualTo(Side.INTERNAL);
        assertThat(rep.turns()).isEqualTo(3);
        assertThat(rep.talkMs()).isEqualTo(29_500);
        assertThat(Metric.TALK_RATIO_INTERNAL.valueIn(m).getAsDouble()).isEqualTo(m.talkRatioInternal());
        assertThat(Metric.LONGEST_CUSTOMER_STORY_SECONDS.valueIn(m).getAsDouble()).isEqualTo(28.0);
    }

    @Test
    void withoutTimesDurationsAreEstimatedAndPatienceIsUnknown() {
        Conversations c = Conversations.at("2026-03-11T15:00:00Z").unknown("S1").unknown("S2")
                .say("S1", "We should talk about the roadmap for next quarter.")
                .say("S2", "Sure, what do you have in mind?");
        Metrics m = calc.measure(c.context());
        assertThat(m.timingEstimated()).isTrue();
        assertThat(m.patienceMs()).isNull();
        assertThat(m.talkRatioInternal()).isNull();
        assertThat(m.longestCustomerStory()).isNull();
        assertThat(Metric.TALK_RATIO_INTERNAL.valueIn(m)).isEmpty();
        assertThat(m.wordsPerMinute()).isEqualTo(150.0);
        assertThat(m.questionsTotal()).isEqualTo(1);
    }
}
