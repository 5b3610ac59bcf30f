package io.github.faceid4j.ratelimit.cluster;

import io.github.faceid4j.FaceIdConfigurationException;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/**
 * How the shared bucket of one account is shaped, and what a node does when the grid does not answer.
 *
 * <p>The defaults ({@link #defaults()}) keep the service's "20 requests in any one second" as long as the time from
 * taking a token to the request's arrival at the service varies by less than about 175 ms between requests: a
 * bucket of {@value #DEFAULT_BURST} token refilled greedily at {@value #DEFAULT_PERMITS} per second lets at most
 * {@code burst + rate x (1 s + jitter)} requests arrive in one second, and {@code 1 + 17 x 1.175 < 21}. The cost is
 * 15% of the budget: the whole cluster sends at most 17 requests per second. docs/cluster.md walks through the math.
 *
 * <pre>{@code
 * RateSettings settings = RateSettings.builder()
 *         .rate(17, Duration.ofSeconds(1))
 *         .burst(1)
 *         .gridTimeout(Duration.ofMillis(500))
 *         .onGridFailure(GridFailurePolicy.fallbackToLocalShare(4))
 *         .build();
 * }</pre>
 *
 * <p>Every node of a cluster must use the same rate and burst: the bucket keeps the configuration of the node that
 * created it.
 */
public final class RateSettings {

    /** Refill amount per {@link #DEFAULT_PERIOD}: 85% of the action's documented 20 per second. */
    public static final int DEFAULT_PERMITS = 17;
    /** The default period of {@link Builder#rate(int, Duration)}: one second. */
    public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(1);
    /** Tokens the bucket holds at most: one, so an idle cluster cannot release a burst. */
    public static final int DEFAULT_BURST = 1;
    /** Longest wait for the grid's answer to one operation. */
    public static final Duration DEFAULT_GRID_TIMEOUT = Duration.ofSeconds(1);
    /** After a grid failure, how long calls skip the grid and go straight to the failure policy. */
    public static final Duration DEFAULT_GRID_RETRY_INTERVAL = Duration.ofSeconds(2);
    /** The API action that the budget belongs to; part of the bucket key. */
    public static final String DEFAULT_ACTION = "GetWebVerificationResultIntl";
    /** Name of the cache created or looked up by the {@code CacheManager} factory. */
    public static final String DEFAULT_CACHE_NAME = "faceid-rate-limit";
    /** How far ahead a node reserves tokens for its waiting calls. */
    public static final Duration DEFAULT_RESERVATION_HORIZON = Duration.ofSeconds(2);
    /** Threads that talk to the grid per limiter; they end when idle. */
    public static final int DEFAULT_GRID_THREADS = 4;

    private static final RateSettings DEFAULTS = builder().build();

    private final int permits;
    private final Duration period;
    private final int burst;
    private final Duration gridTimeout;
    private final Duration gridRetryInterval;
    private final GridFailurePolicy onGridFailure;
    private final String action;
    private final String cacheName;
    private final int gridThreads;
    private final ThreadFactory gridThreadFactory;
    private final Duration reservationHorizon;

    /** Unchecked: {@link Builder#build()} hands it out only when {@link RateSettingsRules} finds no problem. */
    private RateSettings(Builder b) {
        this.permits = b.permits;
        this.period = b.period;
        this.burst = b.burst;
        this.gridTimeout = b.gridTimeout;
        this.gridRetryInterval = b.gridRetryInterval;
        this.onGridFailure = b.onGridFailure;
        this.action = b.action;
        this.cacheName = b.cacheName;
        this.gridThreads = b.gridThreads;
        this.gridThreadFactory = b.gridThreadFactory;
        this.reservationHorizon = b.reservationHorizon;
    }

    /**
     * 17 per second, burst 1, grid timeout 1 s, retry the grid 2 s after a failure, fail closed.
     *
     * @return the default settings
     */
    public static RateSettings defaults() {
        return DEFAULTS;
    }

