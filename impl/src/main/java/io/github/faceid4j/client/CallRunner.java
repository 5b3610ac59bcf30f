package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdException;
import io.github.faceid4j.FaceIdTransportException;
import io.github.faceid4j.ServiceClosedException;

import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The threads and the bookkeeping one service's calls share, whatever the action: a timer, an I/O pool (unless one
 * is supplied), a callback pool, and the set of outstanding calls. Runs a {@link ResilientCall} synchronously (the
 * caller's timed wait is the deadline's watchdog) or asynchronously (an application stage completed off the
 * service's threads), and ends every outstanding call on {@link #close}.
 *
 * <p>Application code never runs on the timer: an asynchronous call's stage is completed on the callback executor
 * (the supplied executor, else a small pool of the service's own), so a slow {@code thenAccept} delays neither the
 * deadlines and waits of other calls nor their exchanges.
 */
final class CallRunner {

    /** How long {@link #close} waits for the I/O threads to end once their exchanges have been aborted. */
    private static final long CLOSE_WAIT_MILLIS = 1000;
    /** Services built in this JVM: numbers the threads of each, e.g. {@code faceid-io-3-1}, to tell them apart. */
    private static final AtomicInteger SERVICES = new AtomicInteger();

    private final String serviceName;
    private final int number;
    private final ScheduledThreadPoolExecutor timer;
    private final ExecutorService io;
    private final boolean ownsIo;
    /** Completes asynchronous calls' stages, where application callbacks run. */
    private final ExecutorService callbacks;
    /** Calls started and not yet complete: ended by {@link #close}. */
    private final Set<ResilientCall<?>> outstanding = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile boolean closed;

    /**
     * @param serviceName   the service's interface, for the message of a call after close
     * @param threadPrefix  names the threads: {@code <prefix>timer-<number>-1}, {@code <prefix>io-<number>-1}
     * @param asyncExecutor the application's executor for exchanges and callbacks, or {@code null} for our own
     */
    CallRunner(String serviceName, String threadPrefix, ExecutorService asyncExecutor, int maxConcurrency) {
        this.serviceName = serviceName;
        this.number = SERVICES.incrementAndGet();
        this.timer = new ScheduledThreadPoolExecutor(1, daemonThreads(threadPrefix + "timer-" + number + "-"));
        this.timer.setRemoveOnCancelPolicy(true);
        this.ownsIo = asyncExecutor == null;
        this.io = ownsIo ? ioPool(maxConcurrency, threadPrefix + "io-" + number + "-") : asyncExecutor;
        this.callbacks = ownsIo ? callbackPool(threadPrefix + "callback-" + number + "-") : asyncExecutor;
    }

    /** This service's number in its threads' names. */
    int number() {
        return number;
    }

    /**
     * Runs a call and waits for its outcome until its deadline, on the caller's thread.
     *
     * @param onSuccess told of a successful call before it is returned (e.g. its attempts)
     * @throws IllegalStateException when the service is closed
     */
    <T> T callAndWait(CallTarget<T> target, ResilientCall.Policies policies, Consumer<ResilientCall<T>> onSuccess) {
        ResilientCall<T> call = start(target, policies, false);
        CompletableFuture<T> outcome = call.future();
        try {
            T answer;
            try {
                answer = outcome.get(Math.max(0, call.deadline() - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                call.expire(); // this thread is the call's watchdog
                answer = outcome.get();
            }
            onSuccess.accept(call);
            return answer;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof FaceIdException f ? f
                    : new FaceIdTransportException("FaceID call failed unexpectedly", e.getCause());
        } catch (InterruptedException e) {
            call.cancel();
            Thread.currentThread().interrupt();
            throw new FaceIdTransportException("interrupted while waiting for FaceID", e);
        }
    }

    /**
     * Runs a call; its stage completes on the callback executor, and cancelling the stage cancels the call.
     *
     * @param onSuccess told of a successful call before the stage completes (e.g. its attempts)
     * @throws IllegalStateException when the service is closed
     */
    <T> CompletionStage<T> callAsync(CallTarget<T> target, ResilientCall.Policies policies,
                                     Consumer<ResilientCall<T>> onSuccess) {
        ResilientCall<T> call = start(target, policies, true);
        CompletableFuture<T> stage = new CompletableFuture<>();
        call.future().whenComplete((answer, failure) -> deliver(stage, answer, failure, () -> onSuccess.accept(call)));
        stage.whenComplete((answer, failure) -> {
            if (failure instanceof CancellationException) {
                call.cancel(); // the application gave up: nothing more is sent, a permit held is given back
            }
        });
        return stage;
    }

    /** Completes an application's stage off the service's threads (see the class comment). */
    private <T> void deliver(CompletableFuture<T> stage, T answer, Throwable failure, Runnable onSuccess) {
        Runnable complete = failure == null ? () -> {
            onSuccess.run();
            stage.complete(answer);
        } : () -> stage.completeExceptionally(failure);
        try {
            callbacks.execute(complete);
        } catch (RejectedExecutionException e) {
            complete.run(); // closed: on the thread that closed the service or ended the call
        }
    }

    private <T> ResilientCall<T> start(CallTarget<T> target, ResilientCall.Policies policies, boolean watchdog) {
        if (closed) {
            throw new IllegalStateException("this " + serviceName + " is closed");
        }
        ResilientCall<T> call = ResilientCall.create(target, policies, timer, io);
        outstanding.add(call);
        call.future().whenComplete((r, e) -> outstanding.remove(call));
        if (closed) {
            call.abort(ResilientCall.closed()); // close() ran between the check and the registration
        } else {
            call.begin(watchdog);
        }
        return call;
    }

    /**
     * Ends every outstanding call at once with {@link ServiceClosedException}, runs {@code abortExchanges} (their
     * permits are given back as they end), and stops the timer and the service's own threads. Returns within about
     * a second even when an application's credentials provider or limiter holds an I/O thread.
     *
     * @return false when it had already been closed
     */
    boolean close(Runnable abortExchanges) {
        if (!closing.compareAndSet(false, true)) {
            return false;
        }
        closed = true;
        for (ResilientCall<?> call : outstanding) {
            call.abort(ResilientCall.closed());
        }
        timer.shutdownNow();
        abortExchanges.run();
        if (ownsIo) {
            io.shutdownNow(); // what is queued belongs to calls just ended; interrupts a thread in a slow provider
            callbacks.shutdown(); // deliveries already handed over still run
        }
        try {
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MILLIS);
            timer.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            if (ownsIo) {
                io.awaitTermination(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    private static ExecutorService ioPool(int threads, String prefix) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads(prefix));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Threads as needed, kept a while: a slow callback never delays another call's completion. */
    private static ExecutorService callbackPool(String prefix) {
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                daemonThreads(prefix));
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
