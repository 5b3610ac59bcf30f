package io.github.faceid4j.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class SlidingWindowRateLimiterTest {

    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final SlidingWindowRateLimiter limiter = SlidingWindowRateLimiter.of(3, Duration.ofSeconds(1), now::get);

    @Test
    void grantsPermitsImmediatelyUntilTheWindowIsFull() {
        assertThat(limiter.reserve(0)).isZero();
        assertThat(limiter.reserve(0)).isZero();
        assertThat(limiter.reserve(0)).isZero();
        assertThat(limiter.reserve(0)).as("fourth within the window, no wait allowed").isNegative();
    }

    @Test
    void reservesTheEarliestSlotThatKeepsEveryWindowWithinTheLimit() {
        long second = Duration.ofSeconds(1).toNanos();
        limiter.reserve(0);
        now.addAndGet(100_000_000L);
        limiter.reserve(0);
        limiter.reserve(0);
        assertThat(limiter.reserve(second)).isEqualTo(second - 100_000_000L);
        assertThat(limiter.reserve(second)).isEqualTo(second);
        assertThat(limiter.reserve(second)).isEqualTo(second);
        assertThat(limiter.reserve(second)).as("would wait longer than allowed").isNegative();
    }

    @Test
    void refusedReservationsTakeNothing() {
        limiter.reserve(0);
        limiter.reserve(0);
        limiter.reserve(0);
        assertThat(limiter.reserve(10)).isNegative();
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(limiter.reserve(0)).isZero();
    }

    @Test
    void anyWindowHoldsAtMostThePermitsWhenCallersFollowTheirReservations() {
        SlidingWindowRateLimiter twenty = SlidingWindowRateLimiter.of(20, Duration.ofSeconds(1), now::get);
        long[] sendTimes = new long[200];
        for (int i = 0; i < sendTimes.length; i++) {
            now.addAndGet(7_000_000L); // callers arrive every 7 ms: faster than allowed
            sendTimes[i] = now.get() + twenty.reserve(Long.MAX_VALUE);
        }
        for (int i = 0; i + 20 < sendTimes.length; i++) {
            assertThat(sendTimes[i + 20] - sendTimes[i]).isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos());
        }
    }
}
