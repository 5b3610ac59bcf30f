package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdConfigurationException;
import io.github.faceid4j.FaceIdDecodingException;
import io.github.faceid4j.FaceIdException;
import io.github.faceid4j.FaceIdServiceException;
import io.github.faceid4j.FaceIdTimeoutException;
import io.github.faceid4j.FaceIdTransportException;
import io.github.faceid4j.RateLimitTimeoutException;
import io.github.faceid4j.model.VerificationResult;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One call from start to its single outcome: take a rate-limit permit, send, retry transient failures with
 * backoff, all within one overall deadline. Waiting is scheduled on a timer, never slept, so no thread blocks on
 * pacing or backoff; each permit is taken on the I/O executor just before its exchange, so the limiter sees real
 * send times.
 *
 * <p>The deadline is enforced by a watchdog that completes the call with {@link FaceIdTimeoutException}; an
 * exchange still running then ends by its own read timeout, which was capped by the time left when it started. A
 * synchronous call's first attempt on the caller's own thread runs without one (scheduling it cost a timer wake-up
 * per call, ~30 µs): nobody can see the result before that attempt returns, and the deadline is checked then.
 */
final class ResilientCall {

    private final String bizToken;
    private final Policies policies;
    private final Transport transport;
    private final ScheduledExecutorService timer;
    private final Executor io;
    private final long deadline;
    private final CompletableFuture<VerificationResult> result = new CompletableFuture<>();
    private volatile int attempts;
    /** Until when the current attempt may wait for a permit. */
    private volatile long permitDeadline;
    private volatile long permitWait;
    /** Whether the deadline's watchdog has been scheduled (see {@link #armWatchdog}). */
    private final AtomicBoolean watched = new AtomicBoolean();

    /** What a call needs to know about pacing, retries and time, fixed when the service is built. */
    record Policies(RateLimiter limiter, Duration maxPermitWait, RetryPolicy retry, Duration callTimeout,
                    Duration connectTimeout, Duration readTimeout, boolean logRequests) {
    }

    private static final System.Logger LOG = RequestLogging.LOG;
    private final long started = System.nanoTime();
    private final String maskedBizToken;

    private ResilientCall(String bizToken, Policies policies, Transport transport, ScheduledExecutorService timer,
                          Executor io) {
        this.bizToken = bizToken;
        this.policies = policies;
        this.transport = transport;
        this.timer = timer;
        this.io = io;
        this.deadline = System.nanoTime() + policies.callTimeout().toNanos();
        this.maskedBizToken = Redaction.prefix(bizToken);
    }

    /**
     * Starts a call.
     *
     * @param callerWaits whether the caller blocks on the result anyway (a synchronous call): then the first attempt
     *                    runs on the caller's thread when a permit is free at once, saving two thread hand-offs;
     *                    waits and retries are scheduled as always
     */
    static CompletableFuture<VerificationResult> start(String bizToken, Policies policies, Transport transport,
                                                       ScheduledExecutorService timer, Executor io,
                                                       boolean callerWaits) {
        ResilientCall call = new ResilientCall(bizToken, policies, transport, timer, io);
        if (callerWaits) {
            // No watchdog while the caller's own thread makes the first attempt: nobody can see the result before
            // that attempt returns, and then the deadline is checked as the watchdog would have enforced it. The
            // watchdog is armed as soon as anything is handed to the timer or the I/O executor.
            call.beginAttempt();
            call.acquireAndSend();
            if (!call.result.isDone()) {
                call.armWatchdog();
            }
        } else {
            call.armWatchdog();
            call.nextAttempt();
        }
        return call.result;
    }

