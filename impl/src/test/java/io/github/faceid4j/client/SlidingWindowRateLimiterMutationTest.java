package io.github.faceid4j.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For the mutants PIT found surviving in the limiter (docs/testing.md): what it says of itself, and the count of
 * permits in flight that {@code CallPathModelTest} relies on (it asserts 0 there, which a count stuck at 0 passes).
 */
class SlidingWindowRateLimiterMutationTest {

    @Test
    void theLimiterSaysWhatItAllows() {
        assertThat(SlidingWindowRateLimiter.of(20, Duration.ofSeconds(1)))
                .hasToString("SlidingWindowRateLimiter[20 per PT1S]");
        assertThat(SlidingWindowRateLimiter.of(3, Duration.ofMillis(1500), () -> 0L))
                .hasToString("SlidingWindowRateLimiter[3 per PT1.5S]");
    }

    @Test
    void permitsInFlightAreCountedUntilTheirAnswerBegins() {
        AtomicLong now = new AtomicLong();
        SlidingWindowRateLimiter limiter = SlidingWindowRateLimiter.of(3, Duration.ofSeconds(1), now::get);
        assertThat(limiter.tryAcquire()).isZero();
        assertThat(limiter.tryAcquire()).isZero();
        assertThat(limiter.inFlight()).isEqualTo(2);
        limiter.release();
        assertThat(limiter.inFlight()).isEqualTo(1);
        limiter.release();
        assertThat(limiter.inFlight()).isZero();
    }
}
