package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdConfigurationException;
import io.github.faceid4j.FaceIdException;
import io.github.faceid4j.FaceIdTimeoutException;
import io.github.faceid4j.FaceIdTransportException;
import io.github.faceid4j.RateLimitTimeoutException;
import io.github.faceid4j.ServiceClosedException;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One call from start to its single outcome: take a rate-limit permit, send, retry transient failures with
 * backoff, all within one overall deadline. Waiting is scheduled on a timer, never slept, so no thread blocks on
 * pacing or backoff; each permit is taken on the I/O executor just before its exchange, so the limiter sees real
 * send times.
 *
 * <p>Every attempt runs on the I/O executor, never on the caller's thread: whatever an attempt waits for (a slow
 * credentials provider or limiter, DNS, a trickling answer), the call completes at its deadline. The deadline is
 * enforced by whoever waits for the outcome: a watchdog on the timer for an asynchronous call, the caller's own
 * timed wait for a synchronous one ({@link #expire()}), which costs no timer wake-up. An exchange still running
 * then ends by its own read timeout, capped by the time left when it started, or when the service is closed.
 *
 * <p>The internal future is completed on the service's threads and only the service's own bookkeeping depends on
 * it; application callbacks are attached to a separate future (see {@link JerseyVerificationResultService}).
 *
 * <p>A permit taken is given back exactly once, whatever happens after {@link RateLimiter#tryAcquire()} returned:
 * when the answer begins, when the exchange fails, or at once when the call ended (deadline, cancellation,
 * {@code close()}) while the limiter was deciding.
 */
final class ResilientCall<T> {

    private final CallTarget<T> target;
    private final Policies policies;
    private final ScheduledExecutorService timer;
    private final Executor io;
    private final long deadline;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private volatile int attempts;
    /** Until when the current attempt may wait for a permit. */
    private volatile long permitDeadline;
    private volatile long permitWait;
    /** Whether the current attempt has waited for a permit (told to telemetry once per attempt). */
    private volatile boolean waitedForPermit;
    /** The call's span and metrics; started on the caller's thread, so the span is a child of the caller's. */
    private final CallTelemetry.Call telemetry;

    /** What a call needs to know about pacing, retries and time, fixed when the service is built. */
    record Policies(RateLimiter limiter, Duration maxPermitWait, RetryPolicy retry, Duration callTimeout,
                    Duration connectTimeout, Duration readTimeout, boolean logRequests, CallTelemetry telemetry) {

        /** Without telemetry. */
        Policies(RateLimiter limiter, Duration maxPermitWait, RetryPolicy retry, Duration callTimeout,
                 Duration connectTimeout, Duration readTimeout, boolean logRequests) {
            this(limiter, maxPermitWait, retry, callTimeout, connectTimeout, readTimeout, logRequests,
                    CallTelemetry.NONE);
        }
    }

    /** {@link System#nanoTime()}; a test's clock in tests that pin what happens exactly at a deadline. */
    private final LongSupplier clock;
    private final long started;
    /** The call's log lines, naming it {@code BizToken abcd...}, or by its action. */
    private final CallLog log;

    private ResilientCall(CallTarget<T> target, Policies policies, ScheduledExecutorService timer, Executor io,
                          LongSupplier clock) {
        this.clock = clock;
        this.started = clock.getAsLong();
        this.target = target;
        this.policies = policies;
        this.timer = timer;
        this.io = io;
        this.deadline = clock.getAsLong() + policies.callTimeout().toNanos();
        this.log = new CallLog(target.subject(), policies.logRequests(), clock);
        this.telemetry = policies.telemetry().start(target.maskedBizToken());
        if (telemetry != CallTelemetry.Call.NONE) { // without OpenTelemetry a call costs nothing more
            result.whenComplete((answer, failure) -> telemetry.end(answer, failure, attempts, target));
        }
    }

    /** A call not yet started: the service registers it (to end it on close) before {@link #begin}. */
    static <T> ResilientCall<T> create(CallTarget<T> target, Policies policies, ScheduledExecutorService timer,
                                       Executor io) {
        return create(target, policies, timer, io, System::nanoTime);
    }

    /** As {@link #create(CallTarget, Policies, ScheduledExecutorService, Executor)}, on {@code clock}'s time. */
    static <T> ResilientCall<T> create(CallTarget<T> target, Policies policies, ScheduledExecutorService timer,
                                       Executor io, LongSupplier clock) {
        return new ResilientCall<>(target, policies, timer, io, clock);
    }

    /**
     * Starts the first attempt on the I/O executor.
     *
     * @param watchdog whether to schedule the deadline's watchdog; false when the caller waits for the outcome
     *                 with a timed wait and calls {@link #expire()} when it runs out (a synchronous call)
     */
    void begin(boolean watchdog) {
        if (watchdog) {
            armWatchdog();
        }
        nextAttempt();
    }

    /** The call's outcome; for the service's bookkeeping and a synchronous caller's wait only. */
    CompletableFuture<T> future() {
        return result;
    }

    /** Requests sent (or tried) so far; final once the call is complete. */
    int attempts() {
        return attempts;
    }

    /** The call's deadline, in {@link System#nanoTime()} (or the clock it was created with). */
    long deadline() {
        return deadline;
    }

    /** The deadline has passed (for a call without watchdog): fails it, if it is still outstanding. */
    void expire() {
        fail(deadlineExceeded(null));
    }

    /** Ends the call with {@code failure} if it is still outstanding (the service closes; the caller gave up). */
    void abort(FaceIdException failure) {
        fail(failure);
    }

    /** The caller no longer wants the outcome: nothing more is sent, a permit held is given back. */
    void cancel() {
        result.cancel(false);
    }

    /** What a call outstanding when the service closes fails with. */
    static ServiceClosedException closed() {
        return new ServiceClosedException("the service was closed while this call was outstanding");
    }

    private void armWatchdog() {
        ScheduledFuture<?> watchdog;
        try {
            watchdog = timer.schedule(this::expire, deadline - clock.getAsLong(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            fail(closed());
            return;
        }
        result.whenComplete((r, e) -> watchdog.cancel(false));
    }

    private void nextAttempt() {
        if (beginAttempt()) {
            runOnIo(this::acquireAndSend);
        }
    }

    /** Sets the attempt's permit deadline; false when the call's deadline has passed. */
    private boolean beginAttempt() {
        long remaining = deadline - clock.getAsLong();
        if (remaining <= 0) {
            return false; // whoever watches the deadline completes the call
        }
        permitWait = Math.min(policies.maxPermitWait().toNanos(), remaining);
        permitDeadline = clock.getAsLong() + permitWait;
        waitedForPermit = false;
        return true;
    }

    /** On the I/O thread: send now if a permit is free, else try again when the limiter says one may be. */
    private void acquireAndSend() {
        if (result.isDone()) {
            return;
        }
        long wait;
        try {
            wait = policies.limiter().tryAcquire();
        } catch (FaceIdException e) {
            fail(e); // e.g. a cluster limiter whose grid is unreachable and that fails closed
            return;
        } catch (RuntimeException e) {
            fail(new RateLimitTimeoutException("the rate limiter failed (" + e.getClass().getSimpleName()
                    + "); nothing was sent"));
            return;
        }
        if (wait <= 0) {
            // From here the permit is ours: given back exactly once, however the exchange ends, or at once when
            // the call ended while the limiter was deciding.
            Runnable release = once(this::releasePermit);
            try {
                exchange(release);
            } finally {
                release.run(); // no-op when the answer's start already released the permit
            }
            return;
        }
        // a little jitter so that callers told the same moment do not all try at once
        long retryAt = clock.getAsLong() + wait + java.util.concurrent.ThreadLocalRandom.current().nextLong(2_000_000);
        if (retryAt > permitDeadline) {
            fail(new RateLimitTimeoutException("no rate-limit permit within " + Duration.ofNanos(permitWait)
                    + " (rateLimitMaxWait or what was left of callTimeout); nothing more was sent"));
            return;
        }
        if (!waitedForPermit) {
            waitedForPermit = true;
            telemetry.permitWait();
        }
        schedule(() -> runOnIo(this::acquireAndSend), retryAt - clock.getAsLong());
    }

    private void releasePermit() {
        try {
            policies.limiter().release();
        } catch (RuntimeException e) {
            CallLog.limiterReleaseFailed(e);
        }
    }

    private void runOnIo(Runnable task) {
        try {
            io.execute(task);
        } catch (RejectedExecutionException e) {
            fail(closed());
        }
    }

    /** Sends one request, the permit taken; {@code release} gives it back when the answer begins. */
    private void exchange(Runnable release) {
        long remaining = deadline - clock.getAsLong();
        if (remaining <= 0 || result.isDone()) {
            return; // the limiter took long; the call is over (the caller gives the permit back)
        }
        attempts++;
        long attemptStart = clock.getAsLong();
        Attempt attempt = new Attempt(target.maskedBizToken(), attempts, cap(policies.connectTimeout(), remaining),
                cap(policies.readTimeout(), remaining), deadline, release);
        CallTelemetry.Scope current = telemetry.attempt(); // the call's span, current on this I/O thread
        try {
            T answer = target.send(attempt);
            if (result.isDone()) {
                return;
            }
            log.answered(attempts, attemptStart, () -> target.describe(answer));
            result.complete(answer);
        } catch (FaceIdException e) {
            if (result.isDone()) {
                return; // ended meanwhile (deadline, close): this failure is a consequence, not news
            }
            FaceIdConfigurationException configuration = configurationCause(e);
            if (configuration != null) {
                fail(configuration); // e.g. no credentials: the signing filter threw it inside Jersey
            } else {
                onFailure(e, attempt, attemptStart);
            }
        } catch (RuntimeException e) {
            fail(new FaceIdTransportException("FaceID call failed unexpectedly: " + e.getClass().getName(), e));
        } catch (Error e) {
            result.completeExceptionally(e); // e.g. OutOfMemoryError: the caller sees it as it is, not a timeout
            throw e;
        } finally {
            current.close();
        }
    }

    private static Runnable once(Runnable action) {
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true)) {
                action.run();
            }
        };
    }

    private void onFailure(FaceIdException e, Attempt attempt, long attemptStart) {
        if (e instanceof FaceIdTimeoutException && deadline - clock.getAsLong() <= DEADLINE_SLACK_NANOS) {
            // the attempt's timeout was cut to the time left: it is the call's deadline that ran out
            fail(deadlineExceeded(e));
            return;
        }
        if (!policies.retry().shouldRetry(e, attempt.hasAnswerBegun()) || attempts >= policies.retry().maxAttempts()) {
            fail(e);
            return;
        }
        long delay = policies.retry().delayNanos(attempts);
        if (clock.getAsLong() + delay >= deadline) {
            fail(e); // the deadline caps retries: fail now with the real cause rather than time out later
            return;
        }
        log.retrying(attempts, attemptStart, e, delay);
        telemetry.retry(attempts, e.getClass().getSimpleName());
        schedule(this::nextAttempt, delay);
    }

    private static FaceIdConfigurationException configurationCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FaceIdConfigurationException configuration) {
                return configuration;
            }
        }
        return null;
    }

    /** Timeouts are set in whole milliseconds; one that fires this close to the deadline is the deadline. */
    private static final long DEADLINE_SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private FaceIdTimeoutException deadlineExceeded(Throwable cause) {
        return new FaceIdTimeoutException("FaceID call did not complete within its deadline of " + policies.callTimeout()
                + " (callTimeout) after " + attempts + " attempt(s)", cause);
    }

    private void schedule(Runnable task, long delayNanos) {
        try {
            timer.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            fail(closed());
        }
    }

    private void fail(FaceIdException e) {
        if (!result.isDone()) {
            e.recordAttempts(attempts);
            log.failed(attempts, started, e); // before completing: the caller may look right away
            result.completeExceptionally(e);
        }
    }

    private static int cap(Duration timeout, long remainingNanos) {
        long millis = Math.min(timeout.toMillis(), Math.max(1, TimeUnit.NANOSECONDS.toMillis(remainingNanos)));
        return (int) Math.max(1, millis);
    }

}
