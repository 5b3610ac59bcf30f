package io.github.faceid4j.client;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * At most {@code permits} requests in any {@code window} as the service counts them, whenever they reach it.
 *
 * <p>The service counts a request when it arrives, which is some time after it was sent: a cold connection, a busy
 * network or a busy server all stretch that time, and by different amounts for different requests. A limiter that
 * counted send times would then let requests that left a second apart arrive closer together. So a request is
 * counted from the moment it is sent until one window after its answer began (see {@link RateLimiter#release()}):
 * the service must have received it by then. However long the delays, the service never sees more than
 * {@code permits} requests in one window; the price is that slow answers slow the pace a little.
 *
 * <p>Why a sliding log rather than a token bucket: a token bucket that allows 20 per second lets a burst of 20 plus
 * a second's refill land in one second; this guarantees the bound for every window. Thread-safe.
 */
public final class SlidingWindowRateLimiter implements RateLimiter {

    /** The action's documented limit. */
    public static final int DEFAULT_PERMITS = 20;
    /** The action's documented window. */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(1);
    /** How soon to try again when every permit is in flight and none has an answer yet. */
    private static final long POLL_NANOS = Duration.ofMillis(10).toNanos();

    private final int permits;
    private final long windowNanos;
    private final LongSupplier nanoTime;
    /** Requests sent whose answer has not begun: they count until it has. */
    private int inFlight;
    /** When the answers of recent requests began, ascending: each counts until one window later. */
    private final ArrayDeque<Long> answered = new ArrayDeque<>();

    private SlidingWindowRateLimiter(int permits, Duration window, LongSupplier nanoTime) {
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be at least 1, was " + permits);
        }
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, was " + window);
        }
        this.permits = permits;
        this.windowNanos = window.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * {@return a limiter of {@code permits} requests per {@code window}}
     *
     * @param permits requests allowed in any window, 1 or more
     * @param window  the window
     */
    public static SlidingWindowRateLimiter of(int permits, Duration window) {
        return new SlidingWindowRateLimiter(permits, window, System::nanoTime);
    }

    static SlidingWindowRateLimiter of(int permits, Duration window, LongSupplier nanoTime) {
        return new SlidingWindowRateLimiter(permits, window, nanoTime);
    }

    @Override
    public synchronized long tryAcquire() {
        long now = nanoTime.getAsLong();
        while (!answered.isEmpty() && answered.peekFirst() + windowNanos <= now) {
            answered.pollFirst();
        }
        if (inFlight + answered.size() < permits) {
            inFlight++;
            return 0;
        }
        return answered.isEmpty() ? POLL_NANOS : answered.peekFirst() + windowNanos - now;
    }

    /**
     * Permits counted against the window now: requests in flight and those whose answer began less than one window
     * ago. {@code permits} means none is free. For monitoring (a health check's data); a snapshot, stale at once.
     *
     * @return the number of permits in use, from 0 to {@code permits}
     */
    public synchronized int permitsInUse() {
        long now = nanoTime.getAsLong();
        while (!answered.isEmpty() && answered.peekFirst() + windowNanos <= now) {
            answered.pollFirst();
        }
        return inFlight + answered.size();
    }

    @Override
    public synchronized void release() {
        if (inFlight == 0) {
            throw new IllegalStateException("release() without a permit taken");
        }
        inFlight--;
        answered.addLast(nanoTime.getAsLong());
    }

    /** Requests sent whose answer has not begun; for tests of the call path. */
    synchronized int inFlight() {
        return inFlight;
    }

    @Override
    public String toString() {
        return "SlidingWindowRateLimiter[" + permits + " per " + Duration.ofNanos(windowNanos) + "]";
    }
}
