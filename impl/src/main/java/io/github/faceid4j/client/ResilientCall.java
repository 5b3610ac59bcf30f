package io.github.faceid4j.client;

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

/**
 * One call from start to its single outcome: wait for a rate-limit permit, send, retry transient failures with
 * backoff, all within one overall deadline. Waiting is scheduled on a timer, never slept, so no thread blocks on
 * pacing or backoff; each exchange runs on the I/O executor.
 *
 * <p>The deadline is enforced by a watchdog that completes the call with {@link FaceIdTimeoutException}; an
 * exchange still running then ends by its own read timeout, which was capped by the time left when it started.
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

    /** What a call needs to know about pacing, retries and time, fixed when the service is built. */
    record Policies(RateLimiter limiter, Duration maxPermitWait, RetryPolicy retry, Duration callTimeout,
                    Duration connectTimeout, Duration readTimeout) {
    }

    private ResilientCall(String bizToken, Policies policies, Transport transport, ScheduledExecutorService timer,
                          Executor io) {
        this.bizToken = bizToken;
        this.policies = policies;
        this.transport = transport;
        this.timer = timer;
        this.io = io;
        this.deadline = System.nanoTime() + policies.callTimeout().toNanos();
    }

    static CompletableFuture<VerificationResult> start(String bizToken, Policies policies, Transport transport,
                                                       ScheduledExecutorService timer, Executor io) {
        ResilientCall call = new ResilientCall(bizToken, policies, transport, timer, io);
        ScheduledFuture<?> watchdog = timer.schedule(() -> call.fail(new FaceIdTimeoutException(
                "FaceID call did not complete within its deadline of " + policies.callTimeout()
                        + " (callTimeout) after " + call.attempts + " attempt(s)", null)),
                policies.callTimeout().toNanos(), TimeUnit.NANOSECONDS);
        call.result.whenComplete((r, e) -> watchdog.cancel(false));
        call.nextAttempt();
        return call.result;
    }

    private void nextAttempt() {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            return; // the watchdog completes the call
        }
        long wait = policies.limiter().reserve(Math.min(policies.maxPermitWait().toNanos(), remaining));
        if (wait < 0) {
            fail(new RateLimitTimeoutException("no rate-limit permit within " + shorter(policies.maxPermitWait(),
                    remaining) + " (rateLimitMaxWait or what was left of callTimeout); nothing was sent"));
        } else if (wait == 0) {
            runOnIo();
        } else {
            schedule(this::runOnIo, wait);
        }
    }

    private void runOnIo() {
        try {
            io.execute(this::exchange);
        } catch (RejectedExecutionException e) {
            fail(new FaceIdTransportException("the service is closed or its executor refused the call", e));
        }
    }

    private void exchange() {
        if (result.isDone()) {
            return;
        }
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            return;
        }
        attempts++;
        try {
            result.complete(transport.exchange(bizToken, cap(policies.connectTimeout(), remaining),
                    cap(policies.readTimeout(), remaining)));
        } catch (FaceIdException e) {
            onFailure(e);
        } catch (RuntimeException | Error e) {
            fail(new FaceIdTransportException("FaceID call failed unexpectedly: " + e.getClass().getName(), e));
        }
    }

    private void onFailure(FaceIdException e) {
        if (!retryable(e) || attempts >= policies.retry().maxAttempts()) {
            fail(e);
            return;
        }
        long delay = policies.retry().delayNanos(attempts);
        if (System.nanoTime() + delay >= deadline) {
            fail(e); // the deadline caps retries: fail now with the real cause rather than time out later
            return;
        }
        schedule(this::nextAttempt, delay);
    }

    static boolean retryable(FaceIdException e) {
        if (e instanceof FaceIdServiceException) {
            return e.isTransient();
        }
        if (e instanceof FaceIdDecodingException decoding) {
            return decoding.httpStatus() >= 500;
        }
        return e instanceof Transport.ConnectFailure;
    }

    private void schedule(Runnable task, long delayNanos) {
        try {
            timer.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            fail(new FaceIdTransportException("the service is closed", e));
        }
    }

    private void fail(FaceIdException e) {
        if (!result.isDone()) {
            e.recordAttempts(attempts);
            result.completeExceptionally(e);
        }
    }

    private static int cap(Duration timeout, long remainingNanos) {
        long millis = Math.min(timeout.toMillis(), Math.max(1, TimeUnit.NANOSECONDS.toMillis(remainingNanos)));
        return (int) Math.max(1, millis);
    }

    private static Duration shorter(Duration a, long nanos) {
        return a.toNanos() <= nanos ? a : Duration.ofNanos(nanos);
    }
}
