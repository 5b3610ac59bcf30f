package io.github.faceid4j.emulator;

import java.util.ArrayList;
import java.util.Collections;
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
    /** Accepted arrival times, ascending; arrivals may be recorded out of order, so insertion keeps the order. */
    private final ArrayList<Long> window = new ArrayList<>();

    SlidingWindowLimiter(int limit) {
        this.limit = limit;
    }

    /**
     * Records an acquisition for a request that arrived at {@code arrivalNanos} if every one-second window holding
     * it stays within the limit. The arrival, not the moment the request was checked, is what counts: a busy or cold
     * server checks requests late, and counting the check would crowd them into a shorter span than they arrived in.
     */
    synchronized boolean tryAcquire(long arrivalNanos) {
        if (!window.isEmpty()) {
            long newest = Math.max(window.get(window.size() - 1), arrivalNanos);
            while (!window.isEmpty() && newest - window.get(0) >= 3 * WINDOW_NANOS) {
                window.remove(0);
            }
        }
        int at = Collections.binarySearch(window, arrivalNanos);
        at = at < 0 ? -at - 1 : at;
        List<Long> near = new ArrayList<>();
        for (Long t : window) {
            if (Math.abs(t - arrivalNanos) < WINDOW_NANOS) {
                near.add(t);
            }
        }
        near.add(arrivalNanos);
        Collections.sort(near);
        if (maxInAnyWindow(near) > limit) {
            return false;
        }
        window.add(at, arrivalNanos);
        return true;
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
