package io.github.faceid4j.emulator;

import java.util.ArrayDeque;
import java.util.List;

/**
 * At most {@code limit} acquisitions in any one-second window, measured on the monotonic clock.
 *
 * <p>A sliding log rather than a token bucket: the real limit is stated as "N per second", and a log guarantees
 * the property load tests check ({@link #maxInAnyWindow}) exactly. Monotonic time rather than the emulator's
 * {@link java.time.Clock}, because that clock is often fixed in tests to pin signature timestamps, and a frozen
 * clock would turn "per second" into "forever".
 */
final class SlidingWindowLimiter {

    static final long WINDOW_NANOS = 1_000_000_000L;

    private final int limit;
    private final ArrayDeque<Long> window = new ArrayDeque<>();

    SlidingWindowLimiter(int limit) {
        this.limit = limit;
    }

    /** Records an acquisition at {@code nowNanos} if the window has room. */
    synchronized boolean tryAcquire(long nowNanos) {
        while (!window.isEmpty() && nowNanos - window.peekFirst() >= WINDOW_NANOS) {
            window.pollFirst();
        }
        if (window.size() >= limit) {
            return false;
        }
        window.addLast(nowNanos);
        return true;
    }

    /**
     * Like {@link #tryAcquire(long)} at the current monotonic time, read under the lock so that the window stays
     * in ascending order however threads interleave.
     *
     * @return the acquisition time in nanos, or null when the window is full
     */
    synchronized Long tryAcquireNow() {
        long now = System.nanoTime();
        return tryAcquire(now) ? now : null;
    }

    synchronized void reset() {
        window.clear();
    }

    /** The largest number of instants (ascending) lying within less than one second of each other. */
    static int maxInAnyWindow(List<Long> ascendingNanos) {
        int best = 0;
        int start = 0;
        for (int end = 0; end < ascendingNanos.size(); end++) {
            while (ascendingNanos.get(end) - ascendingNanos.get(start) >= WINDOW_NANOS) {
                start++;
            }
            best = Math.max(best, end - start + 1);
        }
        return best;
    }
}
