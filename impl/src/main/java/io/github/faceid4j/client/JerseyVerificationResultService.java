package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdException;
import io.github.faceid4j.FaceIdTransportException;
import io.github.faceid4j.InvalidBizTokenException;
import io.github.faceid4j.ServiceClosedException;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.model.VerificationResult;

import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ObjIntConsumer;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * {@link VerificationResultService} over one reused Jersey client. Built by {@link FaceIdServiceBuilder}.
 *
 * <p>Synchronous and asynchronous calls share one mechanism, {@link ResilientCall}, whose attempts all run on the
 * I/O executor; a synchronous call waits for its outcome until the deadline. The service owns a timer thread and,
 * unless one is supplied, a bounded I/O pool; {@link #close()} ends every outstanding call with
 * {@link ServiceClosedException}, aborts the exchanges in flight and stops the threads.
 *
 * <p>Application code never runs on the timer: an asynchronous call's stage is completed on the callback executor
 * (the supplied executor, else a small pool of the service's own), so a slow {@code thenAccept} delays neither the
 * deadlines and waits of other calls nor their exchanges.
 */
final class JerseyVerificationResultService implements VerificationResultService {

    /** Tokens are UUIDs today; this leaves room while keeping junk and injection out of the request. */
    static final int MAX_BIZ_TOKEN_LENGTH = 128;
    private static final Pattern BIZ_TOKEN = Pattern.compile("[A-Za-z0-9._~-]+");
    /** How long {@link #close()} waits for the I/O threads to end once their exchanges have been aborted. */
    private static final long CLOSE_WAIT_MILLIS = 1000;

    private final Transport transport;
    private final ResilientCall.Policies policies;
    private final ScheduledThreadPoolExecutor timer;
    private final ExecutorService io;
    private final boolean ownsIo;
    /** Completes asynchronous calls' stages, where application callbacks run. */
    private final ExecutorService callbacks;
    /** Calls started and not yet complete: ended by {@link #close()}. */
    private final Set<ResilientCall> outstanding = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final ObjIntConsumer<VerificationResult> attemptsObserver;
    private volatile boolean closed;
    /** Services built in this JVM: numbers the threads of each, e.g. {@code faceid-io-3-1}, to tell them apart. */
    private static final AtomicInteger SERVICES = new AtomicInteger();
    private final int number;

    JerseyVerificationResultService(FaceIdServiceBuilder.Settings settings) {
        this.transport = new Transport(settings);
        this.attemptsObserver = settings.attemptsObserver();
        this.policies = new ResilientCall.Policies(settings.rateLimiter(), settings.rateLimitMaxWait(),
                settings.retryPolicy(), settings.callTimeout(), settings.connectTimeout(), settings.readTimeout(),
                settings.logRequests());
        this.number = SERVICES.incrementAndGet();
        this.timer = new ScheduledThreadPoolExecutor(1, daemonThreads("faceid-timer-" + number + "-"));
        this.timer.setRemoveOnCancelPolicy(true);
        this.ownsIo = settings.asyncExecutor() == null;
        this.io = ownsIo ? ioPool(settings.maxConcurrency(), number) : settings.asyncExecutor();
        this.callbacks = ownsIo ? callbackPool(number) : settings.asyncExecutor();
    }

    @Override
    public VerificationResult getResult(String bizToken) {
        ResilientCall call = start(bizToken, false);
        CompletableFuture<VerificationResult> outcome = call.future();
        try {
            VerificationResult answer;
            try {
                answer = outcome.get(Math.max(0, call.deadline() - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                call.expire(); // this thread is the call's watchdog
                answer = outcome.get();
            }
            observe(answer, call);
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

    @Override
    public CompletionStage<VerificationResult> getResultAsync(String bizToken) {
        ResilientCall call;
        try {
            call = start(bizToken, true);
        } catch (FaceIdException | IllegalStateException e) {
            return CompletableFuture.failedFuture(e); // same types, through the stage, never thrown at the caller
        }
        CompletableFuture<VerificationResult> stage = new CompletableFuture<>();
        call.future().whenComplete((answer, failure) -> deliver(stage, answer, failure, call));
        stage.whenComplete((answer, failure) -> {
            if (failure instanceof CancellationException) {
                call.cancel(); // the application gave up: nothing more is sent, a permit held is given back
            }
        });
        return stage;
    }

    /** Completes an application's stage off the service's threads (see the class comment). */
    private void deliver(CompletableFuture<VerificationResult> stage, VerificationResult answer, Throwable failure,
                         ResilientCall call) {
        Runnable complete = failure == null ? () -> {
            observe(answer, call);
            stage.complete(answer);
        } : () -> stage.completeExceptionally(failure);
        try {
            callbacks.execute(complete);
        } catch (RejectedExecutionException e) {
            complete.run(); // closed: on the thread that closed the service or ended the call
        }
    }

    /** Tells the attempts observer, if any, how many requests a successful call took. */
    private void observe(VerificationResult answer, ResilientCall call) {
        if (attemptsObserver != null) {
            try {
                attemptsObserver.accept(answer, call.attempts());
            } catch (RuntimeException e) {
                RequestLogging.LOG.log(System.Logger.Level.WARNING, "the attempts observer failed ("
                        + e.getClass().getName() + "); the call's result is unchanged");
            }
        }
    }

    private ResilientCall start(String bizToken, boolean watchdog) {
        if (closed) {
            throw new IllegalStateException("this VerificationResultService is closed");
        }
        validate(bizToken);
        ResilientCall call = ResilientCall.create(bizToken, policies, transport, timer, io);
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
     * Ends every outstanding call at once with {@link ServiceClosedException}, aborts the exchanges in flight (their
     * permits are given back as they end), stops the timer and the service's own threads, and closes the client.
     * Returns within about a second even when an application's credentials provider or limiter holds an I/O thread.
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        closed = true;
        for (ResilientCall call : outstanding) {
            call.abort(ResilientCall.closed());
        }
        timer.shutdownNow();
        transport.abortExchanges();
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
        transport.close();
    }

    static void validate(String bizToken) {
        if (bizToken == null || bizToken.isBlank()) {
            throw new InvalidBizTokenException("BizToken must not be blank");
        }
        if (bizToken.length() > MAX_BIZ_TOKEN_LENGTH) {
            throw new InvalidBizTokenException("BizToken is longer than " + MAX_BIZ_TOKEN_LENGTH + " characters ("
                    + bizToken.length() + ")");
        }
        if (!BIZ_TOKEN.matcher(bizToken).matches()) {
            throw new InvalidBizTokenException("BizToken " + Redaction.prefix(bizToken)
                    + " has characters other than letters, digits, '-', '_', '.' and '~'");
        }
    }

    /** This service's number in its threads' names ({@code faceid-timer-<number>-1}). */
    int number() {
        return number;
    }

    private static ExecutorService ioPool(int threads, int service) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads("faceid-io-" + service + "-"));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /** Threads as needed, kept a while: a slow callback never delays another call's completion. */
    private static ExecutorService callbackPool(int service) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), daemonThreads("faceid-callback-" + service + "-"));
        return pool;
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