    /**
     * @return a builder starting from the defaults
     */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding these settings, to change a few} */
    public Builder toBuilder() {
        return new Builder().rate(permits, period).burst(burst).gridTimeout(gridTimeout)
                .gridRetryInterval(gridRetryInterval).onGridFailure(onGridFailure).action(action)
                .cacheName(cacheName).gridThreads(gridThreads).gridThreadFactory(gridThreadFactory)
                .reservationHorizon(reservationHorizon);
    }

    /**
     * Tokens added per {@link #period()}, greedily (spread evenly over the period).
     *
     * @return the tokens added per period
     */
    public int permits() {
        return permits;
    }

    /**
     * @return the period {@link #permits()} applies to
     */
    public Duration period() {
        return period;
    }

    /** {@return the bucket's capacity: requests that can go at once after the cluster was idle} */
    public int burst() {
        return burst;
    }

    /**
     * @return the longest wait for the grid's answer to one operation
     */
    public Duration gridTimeout() {
        return gridTimeout;
    }

    /**
     * @return how long the failure policy applies after a failure before the grid is asked again
     */
    public Duration gridRetryInterval() {
        return gridRetryInterval;
    }

    /**
     * @return what to do while the grid does not answer
     */
    public GridFailurePolicy onGridFailure() {
        return onGridFailure;
    }

    /**
     * @return the action the budget is for
     */
    public String action() {
        return action;
    }

    /**
     * @return the cache the {@code CacheManager} factory uses
     */
    public String cacheName() {
        return cacheName;
    }

    /**
     * @return the threads per limiter that carry grid calls
     */
    public int gridThreads() {
        return gridThreads;
    }

    /** {@return how far ahead a node reserves tokens for its waiting calls} */
    public Duration reservationHorizon() {
        return reservationHorizon;
    }

    /**
     * Makes the grid threads; null for the limiter's own daemon threads.
     *
     * @return the factory, or null
     */
    public ThreadFactory gridThreadFactory() {
        return gridThreadFactory;
    }

    /**
     * The most requests that can arrive at the service within one second when the delay from taking a token to the
     * request's arrival varies by at most {@code jitter}: {@code burst + rate x (1 s + jitter)}.
     *
     * @param jitter the largest spread of the delay
     * @return the most requests per second at the service
     */
    public double worstCaseRequestsPerSecond(Duration jitter) {
        double ratePerNano = (double) permits / period.toNanos();
        return burst + ratePerNano * (Duration.ofSeconds(1).toNanos() + jitter.toNanos());
    }

    @Override
    public String toString() {
        return "RateSettings[" + permits + " per " + period + ", burst " + burst + ", gridTimeout " + gridTimeout
                + ", gridRetryInterval " + gridRetryInterval + ", onGridFailure " + onGridFailure + ", action "
                + action + ", cacheName " + cacheName + ", gridThreads " + gridThreads + ", reservationHorizon "
                + reservationHorizon + "]";
    }

    /** Not thread-safe; {@link #build()} checks every setting and names the first one at fault. */
    public static final class Builder {

        private int permits = DEFAULT_PERMITS;
        private Duration period = DEFAULT_PERIOD;
        private int burst = DEFAULT_BURST;
        private Duration gridTimeout = DEFAULT_GRID_TIMEOUT;
        private Duration gridRetryInterval = DEFAULT_GRID_RETRY_INTERVAL;
        private GridFailurePolicy onGridFailure = GridFailurePolicy.failClosed();
        private String action = DEFAULT_ACTION;
        private String cacheName = DEFAULT_CACHE_NAME;
        private int gridThreads = DEFAULT_GRID_THREADS;
        private ThreadFactory gridThreadFactory;
        private Duration reservationHorizon = DEFAULT_RESERVATION_HORIZON;

        private Builder() {
        }

        /**
         * {@code permits} tokens per {@code period}, added greedily; default 17 per second.
         *
         * @param permits tokens per period, 1 or more
         * @param period the period
         * @return this builder
         */
        public Builder rate(int permits, Duration period) {
            this.permits = permits;
            this.period = period;
            return this;
        }

        /**
         * The bucket's capacity; default 1.
         *
         * @param burst the capacity, 1 or more
         * @return this builder
         */
        public Builder burst(int burst) {
            this.burst = burst;
            return this;
        }

        /**
         * Longest wait for the grid's answer to one operation (both of its tries); default 1 s.
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder gridTimeout(Duration timeout) {
            this.gridTimeout = timeout;
            return this;
        }

        /**
         * After a failure, how long to apply the failure policy without asking the grid; default 2 s.
         *
         * @param interval the interval
         * @return this builder
         */
        public Builder gridRetryInterval(Duration interval) {
            this.gridRetryInterval = interval;
            return this;
        }

        /**
         * What to do while the grid does not answer; default {@link GridFailurePolicy#failClosed()}.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder onGridFailure(GridFailurePolicy policy) {
            this.onGridFailure = policy;
            return this;
        }

        /**
         * The action the budget is for (part of the bucket key); default {@code GetWebVerificationResultIntl}.
         *
         * @param action the action's name
         * @return this builder
         */
        public Builder action(String action) {
            this.action = action;
            return this;
        }

        /**
         * The cache the {@code CacheManager} factory uses; default {@code faceid-rate-limit}.
         *
         * @param cacheName the cache's name
         * @return this builder
         */
        public Builder cacheName(String cacheName) {
            this.cacheName = cacheName;
            return this;
        }

        /**
         * Threads per limiter that carry grid calls (so a hung grid is abandoned at the timeout); default 4.
         *
         * @param threads the number of threads, 1 or more
         * @return this builder
         */
        public Builder gridThreads(int threads) {
            this.gridThreads = threads;
            return this;
        }

        /**
         * Makes the threads that carry grid calls, e.g. a Jakarta EE {@code ManagedThreadFactory}; default: the
         * limiter's own daemon threads, which end when idle for 5 s and by {@link ClusterRateLimiter#close()}.
         *
         * @param factory the factory, or null
         * @return this builder
         */
        public Builder gridThreadFactory(ThreadFactory factory) {
            this.gridThreadFactory = factory;
            return this;
        }

        /**
         * How far ahead a node reserves the next token for a waiting call (its place in the cluster-wide queue);
         * default 2 s. Calls further back are told to try again after a quarter of it.
         *
         * @param horizon how far ahead
         * @return this builder
         */
        public Builder reservationHorizon(Duration horizon) {
            this.reservationHorizon = horizon;
            return this;
        }

        /** {@return every problem with the current settings, each naming its setting} */
        public List<FaceIdConfigurationException> problems() {
            return RateSettingsRules.problems(new RateSettings(this));
        }

        /**
         * @return the settings
         * @throws FaceIdConfigurationException for the first problem, the others attached as suppressed
         */
        public RateSettings build() {
            RateSettings settings = new RateSettings(this);
            FaceIdConfigurationException.throwIfAny(RateSettingsRules.problems(settings));
            return settings;
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RateSettings s && permits == s.permits && period.equals(s.period) && burst == s.burst
                && gridTimeout.equals(s.gridTimeout) && gridRetryInterval.equals(s.gridRetryInterval)
                && onGridFailure.equals(s.onGridFailure) && action.equals(s.action) && cacheName.equals(s.cacheName)
                && gridThreads == s.gridThreads && Objects.equals(gridThreadFactory, s.gridThreadFactory)
                && reservationHorizon.equals(s.reservationHorizon);
    }

    @Override
    public int hashCode() {
        return Objects.hash(permits, period, burst, gridTimeout, gridRetryInterval, onGridFailure, action, cacheName,
                gridThreads, gridThreadFactory, reservationHorizon);
    }
}
