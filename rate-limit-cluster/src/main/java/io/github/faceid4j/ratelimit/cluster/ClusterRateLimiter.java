package io.github.faceid4j.ratelimit.cluster;

import io.github.bucket4j.Bucket;
import io.github.faceid4j.client.RateLimiter;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link RateLimiter} whose budget lives in a data grid as a Bucket4j token bucket, shared by every node that uses
 * the same grid and the same bucket key (one account, one action). Made by {@link JCacheRateLimiters},
 * {@link InfinispanRateLimiters} or {@link ClusterRateLimiters#bucket4j}.
 *
 * <p>Fair across nodes without blocking anyone: when no token is free, {@link #tryAcquire()} reserves the next one
 * in the grid (Bucket4j's {@code ReserveAndCalculateTimeToSleep}, one atomic operation where the bucket's entry
 * lives, first come first served across the cluster) and answers how long until it is due; the caller schedules its
 * next try for then, and that try takes the node's due reservation without asking the grid again. A node therefore
 * holds one place in the cluster-wide queue per waiting call, whatever its latency to the entry's owner. Nothing is
 * held by the caller: a reservation no call of the node takes within {@value #STALE_MILLIS} ms of its time is
 * dropped, a token lost, never one too many. Reservations reach at most {@link RateSettings#reservationHorizon()}
 * ahead; beyond that, callers are told to try again later. A place the grid gives this node a second time (a grid
 * that lost an update) is used once ({@link GivenPlaces}).
 *
 * <p>The caller waits only for the grid's answer: one round-trip normally, at most
 * {@link RateSettings#gridTimeout()}, within which a failed grid operation is tried once more. Grid calls run on a
 * small pool of this limiter's own threads so that a hung grid is abandoned at the timeout; then, and for
 * {@link RateSettings#gridRetryInterval()} after it, the {@link GridFailurePolicy} decides. {@link #release()} is
 * ignored for tokens from the grid (the bucket paces by rate) and passed on for permits of a local fallback.
 *
 * <p>Thread-safe. {@link #close()} stops the limiter's threads (they also end by themselves when idle); it does not
 * touch the grid.
 */
public final class ClusterRateLimiter implements RateLimiter, AutoCloseable {

    /**
     * The answer while failing closed: longer than any permit wait, so the call fails at once with
     * {@link io.github.faceid4j.RateLimitTimeoutException} and sends nothing.
     */
    public static final long NO_PERMIT_NANOS = Duration.ofDays(365).toNanos();

    private static final System.Logger LOG = System.getLogger(ClusterRateLimiter.class.getName());
    private static final long RETRY_PAUSE_MILLIS = 50;
    /** The shortest "try again" answered. */
    private static final long MIN_WAIT_NANOS = Duration.ofMillis(1).toNanos();
    /** How late a reservation may still be taken; later, its request would leave too far from its planned time. */
    static final long STALE_MILLIS = 25;
    private static final long STALE_NANOS = Duration.ofMillis(STALE_MILLIS).toNanos();
    /** How early a reservation may be taken: timers do not fire early, but clocks are read at different moments. */
    private static final long EARLY_NANOS = Duration.ofMillis(1).toNanos();
    private static final long PLACE_GIVEN_TWICE_LOG_NANOS = Duration.ofMinutes(1).toNanos();

    private final Bucket bucket;
    private final String key;
    private final String grid;
    private final RateSettings settings;
    /** This node's reservations: when each reserved token is due (System.nanoTime). Guarded by itself. */
    private final java.util.PriorityQueue<Long> reserved = new java.util.PriorityQueue<>();
    /** Every place the grid gave this node lately, to use none twice. Guarded by {@link #reserved}. */
    private final GivenPlaces given;
    /** When a place given twice was last logged (System.nanoTime; 0: never). Guarded by {@link #reserved}. */
    private long lastPlaceGivenTwiceLog;
    private final long horizonNanos;
    private final GridOutage outage;
    private final ThreadPoolExecutor gridCalls;
    private final long timeoutNanos;
    private volatile boolean closed;

    ClusterRateLimiter(Bucket bucket, String key, String grid, RateSettings settings) {
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        this.key = key;
        this.grid = grid;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.outage = new GridOutage(key, grid, settings);
        this.timeoutNanos = settings.gridTimeout().toNanos();
        this.horizonNanos = settings.reservationHorizon().toNanos();
        this.given = new GivenPlaces(settings);
        this.gridCalls = new ThreadPoolExecutor(settings.gridThreads(), settings.gridThreads(), 5, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(1024), threads(settings.gridThreadFactory()));
        this.gridCalls.allowCoreThreadTimeOut(true); // idle limiters hold no threads
    }

    /**
     * Takes a token for a request about to be sent: one of this node's reservations that is due, or a free token of
     * the shared bucket. Else reserves the next token for this node and answers when it is due.
     *
     * @return 0 when a token was taken; otherwise how many nanoseconds until this node's next reservation is due (or,
     *         beyond the reservation horizon, until it is worth asking again). While the grid does not answer: the
     *         fallback limiter's answer, or {@link #NO_PERMIT_NANOS} when failing closed
     * @throws IllegalStateException when this limiter was closed
     */
    @Override
    public long tryAcquire() {
        if (closed) {
            throw new IllegalStateException("this ClusterRateLimiter is closed");
        }
        if (takeDueReservation()) {
            return 0;
        }
        if (outage.skipsGrid()) {
            return outage.whileDown();
        }
        Future<Long> answer;
        long sent = System.nanoTime();
        try {
            answer = gridCalls.submit(this::reserveWithRetry);
        } catch (RejectedExecutionException e) {
            if (closed) {
                throw new IllegalStateException("this ClusterRateLimiter is closed");
            }
            return outage.failed("has " + gridCalls.getQueue().size() + " operations queued on a pool of "
                    + settings.gridThreads() + " threads (gridThreads)", e);
        }
        long wait;
        try {
            wait = answer.get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true); // a token the grid takes later is only a token lost: never more than the budget
            return outage.failed("did not answer within " + settings.gridTimeout() + " (gridTimeout)", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return outage.failed("failed: " + cause.getClass().getName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            return NO_PERMIT_NANOS; // the caller is being stopped: send nothing
        }
        outage.answered();
        if (wait < 0) {
            return Math.max(MIN_WAIT_NANOS, horizonNanos / 4); // the queue reaches past the horizon
        }
        long now = System.nanoTime();
        synchronized (reserved) {
            GivenPlaces.Verdict verdict = given.admit(sent, now, wait);
            if (verdict != GivenPlaces.Verdict.ADMITTED) {
                placeNotUsed(verdict, now - sent);
                return MIN_WAIT_NANOS; // asking again reserves the next place
            }
            if (wait == 0) {
                return 0;
            }
            reserved.add(now + wait); // counted from the answer's arrival: never earlier than the grid planned
        }
        return Math.max(MIN_WAIT_NANOS, wait);
    }

    /**
     * Logs a place not used: at DEBUG when it was only near one held (perhaps answers that took very different
     * times), as a WARNING at most once a minute when the grid certainly gave it twice, so it lost an update.
     */
    private void placeNotUsed(GivenPlaces.Verdict verdict, long answerNanos) {
        if (verdict == GivenPlaces.Verdict.NEAR) {
            LOG.log(Level.DEBUG, () -> "FaceID cluster rate limit for bucket " + key + ": a place within half an"
                    + " interval of one this node holds was not used (the grid answered after "
                    + answerNanos / 1_000_000 + " ms)");
            return;
        }
        long now = System.nanoTime();
        if (lastPlaceGivenTwiceLog != 0 && now - lastPlaceGivenTwiceLog < PLACE_GIVEN_TWICE_LOG_NANOS) {
            return;
        }
        lastPlaceGivenTwiceLog = now;
        LOG.log(Level.WARNING, "FaceID cluster rate limit for bucket {0}: the data grid ({1}) gave this node a place"
                + " in the bucket''s queue that it had given it already, so the grid lost an update (the member"
                + " owning the bucket left before its backup was written?); the place is used once", key, grid);
    }

    /** Takes this node's earliest reservation if it is due, after dropping those too late to use. */
    private boolean takeDueReservation() {
        long now = System.nanoTime();
        synchronized (reserved) {
            Long next;
            while ((next = reserved.peek()) != null && next < now - STALE_NANOS) {
                reserved.poll(); // nobody came for it in time: a token lost, never one too many
            }
            if (next != null && next <= now + EARLY_NANOS) {
                reserved.poll();
                return true;
            }
            return false;
        }
    }

    /** {@return how many reserved tokens this node holds for its waiting calls} */
    public int reservations() {
        synchronized (reserved) {
            return reserved.size();
        }
    }

    /** Passes the release on to the fallback limiter when one of its permits is out; grid tokens need none. */
    @Override
    public void release() {
        outage.release();
    }

    /**
     * The grid operation, tried a second time after a failure: a member leaving the grid can fail the operations it
     * owned for a moment. Both tries lie within the caller's grid timeout. A failed try that did take a token in the
     * grid costs only that token: never more than the budget.
     */
    private long reserveWithRetry() throws InterruptedException {
        try {
            return reserveInGrid();
        } catch (RuntimeException first) {
            Thread.sleep(RETRY_PAUSE_MILLIS);
            try {
                return reserveInGrid();
            } catch (RuntimeException second) {
                second.addSuppressed(first);
                throw second;
            }
        }
    }

    /**
     * One atomic operation: the nanos until the token now reserved is due (0: free now), or -1 when none comes within
     * the horizon (then nothing was reserved). Bucket4j's blocking view reserves with ReserveAndCalculateTimeToSleep
     * and then parks for the answer; a strategy that records instead of parking turns it into a reservation that
     * never blocks.
     */
    private long reserveInGrid() throws InterruptedException {
        RecordingStrategy wait = new RecordingStrategy();
        return bucket.asBlocking().tryConsume(1, horizonNanos, wait) ? wait.nanos : -1;
    }

    /** Receives Bucket4j's "park this long" instead of parking; used by one operation on one thread. */
    static final class RecordingStrategy implements io.github.bucket4j.BlockingStrategy {
        long nanos;

        @Override
        public void park(long nanosToPark) {
            nanos = nanosToPark;
        }
    }

    /**
     * {@return the grid key of the shared bucket: {@code faceid:<action>:<SHA-256 of the SecretId, 128 bits in hex>}}
     */
    public String key() {
        return key;
    }

    /**
     * @return the settings this limiter runs with
     */
    public RateSettings settings() {
        return settings;
    }

    /**
     * False from a failed grid operation until the next one that the grid answers.
     *
     * @return whether the grid answered the last operation
     */
    public boolean gridAvailable() {
        return outage.gridAvailable();
    }

    /**
     * Why the grid was last found unusable (no secrets: the grid, the bucket key and the error), or null.
     *
     * @return the last problem, or null
     */
    public String lastGridProblem() {
        return outage.lastProblem();
    }

    /** Stops this limiter's grid threads; {@link #tryAcquire()} then throws {@link IllegalStateException}. */
    @Override
    public void close() {
        closed = true;
        gridCalls.shutdownNow();
    }

    @Override
    public String toString() {
        return "ClusterRateLimiter[" + key + " on " + grid + ", " + settings.permits() + " per " + settings.period()
                + ", burst " + settings.burst() + ", onGridFailure " + settings.onGridFailure() + "]";
    }

    private static final AtomicInteger LIMITERS = new AtomicInteger();

    private static ThreadFactory threads(ThreadFactory given) {
        if (given != null) {
            return given;
        }
        int limiter = LIMITERS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        // grid clients may resolve classes through the context class loader: keep the application's
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return task -> {
            Thread t = new Thread(task, "faceid-rate-limit-grid-" + limiter + "-" + count.incrementAndGet());
            t.setDaemon(true);
            t.setContextClassLoader(loader);
            return t;
        };
    }
}
