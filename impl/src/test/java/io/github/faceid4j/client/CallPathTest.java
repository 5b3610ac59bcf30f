package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdException;
import io.github.faceid4j.FaceIdTimeoutException;
import io.github.faceid4j.RateLimitTimeoutException;
import io.github.faceid4j.ServiceClosedException;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.emulator.FaceIdEmulatorExtension;
import io.github.faceid4j.emulator.Scenario;
import io.github.faceid4j.model.VerificationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The call path's promises, each with the interleaving that broke it: permits are given back whatever happens,
 * the deadline holds for the synchronous first attempt too, {@code close()} completes what is outstanding, and no
 * application callback runs on the service's timer thread.
 */
class CallPathTest {

    @RegisterExtension
    static final FaceIdEmulatorExtension EMULATOR = new FaceIdEmulatorExtension();

    /** A limiter counting what it gives and gets back, and taking {@code delay} to answer. */
    static final class CountingLimiter implements RateLimiter {
        final AtomicInteger taken = new AtomicInteger();
        final AtomicInteger released = new AtomicInteger();
        volatile long delayMillis;
        volatile long waitNanos; // > 0: no permit, try again after this

        @Override
        public long tryAcquire() {
            sleep(delayMillis);
            if (waitNanos > 0) {
                return waitNanos;
            }
            taken.incrementAndGet();
            return 0;
        }

        @Override
        public void release() {
            released.incrementAndGet();
        }
    }

    static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static FaceIdServiceBuilder builder() {
        return FaceIdServiceBuilder.create()
                .region("ap-jakarta")
                .endpoint(EMULATOR.get().endpoint())
                .credentials(Credentials.of(EMULATOR.get().secretId(), EMULATOR.get().secretKey()))
                .maxAttempts(1);
    }

    @Test
    void aPermitTakenAfterTheDeadlineIsGivenBack() throws Exception {
        CountingLimiter limiter = new CountingLimiter();
        limiter.delayMillis = 300;
        try (VerificationResultService service = builder().rateLimiter(limiter).callTimeout(Duration.ofMillis(200))
                .build()) {
            List<CompletableFuture<VerificationResult>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(service.getResultAsync("passed-" + i).toCompletableFuture());
            }
            for (CompletableFuture<VerificationResult> call : calls) {
                assertThatThrownBy(call::get).hasCauseInstanceOf(FaceIdTimeoutException.class);
            }
            assertThatThrownBy(() -> service.getResult("passed-sync")).isInstanceOf(FaceIdTimeoutException.class);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (limiter.released.get() < limiter.taken.get() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertThat(limiter.taken.get()).as("permits taken").isPositive();
            assertThat(limiter.released.get()).as("permits released").isEqualTo(limiter.taken.get());
        }
    }

