package harmony.core.pipeline;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofSeconds(2), Duration.ofMinutes(1), 0.5);

    @Test
    void doublesFromTheInitialDelayUpToTheCapLessUpToHalfAsJitter() {
        SplittableRandom random = new SplittableRandom(1);
        long[] full = {2, 4, 8, 16, 32, 60, 60};
        for (int attempt = 1; attempt <= full.length; attempt++) {
            for (int i = 0; i < 200; i++) {
                Duration d = policy.delayAfter(attempt, random);
                assertThat(d).isBetween(Duration.ofMillis(full[attempt - 1] * 500), Duration.ofSeconds(full[attempt - 1]));
            }
        }
        assertThat(policy.delayAfter(1_000, random)).isLessThanOrEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void spreadsRetriesThatFailedTogether() {
        SplittableRandom random = new SplittableRandom(2);
        long distinct = java.util.stream.IntStream.range(0, 50).mapToObj(i -> policy.delayAfter(3, random)).distinct().count();
        assertThat(distinct).isGreaterThan(40);
        RetryPolicy noJitter = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(10), 0);
        assertThat(noJitter.delayAfter(3, random)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void theDefaultKeepsTryingThroughAnOutageOfTwoMinutes() {
        SplittableRandom random = new SplittableRandom(3);
        for (int run = 0; run < 200; run++) {
            Duration waited = Duration.ZERO;
            for (int attempt = 1; RetryPolicy.DEFAULT.allowsAnotherAfter(attempt); attempt++) {
                waited = waited.plus(RetryPolicy.DEFAULT.delayAfter(attempt, random));
            }
            assertThat(waited).isBetween(Duration.ofMinutes(2), Duration.ofMinutes(5));
        }
    }

    @Test
    void countsAttemptsIncludingTheFirst() {
        assertThat(policy.allowsAnotherAfter(4)).isTrue();
        assertThat(policy.allowsAnotherAfter(5)).isFalse();
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(5), Duration.ofSeconds(1), 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(5), 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
