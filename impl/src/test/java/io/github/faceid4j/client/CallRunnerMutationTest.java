package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdServiceException;
import io.github.faceid4j.FaceIdTimeoutException;
import io.github.faceid4j.FaceIdTransportException;
import io.github.faceid4j.ServiceClosedException;
import io.github.faceid4j.client.CallMachineryFakes.RecordingTelemetry;
import io.github.faceid4j.client.CallMachineryFakes.ScriptedTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The threads and bookkeeping of a service's calls ({@link CallRunner}), for the mutants PIT found surviving
 * (docs/testing.md): thread names and daemon status, the synchronous caller's timed wait as the watchdog, an
 * interrupted caller, delivery of asynchronous outcomes on the callback threads, cancellation, and what
 * {@code close()} ends, stops and waits for. Attempts are scripted ({@link ScriptedTarget}); waits for other threads
 * are bounded by latches and generous timeouts, never by how fast a loaded machine runs.
 */
class CallRunnerMutationTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final long BOUND_SECONDS = 20;

    private final ScriptedTarget target = new ScriptedTarget();
    private final RecordingTelemetry telemetry = new RecordingTelemetry();
    /** Opened at the end of each test, so that no attempt stays blocked in a thread of ours. */
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch started = new CountDownLatch(1);
    /** A second latch, for an attempt that must still wait after {@link #release} has opened. */
    private final CountDownLatch hold = new CountDownLatch(1);
    private final List<CallRunner> runners = new ArrayList<>();

    @AfterEach
    void endEverything() {
        release.countDown();
        hold.countDown();
        runners.forEach(r -> r.close(() -> {
        }));
    }

    private CallRunner runner(ExecutorService asyncExecutor) {
        CallRunner runner = new CallRunner("VerificationResultService", "cr20-", asyncExecutor, 2);
        runners.add(runner);
        return runner;
    }

    private ResilientCall.Policies policies(Duration callTimeout) {
        return new ResilientCall.Policies(RateLimiter.unlimited(), MINUTE, RetryPolicy.NONE, callTimeout,
                Duration.ofSeconds(2), Duration.ofSeconds(3), false, telemetry);
    }

    /** An attempt that waits until the test ends; interrupted, it ends with a transport failure. */
    private String blockUntilReleased(Runnable answerBegan) {
        started.countDown();
        try {
            release.await();
            return "released";
        } catch (InterruptedException e) {
            throw new FaceIdTransportException("interrupted", e);
        }
    }

    /** An attempt that waits until the test ends, whatever happens meanwhile (as a provider that ignores interrupts). */
    private String blockIgnoringInterrupts(Runnable answerBegan) {
        started.countDown();
        boolean interrupted = false;
        while (true) {
            try {
                release.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return "released";
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        assertThat(latch.await(BOUND_SECONDS, TimeUnit.SECONDS)).as("within %d s", BOUND_SECONDS).isTrue();
    }

    private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(BOUND_SECONDS);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - until).as(what).isNegative();
            Thread.sleep(10);
        }
    }

    private static Throwable failureOf(CompletionStage<?> stage) throws InterruptedException {
        try {
            stage.toCompletableFuture().get(BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the stage did not complete within " + BOUND_SECONDS + " s");
        }
        throw new AssertionError("the stage succeeded");
    }

    // --- threads ---

    @Test
    void theServicesThreadsAreDaemonsNamedAfterTheServiceNumber() throws Exception {
        CallRunner runner = runner(null);
        CallRunner other = runner(null);
        assertThat(runner.number()).isPositive();
        assertThat(other.number()).isNotEqualTo(runner.number());
        String n = "-" + runner.number() + "-";

        target.then(this::blockUntilReleased);
        CompletionStage<String> stage = runner.callAsync(target, policies(MINUTE), call -> {
        });
        await(started);
        AtomicReference<Thread> callback = new AtomicReference<>();
        CompletableFuture<String> seen = stage.toCompletableFuture().whenComplete((a, f) ->
                callback.set(Thread.currentThread()));
        release.countDown();
        assertThat(seen.get(BOUND_SECONDS, TimeUnit.SECONDS)).isEqualTo("released");

        Thread io = target.threads.get(0);
        assertThat(io.getName()).startsWith("cr20-io" + n);
        assertThat(io.isDaemon()).isTrue();
        assertThat(callback.get().getName()).startsWith("cr20-callback" + n);
        assertThat(callback.get().isDaemon()).isTrue();

        // a call ended by its watchdog ends on the timer thread
        target.then(answerBegan -> {
            while (true) {
                try {
                    hold.await();
                    return "held";
                } catch (InterruptedException e) {
                    // ignores interrupts: only the watchdog can end this call in time
                }
            }
        });
        CompletionStage<String> late = runner.callAsync(target, policies(Duration.ofMillis(200)), call -> {
        });
        assertThat(failureOf(late)).isInstanceOf(FaceIdTimeoutException.class);
        eventually("telemetry told of both ends", () -> telemetry.endThreads.size() == 2);
        Thread timer = telemetry.endThreads.get(1);
        assertThat(timer.getName()).isEqualTo("cr20-timer" + n + "1");
        assertThat(timer.isDaemon()).isTrue();
    }

    @Test
    void idleIoThreadsTimeOutAndTheTimerForgetsTheWatchdogsOfEndedCalls() throws Exception {
        CallRunner runner = runner(null);
        for (int i = 0; i < 5; i++) {
            target.then(answerBegan -> "ok");
        }
        for (int i = 0; i < 5; i++) {
            assertThat(runner.callAsync(target, policies(MINUTE), call -> {
            }).toCompletableFuture().get(BOUND_SECONDS, TimeUnit.SECONDS)).isEqualTo("ok");
        }
        ScheduledThreadPoolExecutor timer = field(runner, "timer");
        eventually("cancelled watchdogs leave the timer's queue", () -> timer.getQueue().isEmpty());
        ThreadPoolExecutor io = field(runner, "io");
        assertThat(io.allowsCoreThreadTimeOut()).as("idle I/O threads end after their keep-alive").isTrue();
        Set<?> outstanding = field(runner, "outstanding");
        assertThat(outstanding).as("ended calls are forgotten").isEmpty();
    }

    // --- synchronous calls ---

    @Test
    void aSynchronousCallReturnsTheAnswerAfterTellingItsAttempts() {
        CallRunner runner = runner(null);
        target.then(answerBegan -> "ok");
        AtomicInteger attempts = new AtomicInteger();
        assertThat(runner.callAndWait(target, policies(MINUTE), call -> attempts.set(call.attempts())))
                .isEqualTo("ok");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void aSynchronousCallRethrowsTheFailureAndAnErrorAsTheyAre() {
        CallRunner runner = runner(null);
        FaceIdServiceException refused = new FaceIdServiceException("AuthFailure.SignatureFailure", "m", "r");
        target.then(answerBegan -> {
            throw refused;
        });
        assertThatThrownBy(() -> runner.callAndWait(target, policies(MINUTE), call -> {
        })).isSameAs(refused);

        AssertionError error = new AssertionError("an Error inside an attempt");
        target.then(answerBegan -> {
            throw error;
        });
        assertThatThrownBy(() -> runner.callAndWait(target, policies(MINUTE), call -> {
        })).isSameAs(error);
    }

    @Test
    void aSynchronousCallEndsAtItsDeadlineThoughTheAttemptIgnoresIt() throws Exception {
        CallRunner runner = runner(null);
        target.then(this::blockIgnoringInterrupts);
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                runner.callAndWait(target, policies(Duration.ofMillis(300)), call -> {
                });
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        caller.start();
        assertThat(outcome.get(BOUND_SECONDS, TimeUnit.SECONDS)).isInstanceOf(FaceIdTimeoutException.class)
                .hasMessageContaining("deadline of PT0.3S");
    }

    @Test
    void anInterruptedCallerGetsATransportFailureKeepsItsInterruptAndTheCallIsCancelled() throws Exception {
        CallRunner runner = runner(null);
        target.then(this::blockIgnoringInterrupts);
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            try {
                runner.callAndWait(target, policies(MINUTE), call -> {
                });
                outcome.complete(null);
            } catch (Throwable t) {
                stillInterrupted.set(Thread.currentThread().isInterrupted());
                outcome.complete(t);
            }
        });
        caller.start();
        await(started);
        caller.interrupt();

        assertThat(outcome.get(BOUND_SECONDS, TimeUnit.SECONDS)).isInstanceOf(FaceIdTransportException.class)
                .hasMessage("interrupted while waiting for FaceID");
        assertThat(stillInterrupted).isTrue();
        // cancelled at once, not when the attempt ends (it waits until the test ends)
        eventually("the call ended", () -> !telemetry.endThreads.isEmpty());
        assertThat(telemetry.events).contains("end null CancellationException 1");
    }

    // --- asynchronous calls ---

    @Test
    void anAsynchronousCallTellsItsAttemptsBeforeItsStageCompletes() throws Exception {
        CallRunner runner = runner(null);
        target.then(answerBegan -> "ok");
        AtomicInteger attempts = new AtomicInteger();
        CompletionStage<String> stage = runner.callAsync(target, policies(MINUTE), call -> attempts.set(call.attempts()));
        AtomicInteger seenAttempts = new AtomicInteger(-1);
        String answer = stage.thenApply(a -> {
            seenAttempts.set(attempts.get());
            return a;
        }).toCompletableFuture().get(BOUND_SECONDS, TimeUnit.SECONDS);
        assertThat(answer).isEqualTo("ok");
        assertThat(seenAttempts).hasValue(1);

        FaceIdServiceException refused = new FaceIdServiceException("AuthFailure.SignatureFailure", "m", "r");
        target.then(answerBegan -> {
            throw refused;
        });
        assertThat(failureOf(runner.callAsync(target, policies(MINUTE), call -> {
        }))).isSameAs(refused);
    }

    @Test
    void cancellingTheStageCancelsTheCall() throws Exception {
        CallRunner runner = runner(null);
        target.then(this::blockIgnoringInterrupts);
        CompletionStage<String> stage = runner.callAsync(target, policies(MINUTE), call -> {
        });
        await(started);
        stage.toCompletableFuture().cancel(false);

        eventually("the call ended", () -> !telemetry.endThreads.isEmpty());
        assertThat(telemetry.events).contains("end null CancellationException 1");
    }

    @Test
    void whenTheApplicationsExecutorIsShutDownTheStageStillCompletes() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        executor.shutdown();
        CallRunner runner = runner(executor);
        CompletionStage<String> stage = runner.callAsync(target, policies(MINUTE), call -> {
        });

        assertThat(stage.toCompletableFuture()).as("completed on the calling thread").isDone();
        assertThat(failureOf(stage)).isInstanceOf(ServiceClosedException.class);
        assertThat(target.sends()).isZero();
    }

    // --- close ---

    @Test
    void closeEndsEveryOutstandingCallAbortsExchangesAndStopsTheServicesThreads() throws Exception {
        CallRunner runner = runner(null);
        target.then(answerBegan -> "warm-up");
        AtomicReference<Thread> callback = new AtomicReference<>();
        runner.callAsync(target, policies(MINUTE), call -> callback.set(Thread.currentThread()))
                .toCompletableFuture().get(BOUND_SECONDS, TimeUnit.SECONDS);

        target.then(this::blockUntilReleased).then(this::blockUntilReleased);
        CompletionStage<String> async = runner.callAsync(target, policies(MINUTE), call -> {
        });
        CompletableFuture<Throwable> sync = new CompletableFuture<>();
        new Thread(() -> {
            try {
                runner.callAndWait(target, policies(MINUTE), call -> {
                });
                sync.complete(null);
            } catch (Throwable t) {
                sync.complete(t);
            }
        }).start();
        eventually("both attempts started", () -> target.sends() == 3);

        AtomicInteger aborts = new AtomicInteger();
        assertThat(runner.close(aborts::incrementAndGet)).isTrue();
        assertThat(runner.close(aborts::incrementAndGet)).as("closed once").isFalse();

        assertThat(aborts).hasValue(1);
        assertThat(failureOf(async)).isInstanceOf(ServiceClosedException.class);
        assertThat(sync.get(BOUND_SECONDS, TimeUnit.SECONDS)).isInstanceOf(ServiceClosedException.class);
        assertThatThrownBy(() -> runner.callAndWait(target, policies(MINUTE), call -> {
        })).isInstanceOf(IllegalStateException.class).hasMessage("this VerificationResultService is closed");
        String n = "-" + runner.number() + "-";
        for (Thread t : serviceThreads(n)) {
            t.join(TimeUnit.SECONDS.toMillis(BOUND_SECONDS));
            assertThat(t.isAlive()).as("%s ended", t.getName()).isFalse();
        }
        callback.get().join(TimeUnit.SECONDS.toMillis(BOUND_SECONDS));
        assertThat(callback.get().isAlive()).as("the idle callback thread ended").isFalse();
    }

    @Test
    void closeWaitsForTheIoThreadsToEnd() {
        CallRunner runner = runner(null);
        AtomicBoolean ended = new AtomicBoolean();
        target.then(answerBegan -> {
            started.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                // the exchange aborted: what the attempt still does takes a little while
                long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
                while (System.nanoTime() - until < 0) {
                    Thread.onSpinWait();
                }
            }
            ended.set(true);
            return "aborted";
        });
        runner.callAsync(target, policies(MINUTE), call -> {
        });
        assertThat(awaitUninterruptibly(started)).isTrue();

        runner.close(() -> {
        });
        assertThat(ended).as("the I/O thread ended before close returned").isTrue();
    }

    @Test
    void closeReturnsThoughAThreadIgnoresInterruptsAndKeepsTheCallersInterrupt() throws Exception {
        CallRunner runner = runner(null);
        target.then(this::blockIgnoringInterrupts);
        runner.callAsync(target, policies(MINUTE), call -> {
        });
        await(started);

        CompletableFuture<Boolean> closed = new CompletableFuture<>();
        new Thread(() -> closed.complete(runner.close(() -> {
        }))).start();
        assertThat(closed.get(BOUND_SECONDS, TimeUnit.SECONDS)).as("close gave up waiting after about a second")
                .isTrue();

        CallRunner second = runner(null);
        CountDownLatch secondStarted = new CountDownLatch(1);
        target.then(answerBegan -> {
            secondStarted.countDown();
            return blockIgnoringInterrupts(answerBegan);
        });
        second.callAsync(target, policies(MINUTE), call -> {
        });
        await(secondStarted);
        Thread.currentThread().interrupt();
        try {
            second.close(() -> {
            });
        } finally {
            assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
        }
    }

    @Test
    void closeLeavesTheApplicationsExecutorRunning() {
        ExecutorService executor = Executors.newFixedThreadPool(1);
        try {
            CallRunner runner = runner(executor);
            target.then(answerBegan -> "ok");
            assertThat(runner.callAndWait(target, policies(MINUTE), call -> {
            })).isEqualTo("ok");
            runner.close(() -> {
            });
            assertThat(executor.isShutdown()).isFalse();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aCallStartingWhileTheServiceClosesIsEndedAndSendsNothing() {
        // close() runs after the call's "is it closed?" check and before it is registered (here: while it starts
        // its telemetry); with the application's executor, nothing else would stop its attempt
        ExecutorService executor = Executors.newFixedThreadPool(1);
        try {
            AtomicReference<CallRunner> self = new AtomicReference<>();
            CallTelemetry closing = new CallTelemetry() {
                @Override
                public Call start(String maskedBizToken) {
                    self.get().close(() -> {
                    });
                    return Call.NONE;
                }

                @Override
                public void spilled(long bytes) {
                }

                @Override
                public void close() {
                }
            };
            CallRunner runner = runner(executor);
            self.set(runner);
            target.then(answerBegan -> "sent after close");
            ResilientCall.Policies policies = new ResilientCall.Policies(RateLimiter.unlimited(), MINUTE,
                    RetryPolicy.NONE, MINUTE, MINUTE, MINUTE, false, closing);

            assertThatThrownBy(() -> runner.callAndWait(target, policies, call -> {
            })).isInstanceOf(ServiceClosedException.class);
            assertThat(target.sends()).isZero();
        } finally {
            executor.shutdownNow();
        }
    }

    private static List<Thread> serviceThreads(String number) {
        List<Thread> threads = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("cr20-") && t.getName().contains(number)) {
                threads.add(t);
            }
        }
        return threads;
    }

    private static boolean awaitUninterruptibly(CountDownLatch latch) {
        try {
            return latch.await(BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T field(CallRunner runner, String name) throws ReflectiveOperationException {
        java.lang.reflect.Field field = CallRunner.class.getDeclaredField(name);
        field.setAccessible(true);
        return (T) field.get(runner);
    }
}
