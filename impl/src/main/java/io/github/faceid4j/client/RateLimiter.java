package io.github.faceid4j.client;

/**
 * Paces the requests of one or many services so that an account's budget is not exceeded.
 *
 * <p>Reservation-based so that waiting never has to block a thread: the limiter says how long to wait, and the
 * caller sleeps (synchronous calls) or schedules (asynchronous calls) the request for then. The local
 * {@link SlidingWindowRateLimiter} is the default; a cluster-wide limiter can replace it.
 */
@FunctionalInterface
public interface RateLimiter {

    /**
     * Reserves one permit if one can be had within {@code maxWaitNanos}.
     *
     * @return how many nanoseconds the caller must wait before sending (0 to send now), or a negative number when
     *         no permit can be had within {@code maxWaitNanos}; then nothing was reserved
     */
    long reserve(long maxWaitNanos);

    /** A limiter that never waits. */
    static RateLimiter unlimited() {
        return maxWaitNanos -> 0;
    }
}
