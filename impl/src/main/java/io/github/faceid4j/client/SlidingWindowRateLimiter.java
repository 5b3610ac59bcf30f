package io.github.faceid4j.client;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * At most {@code permits} requests in any window of {@code window}, measured at the moment each is sent.
 *
 * <p>Why a sliding log rather than a token bucket: the service counts requests per second as they arrive. A token
 * bucket that allows 20 per second lets a burst of 20 plus a second's refill land in one second; a sliding window
 * guarantees the bound for every window. The window is a little longer than a second by default so that uneven
 * network delay cannot squeeze more than the limit into one second at the service.
 *
 * <p>Thread-safe; reservations are granted in order, each at the earliest time the bound allows.
 */
public final class SlidingWindowRateLimiter implements RateLimiter {

    /** The action's documented limit. */
    public static final int DEFAULT_PERMITS = 20;
    /** One second plus a margin for arrival jitter at the service. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMillis(1100);

    private final long windowNanos;
    private final LongSupplier nanoTime;
    /** Ring of the last {@code permits} send times; the oldest is at {@code next}. */
    private final long[] sendTimes;
    private int next;
    private boolean full;

    private SlidingWindowRateLimiter(int permits, Duration window, LongSupplier nanoTime) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, was " + permits);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
        this.windowNanos = window.toNanos();
        this.nanoTime = nanoTime;
        this.sendTimes = new long[permits];
    }

    /** {@code permits} requests per {@code window}. */
    public static SlidingWindowRateLimiter of(int permits, Duration window) {
        return new SlidingWindowRateLimiter(permits, window, System::nanoTime);
    }

    static SlidingWindowRateLimiter of(int permits, Duration window, LongSupplier nanoTime) {
        return new SlidingWindowRateLimiter(permits, window, nanoTime);
    }

    @Override
    public synchronized long reserve(long maxWaitNanos) {
        long now = nanoTime.getAsLong();
        long sendAt = now;
        if (full) {
            // the permit frees when the oldest of the last 'permits' sends leaves the window
            sendAt = Math.max(now, sendTimes[next] + windowNanos);
        }
        long wait = sendAt - now;
        if (wait > maxWaitNanos) {
            return -1;
        }
        sendTimes[next] = sendAt;
        next = (next + 1) % sendTimes.length;
        full |= next == 0;
        return wait;
    }

    @Override
    public String toString() {
        return "SlidingWindowRateLimiter[" + sendTimes.length + " per " + Duration.ofNanos(windowNanos) + "]";
    }
}
