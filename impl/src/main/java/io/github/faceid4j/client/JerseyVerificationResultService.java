package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdException;
import io.github.faceid4j.FaceIdTransportException;
import io.github.faceid4j.InvalidBizTokenException;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.model.VerificationResult;

import java.util.concurrent.CompletableFuture;
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
 * <p>Synchronous and asynchronous calls share one mechanism, {@link ResilientCall}; a synchronous call waits for
 * its outcome, and makes its first attempt on its own thread when a permit is free (it would block anyway). The service owns a timer thread and, unless one is supplied, a bounded I/O pool; {@link #close()}
 * stops them.
 */
final class JerseyVerificationResultService implements VerificationResultService {

    /** Tokens are UUIDs today; this leaves room while keeping junk and injection out of the request. */
    static final int MAX_BIZ_TOKEN_LENGTH = 128;
    private static final Pattern BIZ_TOKEN = Pattern.compile("[A-Za-z0-9._~-]+");

    private final FaceIdServiceBuilder.Settings settings;
    private final Transport transport;
    private final ResilientCall.Policies policies;
    private final ScheduledThreadPoolExecutor timer;
    private final ExecutorService io;
    private final boolean ownsIo;
    private volatile boolean closed;

    JerseyVerificationResultService(FaceIdServiceBuilder.Settings settings) {
        this.settings = settings;
        this.transport = new Transport(settings);
        this.policies = new ResilientCall.Policies(settings.rateLimiter(), settings.rateLimitMaxWait(),
                settings.retryPolicy(), settings.callTimeout(), settings.connectTimeout(), settings.readTimeout(),
                settings.logRequests());
        this.timer = new ScheduledThreadPoolExecutor(1, daemonThreads("faceid-timer-"));
        this.timer.setRemoveOnCancelPolicy(true);
        this.ownsIo = settings.asyncExecutor() == null;
        this.io = ownsIo ? ioPool(settings.maxConcurrency()) : settings.asyncExecutor();
    }

    @Override
    public VerificationResult getResult(String bizToken) {
        CompletableFuture<VerificationResult> call = start(bizToken, true);
        try {
            return call.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof FaceIdException f ? f
                    : new FaceIdTransportException("FaceID call failed unexpectedly", e.getCause());
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new FaceIdTransportException("interrupted while waiting for FaceID", e);
        }
    }

    @Override
    public CompletionStage<VerificationResult> getResultAsync(String bizToken) {
        try {
            return start(bizToken, false);
        } catch (FaceIdException | IllegalStateException e) {
            return CompletableFuture.failedFuture(e); // same types, through the stage, never thrown at the caller
        }
    }

    private CompletableFuture<VerificationResult> start(String bizToken, boolean callerWaits) {
        if (closed) {
            throw new IllegalStateException("this VerificationResultService is closed");
        }
        validate(bizToken);
        return ResilientCall.start(bizToken, policies, transport, timer, io, callerWaits);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        timer.shutdownNow();
        if (ownsIo) {
            io.shutdown();
            try {
                if (!io.awaitTermination(settings.readTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                    io.shutdownNow();
                }
            } catch (InterruptedException e) {
                io.shutdownNow();
                Thread.currentThread().interrupt();
            }
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

    private static ExecutorService ioPool(int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads("faceid-io-"));
        pool.allowCoreThreadTimeOut(true);
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
