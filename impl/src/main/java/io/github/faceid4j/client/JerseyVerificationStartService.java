package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdException;
import io.github.faceid4j.FaceIdTransportException;
import io.github.faceid4j.InvalidRequestException;
import io.github.faceid4j.VerificationStartService;
import io.github.faceid4j.model.start.StartedVerification;
import io.github.faceid4j.model.start.WebVerificationRequest;

import java.io.UncheckedIOException;
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

/**
 * {@link VerificationStartService} over the same machinery as the result service ({@link Transport} with its
 * signing, {@link ResilientCall} with its permits, retries and deadline), with a rate limiter of its own: Apply has
 * its own budget of 20 requests per second. Built by {@link FaceIdServiceBuilder#buildStartService()}.
 */
final class JerseyVerificationStartService implements VerificationStartService {

    private final FaceIdServiceBuilder.Settings settings;
    private final Transport transport;
    private final ApplyCodec codec = new ApplyCodec();
    private final ResilientCall.Policies policies;
    private final ScheduledThreadPoolExecutor timer;
    private final ExecutorService io;
    private final boolean ownsIo;
    private volatile boolean closed;

    JerseyVerificationStartService(FaceIdServiceBuilder.Settings settings, RateLimiter limiter) {
        this.settings = settings;
        this.transport = new Transport(settings);
        this.policies = new ResilientCall.Policies(limiter, settings.rateLimitMaxWait(), settings.retryPolicy(),
                settings.callTimeout(), settings.connectTimeout(), settings.readTimeout(), settings.logRequests());
        this.timer = new ScheduledThreadPoolExecutor(1, daemonThreads("faceid-apply-timer-"));
        this.timer.setRemoveOnCancelPolicy(true);
        this.ownsIo = settings.asyncExecutor() == null;
        this.io = ownsIo ? ioPool(settings.maxConcurrency()) : settings.asyncExecutor();
    }

    @Override
    public StartedVerification start(WebVerificationRequest request) {
        CompletableFuture<StartedVerification> call = begin(request, true);
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
    public CompletionStage<StartedVerification> startAsync(WebVerificationRequest request) {
        try {
            return begin(request, false);
        } catch (FaceIdException | IllegalStateException e) {
            return CompletableFuture.failedFuture(e); // same types, through the stage, never thrown at the caller
        }
    }

    private CompletableFuture<StartedVerification> begin(WebVerificationRequest request, boolean callerWaits) {
        if (closed) {
            throw new IllegalStateException("this VerificationStartService is closed");
        }
        if (request == null) {
            throw new InvalidRequestException("request", "must not be null");
        }
        StreamedBody body;
        try {
            body = codec.requestBody(request); // hashes a compare image: read once here, once per attempt
        } catch (UncheckedIOException e) {
            throw new InvalidRequestException("CompareImageBase64", "the image could not be read ("
                    + e.getCause().getClass().getSimpleName() + "); nothing was sent");
        }
        return ResilientCall.start(new CallTarget<>() {
            @Override
            public StartedVerification send(int connect, int read, Runnable answerBegan, long deadline) {
                return transport.apply(body, codec, connect, read, answerBegan, deadline);
            }

            @Override
            public String subject() {
                return ApplyCodec.ACTION;
            }

            @Override
            public String maskedBizToken() {
                return null;
            }

            @Override
            public String describe(StartedVerification answer) {
                return "BizToken " + Redaction.prefix(answer.bizToken()) + ", RequestId "
                        + RequestLogging.clean(String.valueOf(answer.requestId()));
            }
        }, policies, timer, io, callerWaits);
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

    private static ExecutorService ioPool(int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads("faceid-apply-io-"));
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
