package io.github.faceid4j.ratelimit.cluster;

import io.github.faceid4j.client.RateLimiter;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one {@link ClusterRateLimiter} does while its grid does not answer: from a failed operation, for
 * {@link RateSettings#gridRetryInterval()} and until the grid answers again, calls go to the
 * {@link GridFailurePolicy} (a local fallback limiter, or no permit at all) without asking the grid. Logs the first
 * failure of an outage as a WARNING with its reason and the recovery at INFO; keeps the last reason.
 *
 * <p>Thread-safe.
 */
final class GridOutage {

    private static final System.Logger LOG = System.getLogger(ClusterRateLimiter.class.getName());

    private final String key;
    private final String grid;
    private final RateSettings settings;
    private final RateLimiter fallback;
    private final long retryNanos;
    /** Permits of the fallback limiter not yet released. */
    private final AtomicInteger fallbackPermits = new AtomicInteger();

    /** When the grid may be asked again after a failure (System.nanoTime); only read while {@link #down}. */
    private volatile long blockedUntil;
    private volatile boolean down;
    private volatile String lastProblem;

    GridOutage(String key, String grid, RateSettings settings) {
        this.key = key;
        this.grid = grid;
        this.settings = settings;
        this.fallback = settings.onGridFailure().newFallbackLimiter();
        this.retryNanos = settings.gridRetryInterval().toNanos();
    }

    /** {@return whether calls skip the grid now: it failed less than the retry interval ago} */
    boolean skipsGrid() {
        return down && System.nanoTime() - blockedUntil < 0;
    }

    /**
     * A grid operation failed: the outage begins (logged once) or goes on for another retry interval.
     *
     * @return the answer for the call meanwhile, see {@link #whileDown()}
     */
    long failed(String problem, Throwable cause) {
        String message = "the data grid (" + grid + ") " + problem;
        lastProblem = message;
        blockedUntil = System.nanoTime() + retryNanos;
        if (!down) {
            down = true;
            LOG.log(Level.WARNING, "FaceID cluster rate limit for bucket " + key + ": " + message + "; for the next "
                    + settings.gridRetryInterval() + " (gridRetryInterval) and until it answers again "
                    + (fallback == null ? "calls fail at once with RateLimitTimeoutException, sending nothing"
                            + " (GridFailurePolicy.failClosed)" : "this node paces itself with " + fallback), cause);
        }
        return whileDown();
    }

    /** The grid answered an operation: an outage, if any, is over. */
    void answered() {
        if (down) {
            down = false;
            LOG.log(Level.INFO, "FaceID cluster rate limit for bucket {0}: the data grid ({1}) answers again",
                    key, grid);
        }
    }

    /** {@return the fallback limiter's answer, or {@link ClusterRateLimiter#NO_PERMIT_NANOS} when failing closed} */
    long whileDown() {
        if (fallback == null) {
            return ClusterRateLimiter.NO_PERMIT_NANOS;
        }
        long wait = fallback.tryAcquire();
        if (wait <= 0) {
            fallbackPermits.incrementAndGet();
        }
        return wait;
    }

    /** Passes a release on to the fallback limiter when one of its permits is out; grid tokens need none. */
    void release() {
        if (fallback != null && fallbackPermits.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) {
            fallback.release();
        }
    }

    /** {@return false from a failed grid operation until the next one that the grid answers} */
    boolean gridAvailable() {
        return !down;
    }

    /** {@return why the grid was last found unusable, or null} */
    String lastProblem() {
        return lastProblem;
    }
}
