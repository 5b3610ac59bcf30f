package io.github.faceid4j.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Fakes around the call machinery for tests that drive a {@link ResilientCall} step by step: a timer whose tasks
 * run only when the test says so (and that records each delay), a scripted {@link CallTarget}, a scripted
 * {@link RateLimiter} that counts permits, and a {@link CallTelemetry} that records what it is told.
 */
final class CallMachineryFakes {

    private CallMachineryFakes() {
    }

    /** A timer whose tasks run when {@link #runNext()} says so. */
    static final class ManualTimer extends AbstractExecutorService implements ScheduledExecutorService {
        private final List<Task> tasks = new ArrayList<>();
        volatile boolean rejecting;

        @Override
        public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            if (rejecting) {
                throw new RejectedExecutionException("timer stopped");
            }
            Task task = new Task(command, unit.toNanos(delay));
            tasks.add(task);
            return task;
        }

        /** Tasks scheduled, not cancelled and not run yet, oldest first. */
        synchronized List<Task> pending() {
            return tasks.stream().filter(t -> !t.cancelled && !t.ran).toList();
        }

        /** Every task ever scheduled, oldest first. */
        synchronized List<Task> all() {
            return List.copyOf(tasks);
        }

        /** Runs the oldest pending task (on this thread) and returns it. */
        Task runNext() {
            Task next = pending().get(0);
            next.ran = true;
            next.command.run();
            return next;
        }

        @Override
        public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
                                                         TimeUnit unit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void shutdown() {
            rejecting = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            rejecting = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return rejecting;
        }

        @Override
        public boolean isTerminated() {
            return rejecting;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }

        @Override
        public void execute(Runnable command) {
            throw new UnsupportedOperationException("the call machinery schedules, it never executes on the timer");
        }
    }

    /** One scheduled task of a {@link ManualTimer}. */
    static final class Task implements ScheduledFuture<Object> {
        final Runnable command;
        final long delayNanos;
        volatile boolean cancelled;
        volatile boolean ran;

        Task(Runnable command, long delayNanos) {
            this.command = command;
            this.delayNanos = delayNanos;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(delayNanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(delayNanos, o.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (ran) {
                return false;
            }
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return cancelled || ran;
        }

        @Override
        public Object get() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            throw new UnsupportedOperationException();
        }
    }

    /** What one attempt does: answers, or throws. */
    @FunctionalInterface
    interface Step {
        String send(Runnable answerBegan);
    }

    /** A target that plays its steps in order and records what each attempt was given. */
    static final class ScriptedTarget implements CallTarget<String> {
        private final Deque<Step> steps = new ArrayDeque<>();
        final List<int[]> timeouts = new ArrayList<>();
        final List<Attempt> published = new ArrayList<>();
        final List<Thread> threads = new ArrayList<>();

        ScriptedTarget then(Step step) {
            steps.add(step);
            return this;
        }

        synchronized int sends() {
            return timeouts.size();
        }

        @Override
        public String send(Attempt attempt) {
            Step step;
            synchronized (this) {
                timeouts.add(new int[] {attempt.connectTimeoutMillis(), attempt.readTimeoutMillis()});
                published.add(attempt);
                threads.add(Thread.currentThread());
                step = steps.poll();
            }
            if (step == null) {
                throw new AssertionError("more attempts than the test planned");
            }
            return step.send(attempt::answerBegan);
        }

        @Override
        public String subject() {
            return "call 7";
        }

        @Override
        public String maskedBizToken() {
            return "abcd...";
        }

        @Override
        public String describe(String answer) {
            return "answer " + answer;
        }
    }

    /** A limiter that answers its scripted waits (then 0) and counts permits taken and given back. */
    static final class ScriptedLimiter implements RateLimiter {
        private final Deque<LongSupplier> waits = new ArrayDeque<>();
        final AtomicInteger acquires = new AtomicInteger();
        final AtomicInteger releases = new AtomicInteger();
        volatile RuntimeException onRelease;

        ScriptedLimiter then(LongSupplier wait) {
            waits.add(wait);
            return this;
        }

        ScriptedLimiter thenWait(long nanos, int times) {
            for (int i = 0; i < times; i++) {
                waits.add(() -> nanos);
            }
            return this;
        }

        @Override
        public long tryAcquire() {
            acquires.incrementAndGet();
            LongSupplier wait;
            synchronized (this) {
                wait = waits.poll();
            }
            return wait == null ? 0 : wait.getAsLong();
        }

        @Override
        public void release() {
            releases.incrementAndGet();
            if (onRelease != null) {
                throw onRelease;
            }
        }
    }

    /** Telemetry that writes down what it is told, one line per event. */
    static final class RecordingTelemetry implements CallTelemetry {
        final List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<Thread> endThreads = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public void spilled(long bytes) {
            events.add("spilled " + bytes);
        }

        @Override
        public Call start(String maskedBizToken) {
            events.add("start " + maskedBizToken);
            return new Call() {
                @Override
                public Scope attempt() {
                    return Scope.NONE;
                }

                @Override
                public void permitWait() {
                    events.add("permitWait");
                }

                @Override
                public void retry(int attempt, String errorType) {
                    events.add("retry " + attempt + " " + errorType);
                }

                @Override
                public <T> void end(T answer, Throwable failure, int attempts, CallTarget<T> target) {
                    endThreads.add(Thread.currentThread());
                    events.add("end " + answer + " " + (failure == null ? "-" : failure.getClass().getSimpleName())
                            + " " + attempts);
                }
            };
        }

        @Override
        public void close() {
        }
    }
}
