package io.github.faceid4j.client;

/**
 * Paces the requests of one or many services so that an account's budget is not exceeded.
 *
 * <p>A permit is taken at the moment a request is sent, never ahead of time, and given back ({@link #release()})
 * when its answer begins or the exchange fails. When no permit is free the limiter says how long until one may be,
 * and the caller schedules another try for then, so waiting never blocks a thread. The local
 * {@link SlidingWindowRateLimiter} is the default; a cluster-wide limiter can replace it.
 */
public interface RateLimiter {

    /**
     * Takes a permit for a request about to be sent, if one is free now.
     *
     * @return 0 when a permit was taken; otherwise nothing was taken and the result is how many nanoseconds until
     *         one may be free (a hint: try again then)
     */
    long tryAcquire();

    /**
     * Called exactly once for every permit taken, when the request's answer began to arrive or its exchange
     * failed: the latest moment the service can have counted the request. Limiters that pace by rate alone ignore
     * it.
     */
    default void release() {
    }

    /**
     * A limiter that never waits.
     *
     * @return a limiter without a limit
     */
    static RateLimiter unlimited() {
        return () -> 0;
    }
}