    @Test
    void theDeadlineCoversASlowCredentialsProviderOnTheSynchronousPath() {
        Credentials real = Credentials.of(EMULATOR.get().secretId(), EMULATOR.get().secretKey());
        try (VerificationResultService service = builder().callTimeout(Duration.ofSeconds(1))
                .credentialsProvider(() -> {
                    sleep(3000);
                    return real;
                }).build()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> service.getResult("passed-slow-credentials"))
                    .isInstanceOf(FaceIdTimeoutException.class).hasMessageContaining("callTimeout");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
        }
        assertThat(EMULATOR.get().requestsFor("passed-slow-credentials")).as("nothing sent after the deadline")
                .isEmpty();
    }

    @Test
    void theDeadlineCoversABlockingLimiterOnTheSynchronousPath() {
        CountingLimiter limiter = new CountingLimiter();
        limiter.delayMillis = 3000;
        try (VerificationResultService service = builder().rateLimiter(limiter).callTimeout(Duration.ofSeconds(1))
                .build()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> service.getResult("passed-blocking-limiter"))
                    .isInstanceOf(FaceIdTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
        }
    }

    @Test
    void closeCompletesACallWaitingForAPermitAndOneInItsExchange() throws Exception {
        CountingLimiter limiter = new CountingLimiter();
        limiter.waitNanos = TimeUnit.MILLISECONDS.toNanos(200);
        EMULATOR.get().script("slow-close", Scenario.slow(Duration.ofSeconds(20), Scenario.passed()));
        VerificationResultService service = builder().callTimeout(Duration.ofMinutes(1))
                .rateLimitMaxWait(Duration.ofMinutes(1)).readTimeout(Duration.ofSeconds(30)).rateLimiter(limiter)
                .build();
        CompletableFuture<VerificationResult> waiting = service.getResultAsync("passed-waits").toCompletableFuture();
        AtomicReference<Throwable> syncFailure = new AtomicReference<>();
        Thread sync = new Thread(() -> {
            try {
                service.getResult("passed-waits-sync");
            } catch (Throwable e) {
                syncFailure.set(e);
            }
        });
        sync.start();
        Thread.sleep(300);
        limiter.waitNanos = 0;
        CompletableFuture<VerificationResult> exchanging = service.getResultAsync("slow-close").toCompletableFuture();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (EMULATOR.get().requestsFor("slow-close").isEmpty() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        limiter.waitNanos = TimeUnit.MILLISECONDS.toNanos(200);
        Thread.sleep(100);

        long start = System.nanoTime();
        service.close();
        Duration closing = Duration.ofNanos(System.nanoTime() - start);
        for (CompletableFuture<VerificationResult> call : List.of(waiting, exchanging)) {
            assertThatThrownBy(() -> call.get(500, TimeUnit.MILLISECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(ServiceClosedException.class);
        }
        sync.join(500);
        assertThat(syncFailure.get()).isInstanceOf(ServiceClosedException.class);
        assertThat(closing).as("close() returns promptly").isLessThan(Duration.ofMillis(2500));
        assertThat(limiter.released.get()).as("the exchange's permit").isEqualTo(limiter.taken.get());
        Thread.sleep(200);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.isAlive()
                && (t.getName().startsWith("faceid-timer-") || t.getName().startsWith("faceid-io-")));
    }

    @Test
    void callbacksNeverRunOnTheTimerThread() throws Exception {
        CountingLimiter limiter = new CountingLimiter();
        limiter.delayMillis = 1000; // holds the I/O thread: the deadline's watchdog completes the call
        try (VerificationResultService service = builder().rateLimiter(limiter).callTimeout(Duration.ofMillis(300))
                .build()) {
            AtomicReference<String> thread = new AtomicReference<>();
            CountDownLatch slowCallbackRunning = new CountDownLatch(1);
            CompletableFuture<Void> slow = service.getResultAsync("passed-cb-1").toCompletableFuture()
                    .handle((r, e) -> {
                        thread.set(Thread.currentThread().getName());
                        slowCallbackRunning.countDown();
                        sleep(2000);
                        return null;
                    });
            assertThat(slowCallbackRunning.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(thread.get()).doesNotStartWith("faceid-timer-");
            // while that callback is busy, the deadlines of other calls are kept
            long start = System.nanoTime();
            assertThatThrownBy(() -> service.getResultAsync("passed-cb-2").toCompletableFuture().get())
                    .cause().isInstanceOf(FaceIdTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1200));
            slow.get();
        }
    }

    @Test
    void aPermitWaitThatCannotEndInTimeFailsAtOnceWithRateLimitTimeout() {
        CountingLimiter limiter = new CountingLimiter();
        limiter.waitNanos = TimeUnit.SECONDS.toNanos(5);
        try (VerificationResultService service = builder().rateLimiter(limiter).callTimeout(Duration.ofSeconds(2))
                .rateLimitMaxWait(Duration.ofMillis(500)).build()) {
            assertThatThrownBy(() -> service.getResult("passed-rl")).isInstanceOf(RateLimitTimeoutException.class);
        }
    }
}
