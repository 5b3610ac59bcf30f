package io.github.faceid4j.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

    @Test
    void backoffIsFullJitterUnderAnExponentialCeiling() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000));
        long[] ceilings = {100, 200, 400, 800, 1000, 1000};
        for (int retry = 1; retry <= ceilings.length; retry++) {
            long max = 0;
            long min = Long.MAX_VALUE;
            for (int i = 0; i < 2000; i++) {
                long d = policy.delayNanos(retry);
                max = Math.max(max, d);
                min = Math.min(min, d);
            }
            long ceiling = Duration.ofMillis(ceilings[retry - 1]).toNanos();
            assertThat(max).as("retry %d", retry).isLessThanOrEqualTo(ceiling).isGreaterThan(ceiling / 2);
            assertThat(min).as("retry %d", retry).isLessThan(ceiling / 10);
        }
    }

    @Test
    void theJitterCoversZeroToTheCeilingInclusive() {
        RetryPolicy tiny = new RetryPolicy(3, Duration.ofNanos(2), Duration.ofNanos(2));
        java.util.Set<Long> seen = new java.util.TreeSet<>();
        for (int i = 0; i < 500; i++) {
            seen.add(tiny.delayNanos(1));
        }
        assertThat(seen).containsExactly(0L, 1L, 2L);
        assertThat(new RetryPolicy(3, Duration.ZERO, Duration.ZERO).delayNanos(2)).isZero();
    }

    @Test
    void noneMeansOneAttempt() {
        assertThat(RetryPolicy.NONE.maxAttempts()).isEqualTo(1);
        assertThat(RetryPolicy.DEFAULT.withMaxAttempts(5).maxAttempts()).isEqualTo(5);
        assertThatThrownBy(() -> RetryPolicy.DEFAULT.withMaxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
