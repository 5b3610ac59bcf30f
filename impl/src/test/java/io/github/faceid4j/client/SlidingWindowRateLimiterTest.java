package io.github.faceid4j.client;

import org.junit.jupiter.api.Test;

import java.time.Duration;
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
        List<Long> arrivals = simulate(twenty, false);
        assertThat(maxInAnyWindow(arrivals)).isLessThanOrEqualTo(20);
        assertThat(arrivals.size()).as("still close to 20/s with delays averaging 200 ms").isGreaterThan(300);
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        for (int i = 0; i < 20; i++) {
            assertThat(twenty.tryAcquire()).as("every permit given back once its answer left the window").isZero();
        }
    }

    /**
     * Positive control for the measurement above: the same limiter told of each answer as soon as its request is sent
     * (it then counts send times, not arrivals) lets more than 20 requests arrive within one second.
     */
    @Test
    void countingSendTimesInsteadWouldLetTheServiceSeeMore() {
        SlidingWindowRateLimiter sendTimes = SlidingWindowRateLimiter.of(20, Duration.ofSeconds(1), now::get);
        assertThat(maxInAnyWindow(simulate(sendTimes, true))).isGreaterThan(20);
    }

    /** 20 s of callers trying every 2 ms; the arrival times at the service, ascending. */
    private List<Long> simulate(SlidingWindowRateLimiter limiter, boolean releaseAtSend) {
        Random random = new Random(42);
        List<Long> arrivals = new ArrayList<>();
        List<Long> answersPending = new ArrayList<>(); // when each sent request's answer begins
        long end = now.get() + 20_000 * MS;
        while (now.get() < end) {
            now.addAndGet(2 * MS); // callers try every 2 ms: far faster than allowed
            for (var it = answersPending.iterator(); it.hasNext(); ) {
                if (it.next() <= now.get()) {
                    limiter.release();
                    it.remove();
                }
            }
            if (limiter.tryAcquire() == 0) {
                long arrival = now.get() + (long) (random.nextDouble() * 400) * MS;
                arrivals.add(arrival);
                answersPending.add(releaseAtSend ? now.get() : arrival + MS); // answer begins 1 ms after arrival
            }
        }
        // let every answer begin
        now.addAndGet(500 * MS);
        answersPending.forEach(a -> limiter.release());
        arrivals.sort(Long::compare);
        return arrivals;
    }

    /** The most arrivals within any one-second window (a window is half-open: [t, t + 1 s)). */
    private static int maxInAnyWindow(List<Long> sortedArrivals) {
        int max = 0;
        int first = 0;
        for (int last = 0; last < sortedArrivals.size(); last++) {
            while (sortedArrivals.get(last) - sortedArrivals.get(first) >= Duration.ofSeconds(1).toNanos()) {
                first++;
            }
            max = Math.max(max, last - first + 1);
        }
        return max;
    }

    @Test
    void unlimitedNeverWaits() {
        RateLimiter unlimited = RateLimiter.unlimited();
        for (int i = 0; i < 1000; i++) {
            assertThat(unlimited.tryAcquire()).isZero();
        }
    }
}
