package io.github.faceid4j.client;

import io.github.faceid4j.testing.LogCapture;
import io.github.faceid4j.FaceIdConfigurationException;
import io.github.faceid4j.FaceIdDecodingException;
import io.github.faceid4j.FaceIdException;
import io.github.faceid4j.FaceIdServiceException;
import io.github.faceid4j.FaceIdTimeoutException;
import io.github.faceid4j.FaceIdTransportException;
import io.github.faceid4j.RateLimitTimeoutException;
import io.github.faceid4j.ServiceClosedException;
import io.github.faceid4j.client.CallMachineryFakes.ManualTimer;
import io.github.faceid4j.client.CallMachineryFakes.RecordingTelemetry;
import io.github.faceid4j.client.CallMachineryFakes.ScriptedLimiter;
import io.github.faceid4j.client.CallMachineryFakes.ScriptedTarget;
import io.github.faceid4j.client.CallMachineryFakes.Task;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * One call's machinery ({@link ResilientCall}) driven step by step, for the mutants PIT found surviving
 * (docs/testing.md): the timer is a {@link ManualTimer} whose tasks run when the test says so and which records each
 * delay asked for, attempts run on the test's thread (or wait in a queue), and the target, the limiter and the
 * telemetry are scripted. What is asserted is what a caller, the limiter, the telemetry and the log see: outcomes,
 * attempts, permits taken and given back, delays handed to the timer, timeouts handed to each attempt.
 */
class ResilientCallMutationTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final RetryPolicy FAST_RETRIES = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1));
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private final ManualTimer timer = new ManualTimer();
    private final ScriptedTarget target = new ScriptedTarget();
    private final ScriptedLimiter limiter = new ScriptedLimiter();
    private final RecordingTelemetry telemetry = new RecordingTelemetry();
    /** Attempts queued instead of run, for tests that look at a call before its first attempt. */
    private final List<Runnable> queued = new ArrayList<>();
    /** The time of calls made {@link #onTestClock on the test's clock}. */
    private final java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong(1_000_000L);

    private ResilientCall<String> call(Executor io, RetryPolicy retry, Duration callTimeout, Duration maxPermitWait,
                                       boolean logRequests) {
        return ResilientCall.create(target, new ResilientCall.Policies(limiter, maxPermitWait, retry, callTimeout,
                Duration.ofSeconds(2), Duration.ofSeconds(3), logRequests, telemetry), timer, io);
    }

    private ResilientCall<String> direct(RetryPolicy retry, Duration callTimeout) {
        return call(Runnable::run, retry, callTimeout, MINUTE, false);
    }

    private ResilientCall<String> queuedCall(Duration callTimeout) {
        return call(queued::add, RetryPolicy.NONE, callTimeout, MINUTE, false);
    }

    private static Throwable failure(CompletableFuture<?> future) {
        assertThat(future).isDone();
        try {
            future.join();
        } catch (CompletionException e) {
            return e.getCause();
        }
        return fail("the call succeeded");
    }

    // --- one attempt ---

    @Test
    void aSuccessfulAttemptTakesOnePermitGivesItBackOnceAndTellsTheAttemptToTheTarget() {
        target.then(answerBegan -> {
            answerBegan.run();
            answerBegan.run(); // given back once, however often the target says the answer began
            return "ok";
        });
        ResilientCall<String> call = direct(RetryPolicy.NONE, MINUTE);
        long left = call.deadline() - System.nanoTime();
        assertThat(left).isBetween(MINUTE.toNanos() - 20 * SECOND, MINUTE.toNanos());

        call.begin(false);

        assertThat(call.future()).isCompletedWithValue("ok");
        assertThat(call.attempts()).isEqualTo(1);
        assertThat(limiter.acquires).hasValue(1);
        assertThat(limiter.releases).hasValue(1);
        assertThat(target.timeouts).hasSize(1);
        assertThat(target.timeouts.get(0)).containsExactly(2000, 3000);
        assertThat(target.published).extracting(Attempt::toString).containsExactly("BizToken abcd..., attempt 1");
        assertThat(timer.all()).as("no watchdog for a call whose caller waits").isEmpty();
        assertThat(telemetry.events).containsExactly("start abcd...", "end ok - 1");
    }

    @Test
    void aPermitIsGivenBackOnceWhenTheAnswerBeganAndThenBrokeOff() {
        FaceIdTransportException cut = new FaceIdTransportException("cut off", null);
        target.then(answerBegan -> {
            answerBegan.run(); // the answer began, then broke off: the request may have been served
            throw cut;
        });
        ResilientCall<String> call = direct(FAST_RETRIES, MINUTE);
        call.begin(false);

        assertThat(failure(call.future())).isSameAs(cut);
        assertThat(cut.attempts()).isEqualTo(1);
        assertThat(limiter.releases).hasValue(1);
        assertThat(timer.all()).as("not retried: it may have been received").isEmpty();
        assertThat(telemetry.events).containsExactly("start abcd...", "end null FaceIdTransportException 1");
    }

    @Test
    void anAttemptsTimeoutsAreCutToTheTimeLeft() {
        target.then(answerBegan -> "ok");
        ResilientCall<String> call = direct(RetryPolicy.NONE, Duration.ofMillis(1500));
        call.begin(false);

        int[] timeouts = target.timeouts.get(0);
        assertThat(timeouts[0]).isBetween(1, 1500);
        assertThat(timeouts[1]).isBetween(1, 1500);
    }

    // --- the deadline ---

    @Test
    void anAsynchronousCallsWatchdogIsSetForItsDeadlineAndEndsIt() {
        ResilientCall<String> call = queuedCall(MINUTE);
        call.begin(true);

        assertThat(timer.pending()).hasSize(1);
        Task watchdog = timer.pending().get(0);
        assertThat(watchdog.delayNanos).isBetween(MINUTE.toNanos() - 20 * SECOND, MINUTE.toNanos());
        timer.runNext();

        assertThat(failure(call.future())).isInstanceOf(FaceIdTimeoutException.class)
                .hasMessage("FaceID call did not complete within its deadline of PT1M (callTimeout) after 0 attempt(s)");
        queued.forEach(Runnable::run); // the attempt the pool had not started yet
        assertThat(limiter.acquires).as("nothing is sent for a call that is over").hasValue(0);
        assertThat(target.sends()).isZero();
    }

    @Test
    void theWatchdogIsCancelledWhenTheCallEndsFirst() {
        target.then(answerBegan -> "ok");
        ResilientCall<String> call = direct(RetryPolicy.NONE, MINUTE);
        call.begin(true);

        assertThat(call.future()).isCompletedWithValue("ok");
        assertThat(timer.all()).hasSize(1);
        assertThat(timer.all().get(0).isCancelled()).isTrue();
    }

    @Test
    void aSynchronousCallHasNoWatchdogItsCallerExpiresIt() {
        ResilientCall<String> call = queuedCall(MINUTE);
        call.begin(false);
        assertThat(timer.all()).isEmpty();
        assertThat(call.future()).isNotDone();

        call.expire();

        assertThat(failure(call.future())).isInstanceOf(FaceIdTimeoutException.class)
                .hasMessageContaining("deadline of PT1M (callTimeout)");
        queued.forEach(Runnable::run);
        assertThat(limiter.acquires).hasValue(0);
    }

    @Test
    void anAbortedCallEndsWithTheGivenFailureAndSendsNothing() {
        ResilientCall<String> call = queuedCall(MINUTE);
        call.begin(false);
        ServiceClosedException closed = ResilientCall.closed();
        call.abort(closed);

        assertThat(failure(call.future())).isSameAs(closed);
        assertThat(closed.attempts()).isZero();
        queued.forEach(Runnable::run);
        assertThat(limiter.acquires).hasValue(0);
    }

    @Test
    void aCancelledCallSendsNothingMore() {
        ResilientCall<String> call = queuedCall(MINUTE);
        call.begin(false);
        call.cancel();

        assertThat(call.future()).isCancelled();
        queued.forEach(Runnable::run);
        assertThat(limiter.acquires).hasValue(0);
        assertThat(telemetry.events).containsExactly("start abcd...", "end null CancellationException 0");
    }

    @Test
    void aCallWhoseDeadlineHasPassedStartsNoAttempt() throws Exception {
        ResilientCall<String> call = direct(RetryPolicy.NONE, Duration.ofMillis(1));
        waitPast(call.deadline());
        call.begin(false);

        assertThat(limiter.acquires).as("the limiter is not even asked").hasValue(0);
        assertThat(call.future()).as("whoever watches the deadline ends it").isNotDone();
        call.expire();
        assertThat(failure(call.future())).isInstanceOf(FaceIdTimeoutException.class);
    }

    @Test
    void aPermitObtainedAfterTheDeadlineIsGivenBackAndNothingIsSent() {
        AtomicReference<ResilientCall<String>> self = new AtomicReference<>();
        limiter.then(() -> {
            now.set(self.get().deadline() + 1); // the limiter took until past the deadline
            return 0;
        });
        ResilientCall<String> call = onTestClock(RetryPolicy.NONE, Duration.ofSeconds(1));
        self.set(call);
        call.begin(false);

        assertThat(target.sends()).isZero();
        assertThat(call.attempts()).isZero();
        assertThat(limiter.releases).hasValue(1);
    }

    @Test
    void aPermitObtainedAfterTheCallWasCancelledIsGivenBackAndNothingIsSent() {
        AtomicReference<ResilientCall<String>> self = new AtomicReference<>();
        limiter.then(() -> {
            self.get().cancel(); // the caller gave up while the limiter was deciding
            return 0;
        });
        ResilientCall<String> call = direct(RetryPolicy.NONE, MINUTE);
        self.set(call);
        call.begin(false);

        assertThat(target.sends()).isZero();
        assertThat(limiter.releases).hasValue(1);
    }

    @Test
    void aTimeoutThatFiresAtTheDeadlineIsTheCallsDeadline() {
        AtomicReference<ResilientCall<String>> self = new AtomicReference<>();
        FaceIdTimeoutException read = new FaceIdTimeoutException("read timed out", null);
        target.then(answerBegan -> {
            now.set(self.get().deadline() + 1);
            throw read;
        });
        ResilientCall<String> call = onTestClock(FAST_RETRIES, Duration.ofSeconds(1));
        self.set(call);
        call.begin(false);

        assertThat(failure(call.future())).isInstanceOf(FaceIdTimeoutException.class)
                .hasMessage("FaceID call did not complete within its deadline of PT1S (callTimeout) after 1 attempt(s)")
                .hasCause(read);
    }

    @Test
    void aTimeoutWithTimeLeftIsTheAttemptsOwnAndNotRetried() {
        FaceIdTimeoutException read = new FaceIdTimeoutException("read timed out", null);
        target.then(answerBegan -> {
            throw read;
        });
        ResilientCall<String> call = direct(FAST_RETRIES, MINUTE);
        call.begin(false);

        assertThat(failure(call.future())).isSameAs(read);
        assertThat(timer.all()).isEmpty();
    }

    // --- permits ---

    @Test
    void anAttemptWaitsForAPermitOnTheTimerAndTellsTelemetryOnce() {
        limiter.thenWait(10 * SECOND, 2);
        target.then(answerBegan -> "ok");
        ResilientCall<String> call = call(Runnable::run, RetryPolicy.NONE, Duration.ofMinutes(2), MINUTE, false);
        call.begin(false);

        assertThat(timer.pending()).hasSize(1);
        assertThat(timer.pending().get(0).delayNanos).isBetween(9 * SECOND, 10 * SECOND + 2_000_000);
        timer.runNext();
        assertThat(timer.pending()).hasSize(1);
        assertThat(target.sends()).isZero();
        timer.runNext();

        assertThat(call.future()).isCompletedWithValue("ok");
        assertThat(limiter.acquires).hasValue(3);
        assertThat(limiter.releases).hasValue(1);
        assertThat(telemetry.events).containsExactly("start abcd...", "permitWait", "end ok - 1");
    }

    @Test
    void callersToldTheSameMomentAreSpreadOverTheFollowingTwoMilliseconds() {
        int waits = 40;
        limiter.thenWait(10 * SECOND, waits);
        target.then(answerBegan -> "ok");
        ResilientCall<String> call = call(Runnable::run, RetryPolicy.NONE, Duration.ofHours(1), Duration.ofHours(1),
                false);
        call.begin(false);
        for (int i = 1; i < waits; i++) {
            timer.runNext();
        }
        long late = 0;
        for (Task task : timer.all()) {
            assertThat(task.delayNanos).isBetween(9 * SECOND, 10 * SECOND + 2_000_000);
            late += task.delayNanos > 10 * SECOND ? 1 : 0;
        }
        assertThat(late).as("waits past what the limiter said (jitter added, never subtracted)").isPositive();
    }

    @Test
    void noPermitWithinTheMaximumWaitFailsWithoutSending() {
        limiter.thenWait(10 * SECOND, 1);
        ResilientCall<String> call = call(Runnable::run, RetryPolicy.NONE, MINUTE, Duration.ofSeconds(1), false);
        call.begin(false);

        assertThat(failure(call.future())).isInstanceOf(RateLimitTimeoutException.class)
                .hasMessageStartingWith("no rate-limit permit within PT1S ");
        assertThat(target.sends()).isZero();
        assertThat(timer.all()).isEmpty();
        assertThat(limiter.releases).hasValue(0);
    }

    @Test
    void aLimiterThatFailsEndsTheCallWithNothingSent() {
        RateLimitTimeoutException down = new RateLimitTimeoutException("the grid is unreachable");
        limiter.then(() -> {
            throw down;
        });
        ResilientCall<String> call = direct(RetryPolicy.NONE, MINUTE);
        call.begin(false);
        assertThat(failure(call.future())).isSameAs(down);

        ScriptedLimiter broken = new ScriptedLimiter().then(() -> {
            throw new IllegalStateException("bug");
        });
        ResilientCall<String> other = ResilientCall.create(target, new ResilientCall.Policies(broken, MINUTE,
                RetryPolicy.NONE, MINUTE, MINUTE, MINUTE, false), timer, Runnable::run);
        other.begin(false);
        assertThat(failure(other.future())).isInstanceOf(RateLimitTimeoutException.class)
                .hasMessage("the rate limiter failed (IllegalStateException); nothing was sent");
        assertThat(target.sends()).isZero();
    }

    @Test
    void aLimiterThatFailsToTakeBackAPermitIsLoggedAndTheCallStillSucceeds() {
        limiter.onRelease = new IllegalStateException("grid down");
        target.then(answerBegan -> "ok");
        try (LogCapture log = new LogCapture()) {
            ResilientCall<String> call = direct(RetryPolicy.NONE, MINUTE);
            call.begin(false);
            assertThat(call.future()).isCompletedWithValue("ok");
            assertThat(log.lines(RequestLogging.LOGGER)).contains(
                    "WARNING the rate limiter failed to take back a permit (java.lang.IllegalStateException)");
        }
    }

    // --- the service's threads are gone ---

    @Test
    void aStoppedTimerOrPoolEndsTheCallAsClosed() {
        timer.rejecting = true;
        target.then(answerBegan -> "ok");
        ResilientCall<String> watched = direct(RetryPolicy.NONE, MINUTE);
        watched.begin(true);
        assertThat(failure(watched.future())).isInstanceOf(ServiceClosedException.class);
        assertThat(limiter.acquires).hasValue(0);

        ResilientCall<String> rejected = call(task -> {
            throw new RejectedExecutionException("pool stopped");
        }, RetryPolicy.NONE, MINUTE, MINUTE, false);
        rejected.begin(false);
        assertThat(failure(rejected.future())).isInstanceOf(ServiceClosedException.class)
                .hasMessage("the service was closed while this call was outstanding");
        assertThat(target.sends()).isZero();
    }

    @Test
    void aStoppedTimerEndsACallWaitingForAPermitOrARetryAsClosed() {
        limiter.thenWait(SECOND, 1);
        ResilientCall<String> waiting = direct(RetryPolicy.NONE, MINUTE);
        timer.rejecting = true;
        waiting.begin(false);
        assertThat(failure(waiting.future())).isInstanceOf(ServiceClosedException.class);

        timer.rejecting = false;
        target.then(answerBegan -> {
            throw new FaceIdTransportException("refused", null);
        });
        ResilientCall<String> retrying = direct(FAST_RETRIES, MINUTE);
        timer.rejecting = true;
        retrying.begin(false);
        assertThat(failure(retrying.future())).isInstanceOf(ServiceClosedException.class);
        assertThat(target.sends()).isEqualTo(1);
    }

    // --- retries ---

    @Test
    void connectionFailuresAreRetriedAfterTheBackoffUntilAnAttemptSucceeds() {
        target.then(answerBegan -> {
            throw new FaceIdTransportException("refused", null);
        }).then(answerBegan -> {
            throw new FaceIdServiceException("InternalError", "m", "req-1");
        }).then(answerBegan -> "ok");
        ResilientCall<String> call = direct(FAST_RETRIES, MINUTE);
        call.begin(false);

        for (int retry = 1; retry <= 2; retry++) {
            assertThat(timer.pending()).hasSize(1);
            assertThat(timer.pending().get(0).delayNanos).isBetween(0L, 1_000_000L);
            timer.runNext();
        }
        assertThat(call.future()).isCompletedWithValue("ok");
        assertThat(call.attempts()).isEqualTo(3);
        assertThat(target.published).extracting(Attempt::number).containsExactly(1, 2, 3);
        assertThat(limiter.acquires).hasValue(3);
        assertThat(limiter.releases).hasValue(3);
        assertThat(telemetry.events).containsExactly("start abcd...", "retry 1 FaceIdTransportException",
                "retry 2 FaceIdServiceException", "end ok - 3");
    }

    @Test
    void afterTheLastAttemptTheFailureIsThePublicTypeWithTheAttemptsMade() {
        for (int i = 0; i < 3; i++) {
            target.then(answerBegan -> {
                throw new FaceIdTransportException("refused", null);
            });
        }
        ResilientCall<String> call = direct(FAST_RETRIES, MINUTE);
        call.begin(false);
        timer.runNext();
        timer.runNext();

        Throwable failure = failure(call.future());
        assertThat(failure.getClass()).isEqualTo(FaceIdTransportException.class);
        assertThat(failure).hasMessage("refused");
        assertThat(((FaceIdException) failure).attempts()).isEqualTo(3);
        assertThat(target.sends()).isEqualTo(3);
        assertThat(timer.pending()).isEmpty();
    }

    @Test
    void unreadableAnswersAreRetriedOnlyWithA5xxStatus() {
        target.then(answerBegan -> {
            throw new FaceIdDecodingException("bad gateway page", 500, "", null);
        }).then(answerBegan -> {
            throw new FaceIdDecodingException("not JSON", 499, "", null);
        });
        ResilientCall<String> call = direct(FAST_RETRIES, MINUTE);
        call.begin(false);
        timer.runNext();

        assertThat(failure(call.future())).isInstanceOf(FaceIdDecodingException.class).hasMessageStartingWith("not JSON");
        assertThat(target.sends()).isEqualTo(2);
    }

    @Test
    void aRetryThatWouldStartAfterTheDeadlineIsNotWaitedFor() {
        target.then(answerBegan -> {
            throw new FaceIdTransportException("refused", null);
        });
        // a backoff of up to 100,000 days: the first wait is beyond a minute's deadline but for odds of 1 in 10^8
        Duration long_ = Duration.ofDays(100_000);
        ResilientCall<String> call = direct(new RetryPolicy(3, long_, long_), MINUTE);
        call.begin(false);

        assertThat(failure(call.future())).isInstanceOf(FaceIdTransportException.class).hasMessage("refused");
        assertThat(timer.all()).isEmpty();
    }

    @Test
    void aConfigurationProblemInsideAnAttemptEndsTheCallAtOnce() {
        FaceIdConfigurationException missing = new FaceIdConfigurationException("secret-key", "is not set");
        target.then(answerBegan -> {
            throw new FaceIdTransportException("signing failed", missing);
        });
        ResilientCall<String> call = direct(FAST_RETRIES, MINUTE);
        call.begin(false);

        assertThat(failure(call.future())).isSameAs(missing);
        assertThat(timer.all()).isEmpty();
    }

    @Test
    void anUnexpectedExceptionIsATransportFailureAndAnErrorIsPassedOnAsItIs() {
        target.then(answerBegan -> {
            throw new IllegalStateException("bug");
        });
        ResilientCall<String> call = direct(FAST_RETRIES, MINUTE);
        call.begin(false);
        assertThat(failure(call.future())).isInstanceOf(FaceIdTransportException.class)
                .hasMessage("FaceID call failed unexpectedly: java.lang.IllegalStateException")
                .hasCauseInstanceOf(IllegalStateException.class);

        StackOverflowError error = new StackOverflowError();
        target.then(answerBegan -> {
            throw error;
        });
        ResilientCall<String> broken = direct(FAST_RETRIES, MINUTE);
        assertThatThrownBy(() -> broken.begin(false)).isSameAs(error);
        assertThat(failure(broken.future())).isSameAs(error);
    }

    @Test
    void anAnswerOrFailureArrivingAfterTheCallEndedChangesNothing() {
        AtomicReference<ResilientCall<String>> self = new AtomicReference<>();
        ServiceClosedException closed = ResilientCall.closed();
        target.then(answerBegan -> {
            self.get().abort(closed);
            return "late";
        });
        try (LogCapture log = new LogCapture()) {
            ResilientCall<String> call = call(Runnable::run, RetryPolicy.NONE, MINUTE, MINUTE, true);
            self.set(call);
            call.begin(false);
            assertThat(failure(call.future())).isSameAs(closed);
            assertThat(log.lines(RequestLogging.LOGGER)).noneMatch(line -> line.contains("answered"));
        }

        target.then(answerBegan -> {
            self.get().expire();
            throw new FaceIdTransportException("refused", null);
        });
        ResilientCall<String> expired = direct(FAST_RETRIES, MINUTE);
        self.set(expired);
        expired.begin(false);
        assertThat(failure(expired.future())).isInstanceOf(FaceIdTimeoutException.class);
        assertThat(timer.all()).as("no retry of a call that is over").isEmpty();
    }

    // --- log lines ---

    @Test
    void eachAnswerIsOneLineAtInfoWhenRequestLoggingIsOnWithTheFailedAttemptsBeforeIt() {
        target.then(answerBegan -> {
            throw new FaceIdTransportException("refused", null);
        }).then(answerBegan -> "ok").then(answerBegan -> "fine");
        try (LogCapture log = new LogCapture()) {
            ResilientCall<String> call = call(Runnable::run, FAST_RETRIES, MINUTE, MINUTE, true);
            call.begin(false);
            timer.runNext();
            ResilientCall<String> quiet = call(Runnable::run, FAST_RETRIES, MINUTE, MINUTE, false);
            quiet.begin(false);

            List<String> lines = log.lines(RequestLogging.LOGGER);
            assertThat(lines).hasSize(3);
            assertMillis(lines.get(0), "FINE FaceID call for call 7: attempt 1 failed after (\\d+) ms "
                    + "\\(FaceIdTransportException: refused\\); retrying in (\\d+) ms");
            assertMillis(lines.get(1), "INFO FaceID call for call 7: attempt 2 answered after (\\d+) ms: answer ok "
                    + "\\(after 1 failed attempt\\(s\\)\\)");
            assertMillis(lines.get(2), "FINE FaceID call for call 7: attempt 1 answered after (\\d+) ms: answer fine");
        }
    }

    @Test
    void aFailedCallIsOneWarningWithTheServicesCodeAndRequestIdButNotItsMessage() {
        target.then(answerBegan -> {
            throw new FaceIdServiceException("AuthFailure.SignatureFailure", "echoes what was sent", "req-9");
        }).then(answerBegan -> {
            answerBegan.run(); // not retried: the request may have been served
            throw new FaceIdTransportException("cut off", null);
        });
        try (LogCapture log = new LogCapture()) {
            direct(FAST_RETRIES, MINUTE).begin(false);
            direct(FAST_RETRIES, MINUTE).begin(false);

            List<String> lines = log.lines(RequestLogging.LOGGER);
            assertThat(lines).hasSize(2);
            assertMillis(lines.get(0), "WARNING FaceID call for call 7 failed after 1 attempt\\(s\\) in (\\d+) ms: "
                    + "FaceIdServiceException AuthFailure.SignatureFailure, RequestId req-9");
            assertMillis(lines.get(1), "WARNING FaceID call for call 7 failed after 1 attempt\\(s\\) in (\\d+) ms: "
                    + "FaceIdTransportException: cut off");
        }
    }

    // --- exactly at the deadline, on a test's clock ---

    private ResilientCall<String> onTestClock(RetryPolicy retry, Duration callTimeout) {
        return onTestClock(retry, callTimeout, false);
    }

    private ResilientCall<String> onTestClock(RetryPolicy retry, Duration callTimeout, boolean logRequests) {
        return ResilientCall.create(target, new ResilientCall.Policies(limiter, MINUTE, retry, callTimeout,
                Duration.ofSeconds(2), Duration.ofSeconds(3), logRequests, telemetry), timer, Runnable::run, now::get);
    }

    @Test
    void withNoTimeLeftAtAllNoAttemptStarts() {
        ResilientCall<String> call = onTestClock(RetryPolicy.NONE, MINUTE);
        assertThat(call.deadline()).isEqualTo(1_000_000L + MINUTE.toNanos());
        now.set(call.deadline());
        call.begin(true);

        assertThat(limiter.acquires).as("the limiter is not even asked").hasValue(0);
        assertThat(timer.all()).hasSize(1);
        assertThat(timer.all().get(0).delayNanos).as("the watchdog fires at once").isZero();
    }

    @Test
    void aPermitObtainedExactlyAtTheDeadlineSendsNothing() {
        AtomicReference<ResilientCall<String>> self = new AtomicReference<>();
        limiter.then(() -> {
            now.set(self.get().deadline());
            return 0;
        });
        ResilientCall<String> call = onTestClock(RetryPolicy.NONE, MINUTE);
        self.set(call);
        call.begin(false);

        assertThat(target.sends()).isZero();
        assertThat(limiter.releases).hasValue(1);
    }

    @Test
    void aRetryThatWouldStartExactlyAtTheDeadlineIsNotScheduled() {
        AtomicReference<ResilientCall<String>> self = new AtomicReference<>();
        target.then(answerBegan -> {
            now.set(self.get().deadline());
            throw new FaceIdTransportException("refused", null);
        });
        ResilientCall<String> call = onTestClock(new RetryPolicy(3, Duration.ZERO, Duration.ZERO), MINUTE);
        self.set(call);
        call.begin(false);

        assertThat(failure(call.future())).isInstanceOf(FaceIdTransportException.class).hasMessage("refused");
        assertThat(timer.all()).isEmpty();
    }

    @Test
    void aTimeoutFiringFiftyMillisecondsOrLessBeforeTheDeadlineIsTheDeadline() {
        long slack = TimeUnit.MILLISECONDS.toNanos(50);
        AtomicReference<ResilientCall<String>> self = new AtomicReference<>();
        FaceIdTimeoutException atSlack = new FaceIdTimeoutException("read timed out", null);
        target.then(answerBegan -> {
            now.set(self.get().deadline() - slack);
            throw atSlack;
        });
        ResilientCall<String> call = onTestClock(FAST_RETRIES, MINUTE);
        self.set(call);
        call.begin(false);
        assertThat(failure(call.future())).isInstanceOf(FaceIdTimeoutException.class).hasCause(atSlack)
                .hasMessageContaining("deadline of PT1M");

        FaceIdTimeoutException earlier = new FaceIdTimeoutException("read timed out", null);
        target.then(answerBegan -> {
            now.set(self.get().deadline() - slack - 1);
            throw earlier;
        });
        ResilientCall<String> other = onTestClock(FAST_RETRIES, MINUTE);
        self.set(other);
        other.begin(false);
        assertThat(failure(other.future())).isSameAs(earlier);
    }

    @Test
    void permitWaitsAreWhatTheLimiterSaidPlusUpToTwoMillisecondsOfJitter() {
        int waits = 40;
        limiter.thenWait(10 * SECOND, waits);
        ResilientCall<String> call = ResilientCall.create(target, new ResilientCall.Policies(limiter,
                Duration.ofHours(1), RetryPolicy.NONE, Duration.ofHours(1), MINUTE, MINUTE, false, telemetry), timer,
                Runnable::run, now::get);
        call.begin(false);
        for (int i = 1; i < waits; i++) {
            timer.runNext();
        }
        long jittered = 0;
        for (Task task : timer.all()) {
            assertThat(task.delayNanos).isBetween(10 * SECOND, 10 * SECOND + 1_999_999);
            jittered += task.delayNanos > 10 * SECOND ? 1 : 0;
        }
        assertThat(jittered).isPositive();
    }

    @Test
    void logLinesSayHowLongAttemptsAndCallsTook() {
        target.then(answerBegan -> {
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1234));
            return "ok";
        }).then(answerBegan -> {
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(567));
            throw new FaceIdTransportException("cut off", null);
        });
        try (LogCapture log = new LogCapture()) {
            onTestClock(RetryPolicy.NONE, MINUTE, true).begin(false);
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(100)); // before the next call: not part of it
            ResilientCall<String> failing = onTestClock(RetryPolicy.NONE, MINUTE, true);
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(10)); // between creating and starting: part of the call
            failing.begin(false);

            assertThat(log.lines(RequestLogging.LOGGER)).containsExactly(
                    "INFO FaceID call for call 7: attempt 1 answered after 1234 ms: answer ok",
                    "WARNING FaceID call for call 7 failed after 1 attempt(s) in 577 ms: FaceIdTransportException: cut off");
        }
    }

    /** The line matches, and every number of milliseconds in it is a plausible duration of this test. */
    private static void assertMillis(String line, String regex) {
        Matcher m = Pattern.compile(regex).matcher(line);
        assertThat(m.matches()).as("%s%n  matches %s", line, regex).isTrue();
        for (int g = 1; g <= m.groupCount(); g++) {
            assertThat(Long.parseLong(m.group(g))).as("group %d of %s", g, line).isBetween(0L, 60_000L);
        }
    }

    private static void waitPast(long deadline) {
        while (System.nanoTime() - deadline <= 0) {
            Thread.onSpinWait();
        }
    }
}
