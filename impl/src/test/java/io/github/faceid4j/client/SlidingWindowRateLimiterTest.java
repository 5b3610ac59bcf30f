package io.github.faceid4j.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlidingWindowRateLimiterTest {

    static final long MS = 1_000_000L;
    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final SlidingWindowRateLimiter limiter = SlidingWindowRateLimiter.of(3, Duration.ofSeconds(1), now::get);

    @Test
    void aRequestCountsFromSendingUntilOneWindowAfterItsAnswerBegan() {
        assertThat(limiter.tryAcquire()).isZero();
        assertThat(limiter.tryAcquire()).isZero();
        assertThat(limiter.tryAcquire()).isZero();
        assertThat(limiter.tryAcquire()).as("all in flight, no answer yet: poll soon").isEqualTo(10 * MS);
        now.addAndGet(200 * MS);
        limiter.release(); // first answer began at +200 ms
        now.addAndGet(100 * MS);
        limiter.release(); // second at +300 ms
        assertThat(limiter.tryAcquire()).as("the first frees one window after its answer").isEqualTo(900 * MS);
        assertThat(limiter.tryAcquire()).as("refusals take nothing").isEqualTo(900 * MS);
        now.addAndGet(900 * MS);
        assertThat(limiter.tryAcquire()).isZero();
        assertThat(limiter.tryAcquire()).as("the next frees when the second answer leaves the window").isEqualTo(100 * MS);
    }

    @Test
    void permitsInUseCountRequestsInFlightAndAnsweredWithinTheWindow() {
        assertThat(limiter.permitsInUse()).isZero();
        limiter.tryAcquire();
        limiter.tryAcquire();
        assertThat(limiter.permitsInUse()).isEqualTo(2);
        now.addAndGet(100 * MS);
        limiter.release();
        assertThat(limiter.permitsInUse()).as("answered, still in the window").isEqualTo(2);
        now.addAndGet(1000 * MS);
        assertThat(limiter.permitsInUse()).as("one window after its answer").isEqualTo(1);
        limiter.release();
        now.addAndGet(1000 * MS);
        assertThat(limiter.permitsInUse()).isZero();
    }

    @Test
    void releaseWithoutAPermitIsABug() {
        assertThatThrownBy(limiter::release).isInstanceOf(IllegalStateException.class);
    }

    /**
     * Requests reach the service after random delays (0 to 400 ms) and are answered right away; whatever the
     * delays, no window of one second at the service holds more than the permits.
     */
    @Test
    void theServiceNeverCountsMoreThanThePermitsWhateverTheDelays() {
        SlidingWindowRateLimiter twenty = SlidingWindowRateLimiter.of(20, Duration.ofSeconds(1), now::get);
        Random random = new Random(42);
        List<Long> arrivals = new ArrayList<>();
        ArrayDeque<Long> answers = new ArrayDeque<>(); // pending answer times, ascending enough for this model
        List<long[]> pending = new ArrayList<>();
        long end = now.get() + 20_000 * MS;
        while (now.get() < end) {
            now.addAndGet(2 * MS); // callers try every 2 ms: far faster than allowed
            for (var it = pending.iterator(); it.hasNext(); ) {
                long[] p = it.next();
                if (p[0] <= now.get()) {
                    twenty.release();
                    it.remove();
                }
            }
            if (twenty.tryAcquire() == 0) {
                long arrival = now.get() + (long) (random.nextDouble() * 400) * MS;
                arrivals.add(arrival);
                pending.add(new long[] {arrival + MS}); // answer begins 1 ms after arrival
            }
        }
        arrivals.sort(Long::compare);
        for (int i = 0; i + 20 < arrivals.size(); i++) {
            assertThat(arrivals.get(i + 20) - arrivals.get(i)).isGreaterThanOrEqualTo(Duration.ofSeconds(1).toNanos());
        }
        assertThat(arrivals.size()).as("still close to 20/s with delays averaging 200 ms").isGreaterThan(300);
        assertThat(answers).isEmpty();
    }

    @Test
    void unlimitedNeverWaits() {
        RateLimiter unlimited = RateLimiter.unlimited();
        for (int i = 0; i < 1000; i++) {
            assertThat(unlimited.tryAcquire()).isZero();
        }
    }
}
