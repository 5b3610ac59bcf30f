package io.github.faceid4j.ratelimit.cluster;

import io.github.faceid4j.client.RateLimiter;
import io.github.faceid4j.client.SlidingWindowRateLimiter;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a node does while the grid holding the shared bucket does not answer (a timeout, a closed cache, a member
 * that is shutting down, a grid error), from the failure until {@link RateSettings#gridRetryInterval()} has passed and
 * the grid answers again. The reason is logged as a warning once per outage
 * ({@link ClusterRateLimiter#lastGridProblem()} has it too).
 *
 * <ul>
 *   <li>{@link #failClosed()} (the default): no permit. A call fails at once with
 *       {@link io.github.faceid4j.RateLimitTimeoutException} (transient) and nothing is sent. The account's budget is
 *       never exceeded, at the price of availability while the grid is down.</li>
 *   <li>{@link #fallbackToLocalShare(int)}: the node paces itself with a local {@link SlidingWindowRateLimiter} at its
 *       share of the budget, {@code 20 / expectedNodes} per second. Calls go on; the budget holds as long as no more
 *       than {@code expectedNodes} nodes run. While only some nodes reach the grid, the total can exceed the budget
 *       by the falling-back nodes' shares; the service then answers {@code RequestLimitExceeded}, which the client
 *       treats as transient and retries.</li>
 *   <li>{@link #fallbackTo(RateLimiter)}: any limiter of one's own.</li>
 * </ul>
 */
public final class GridFailurePolicy {

    private static final GridFailurePolicy FAIL_CLOSED = new GridFailurePolicy("failClosed", null);

    private final String description;
    /** Makes the fallback limiter; null for fail closed. Called once per cluster limiter. */
    private final Supplier<RateLimiter> fallback;

    private GridFailurePolicy(String description, Supplier<RateLimiter> fallback) {
        this.description = description;
        this.fallback = fallback;
    }

    /**
     * No permit while the grid does not answer: calls fail at once, nothing is sent. The default.
     *
     * @return the policy
     */
    public static GridFailurePolicy failClosed() {
        return FAIL_CLOSED;
    }

    /**
     * Pace locally at this node's share of the action's 20 requests per second: at most {@code 20 / expectedNodes}
     * (at least 1) requests in any one-second window as the service counts them, each node with its own
     * {@link SlidingWindowRateLimiter}.
     *
     * @param expectedNodes how many nodes share the account; at least 1
     * @return the policy
     */
    public static GridFailurePolicy fallbackToLocalShare(int expectedNodes) {
        if (expectedNodes < 1) {
            throw new IllegalArgumentException("expectedNodes must be at least 1, was " + expectedNodes);
        }
        int share = Math.max(1, SlidingWindowRateLimiter.DEFAULT_PERMITS / expectedNodes);
        return new GridFailurePolicy("fallbackToLocalShare(" + expectedNodes + " nodes: " + share + " per "
                + SlidingWindowRateLimiter.DEFAULT_WINDOW + ")",
                () -> SlidingWindowRateLimiter.of(share, SlidingWindowRateLimiter.DEFAULT_WINDOW));
    }

    /**
     * Use {@code limiter} while the grid does not answer. It is shared by every cluster limiter given this policy.
     *
     * @param limiter the limiter to use meanwhile
     * @return the policy
     */
    public static GridFailurePolicy fallbackTo(RateLimiter limiter) {
        Objects.requireNonNull(limiter, "limiter");
        return new GridFailurePolicy("fallbackTo(" + limiter + ")", () -> limiter);
    }

    /** {@return whether calls go on with a local limiter rather than failing} */
    public boolean fallsBack() {
        return fallback != null;
    }

    /** A fresh fallback limiter for one cluster limiter, or null when failing closed. */
    RateLimiter newFallbackLimiter() {
        return fallback == null ? null : fallback.get();
    }

    @Override
    public String toString() {
        return description;
    }
}