    /** Schedules the deadline's watchdog, once; a no-op when already armed. */
    private void armWatchdog() {
        if (!watched.compareAndSet(false, true)) {
            return;
        }
        ScheduledFuture<?> watchdog;
        try {
            watchdog = timer.schedule(() -> fail(deadlineExceeded(null)), deadline - System.nanoTime(),
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            fail(new FaceIdTransportException("the service is closed", e));
            return;
        }
        result.whenComplete((r, e) -> watchdog.cancel(false));
    }

    /** Without a watchdog (the caller's own attempt), what it would have done by now: fail at the deadline. */
    private boolean deadlinePassedUnwatched() {
        if (!watched.get() && deadline - System.nanoTime() <= 0) {
            fail(deadlineExceeded(null));
            return true;
        }
        return false;
    }

    private void nextAttempt() {
        if (beginAttempt()) {
            runOnIo(this::acquireAndSend);
        }
    }

    /** Sets the attempt's permit deadline; false when the call's deadline has passed. */
    private boolean beginAttempt() {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            return false; // the watchdog completes the call
        }
        permitWait = Math.min(policies.maxPermitWait().toNanos(), remaining);
        permitDeadline = System.nanoTime() + permitWait;
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
            exchange();
            return;
        }
        // a little jitter so that callers told the same moment do not all try at once
        long retryAt = System.nanoTime() + wait + java.util.concurrent.ThreadLocalRandom.current().nextLong(2_000_000);
        if (retryAt > permitDeadline) {
            fail(new RateLimitTimeoutException("no rate-limit permit within " + Duration.ofNanos(permitWait)
                    + " (rateLimitMaxWait or what was left of callTimeout); nothing more was sent"));
            return;
        }
        schedule(() -> runOnIo(this::acquireAndSend), retryAt - System.nanoTime());
    }

    private void runOnIo(Runnable task) {
        armWatchdog();
        try {
            io.execute(task);
        } catch (RejectedExecutionException e) {
            fail(new FaceIdTransportException("the service is closed or its executor refused the call", e));
        }
    }

    private void exchange() {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            return;
        }
        attempts++;
        Runnable release = once(policies.limiter()::release);
        long attemptStart = System.nanoTime();
        RequestLogging.CURRENT.set(new RequestLogging.Attempt(maskedBizToken, attempts));
        try {
            VerificationResult answer = transport.exchange(bizToken, cap(policies.connectTimeout(), remaining),
                    cap(policies.readTimeout(), remaining), release, deadline);
            if (deadlinePassedUnwatched()) {
                return;
            }
            logAnswer(answer, attemptStart);
            result.complete(answer);
        } catch (FaceIdException e) {
            if (deadlinePassedUnwatched()) {
                return;
            }
            FaceIdConfigurationException configuration = configurationCause(e);
            if (configuration != null) {
                fail(configuration); // e.g. no credentials: the signing filter threw it inside Jersey
            } else {
                onFailure(e, attemptStart);
            }
        } catch (RuntimeException e) {
            if (deadlinePassedUnwatched()) {
                return;
            }
            fail(new FaceIdTransportException("FaceID call failed unexpectedly: " + e.getClass().getName(), e));
        } catch (Error e) {
            result.completeExceptionally(e); // e.g. OutOfMemoryError: the caller sees it as it is, not a timeout
            throw e;
        } finally {
            RequestLogging.CURRENT.remove();
            release.run(); // no-op when the answer's start already released the permit
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

    private void onFailure(FaceIdException e, long attemptStart) {
        if (e instanceof FaceIdTimeoutException && deadline - System.nanoTime() <= DEADLINE_SLACK_NANOS) {
            // the attempt's timeout was cut to the time left: it is the call's deadline that ran out
            fail(deadlineExceeded(e));
            return;
        }
        if (!retryable(e) || attempts >= policies.retry().maxAttempts()) {
            fail(e);
            return;
        }
        long delay = policies.retry().delayNanos(attempts);
        if (System.nanoTime() + delay >= deadline) {
            fail(e); // the deadline caps retries: fail now with the real cause rather than time out later
            return;
        }
        if (LOG.isLoggable(System.Logger.Level.DEBUG)) {
            LOG.log(System.Logger.Level.DEBUG, "FaceID call for BizToken " + maskedBizToken + ": attempt " + attempts
                    + " failed after " + millisSince(attemptStart) + " ms (" + describe(e) + "); retrying in "
                    + TimeUnit.NANOSECONDS.toMillis(delay) + " ms");
        }
        schedule(this::nextAttempt, delay);
    }

    /** One line per answer: INFO when request logging is on, else DEBUG (a retry that healed is not news). */
    private void logAnswer(VerificationResult answer, long attemptStart) {
        System.Logger.Level level = policies.logRequests() ? System.Logger.Level.INFO : System.Logger.Level.DEBUG;
        if (LOG.isLoggable(level)) {
            LOG.log(level, "FaceID call for BizToken " + maskedBizToken + ": attempt " + attempts + " answered after "
                    + millisSince(attemptStart) + " ms: ErrorCode " + answer.errorCode() + ", RequestId "
                    + RequestLogging.clean(String.valueOf(answer.requestId()))
                    + (attempts > 1 ? " (after " + (attempts - 1) + " failed attempt(s))" : ""));
        }
    }

    /**
     * What a log line may say of a failure: its type, the service's error code and RequestId, and for failures of
     * our own making (transport, decoding, configuration) the message, which never carries secrets or personal
     * data. A service's message is left out: it may echo what was sent.
     */
    private static String describe(FaceIdException e) {
        if (e instanceof FaceIdServiceException service) {
            return e.getClass().getSimpleName() + " " + service.errorCode() + ", RequestId "
                    + RequestLogging.clean(String.valueOf(service.requestId()));
        }
        return e.getClass().getSimpleName() + ": " + RequestLogging.clean(String.valueOf(e.getMessage()), 400);
    }

    private static FaceIdConfigurationException configurationCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FaceIdConfigurationException configuration) {
                return configuration;
            }
        }
        return null;
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    /** Timeouts are set in whole milliseconds; one that fires this close to the deadline is the deadline. */
    private static final long DEADLINE_SLACK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private FaceIdTimeoutException deadlineExceeded(Throwable cause) {
        return new FaceIdTimeoutException("FaceID call did not complete within its deadline of " + policies.callTimeout()
                + " (callTimeout) after " + attempts + " attempt(s)", cause);
    }

    static boolean retryable(FaceIdException e) {
        if (e instanceof FaceIdServiceException) {
            return e.isTransient();
        }
        if (e instanceof FaceIdDecodingException decoding) {
            return decoding.httpStatus() >= 500;
        }
        return e instanceof Transport.ConnectFailure; // not a Transport.TlsFailure: certificates do not heal
    }

    private void schedule(Runnable task, long delayNanos) {
        armWatchdog();
        try {
            timer.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            fail(new FaceIdTransportException("the service is closed", e));
        }
    }

    private void fail(FaceIdException e) {
        if (!result.isDone()) {
            e.recordAttempts(attempts);
            if (LOG.isLoggable(System.Logger.Level.WARNING)) { // before completing: the caller may look right away
                LOG.log(System.Logger.Level.WARNING, "FaceID call for BizToken " + maskedBizToken + " failed after "
                        + attempts + " attempt(s) in " + millisSince(started) + " ms: " + describe(e));
            }
            result.completeExceptionally(e);
        }
    }

    private static int cap(Duration timeout, long remainingNanos) {
        long millis = Math.min(timeout.toMillis(), Math.max(1, TimeUnit.NANOSECONDS.toMillis(remainingNanos)));
        return (int) Math.max(1, millis);
    }

}
