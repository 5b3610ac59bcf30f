package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdException;
import io.github.faceid4j.ServiceClosedException;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.emulator.FaceIdEmulator;
import io.github.faceid4j.emulator.FaceIdEmulatorExtension;
import io.github.faceid4j.emulator.Scenario;
import io.github.faceid4j.model.VerificationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A model-based test of the call path: random sequences of sync and async calls with random deadlines, against
 * limiters and credentials providers that are slow, failing or blocking, with slow and throwing callbacks,
 * cancellations, emulator faults and {@code close()} at a random point. After every sequence:
 * <ul>
 *   <li>every permit taken was released exactly once, and the local limiter has nothing in flight;</li>
 *   <li>every call completed, normally or with a {@link FaceIdException} (or cancelled by the test), no later than
 *       its deadline (or the {@code close()}) plus {@link #BOUND};</li>
 *   <li>no timer or I/O thread of the service is alive after {@code close()}.</li>
 * </ul>
 * Each sequence is generated from one seed. The number of sequences is {@code faceid4j.model.sequences} (the build
 * sets it; {@code -Pfuzz} sets many more); a failure names its seed, and
 * {@code -Dfaceid4j.model.seed=<seed> -Dfaceid4j.model.sequences=1} replays exactly that sequence.
 */
class CallPathModelTest {

    @RegisterExtension
    static final FaceIdEmulatorExtension EMULATOR = new FaceIdEmulatorExtension(
            FaceIdEmulator.builder().handlerThreads(128));

    /**
     * How late a call may complete after its deadline or the close. The design target is ~100 ms (on an idle
     * 2-core machine the worst seen is far below it); the default leaves room for a machine shared by several
     * builds, where a runnable thread can wait hundreds of milliseconds for a core. Without the fixes the lateness
     * was unbounded (a slow provider: seconds). {@code -Dfaceid4j.model.boundMillis=100} holds it to the target.
     */
    static final long BOUND = TimeUnit.MILLISECONDS.toNanos(Long.getLong("faceid4j.model.boundMillis", 500));
    private static final long NANOS_PER_MILLI = 1_000_000;

    @Test
    void randomInterleavingsKeepEveryInvariant() throws Exception {
        int sequences = Integer.getInteger("faceid4j.model.sequences", 2000);
        long first = Long.getLong("faceid4j.model.seed", System.nanoTime());
        int lanes = Math.min(sequences, LANES);
        ExecutorService callers = Executors.newCachedThreadPool();
        AtomicLong worstLateness = new AtomicLong(Long.MIN_VALUE);
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        // thousands of expected failures: their WARNING lines would only bury the build's log
        java.util.logging.Logger library = java.util.logging.Logger.getLogger(RequestLogging.LOGGER);
        java.util.logging.Level level = library.getLevel();
        library.setLevel(java.util.logging.Level.OFF);
        try {
            // independent lanes, each running whole sequences one after another: most of a sequence is waiting
            List<CompletableFuture<Void>> running = new ArrayList<>();
            for (int lane = 0; lane < lanes; lane++) {
                running.add(CompletableFuture.runAsync(() -> {
                    for (int i = next.getAndIncrement(); i < sequences; i = next.getAndIncrement()) {
                        long seed = first + i;
                        Outcome outcome;
                        try {
                            outcome = runSequence(seed, callers, i < WARM_UP && sequences > 1);
                        } catch (AssertionError | Exception e) {
                            next.set(sequences); // stop the other lanes
                            throw new AssertionError("sequence with seed " + seed + " broke an invariant; replay it"
                                    + " with -Dfaceid4j.model.seed=" + seed + " -Dfaceid4j.model.sequences=1", e);
                        }
                        worstLateness.accumulateAndGet(outcome.worstLateness, Math::max);
                        calls.addAndGet(outcome.calls);
                    }
                }, callers));
            }
            try {
                CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).join();
            } catch (CompletionException e) {
                throw (AssertionError) e.getCause();
            }
        } finally {
            callers.shutdownNow();
            library.setLevel(level);
        }
        System.out.printf("CallPathModelTest: %d sequences (%d calls) from seed %d in %d s; latest completion %s"
                        + " after its deadline or close (bound %d ms; first %d sequences not timed)%n", sequences,
                calls.get(), first, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started),
                worstLateness.get() == Long.MIN_VALUE ? "-" : worstLateness.get() / NANOS_PER_MILLI + " ms",
                BOUND / NANOS_PER_MILLI, WARM_UP);
    }

    /** Sequences run at once, each against its own service. */
    static final int LANES = 4;

    record Outcome(int calls, long worstLateness) {
    }

    /** One tracked call: when it must be complete by, and when it was. */
    static final class Call {
        volatile long deadline;
        final boolean async;
        volatile long completedAt;
        volatile Throwable failure;
        volatile boolean cancelledByTest;
        final boolean startedAfterClose;

        Call(long deadline, boolean async, boolean startedAfterClose) {
            this.deadline = deadline;
            this.async = async;
            this.startedAfterClose = startedAfterClose;
        }
    }

    /** A real sliding-window limiter, counted, made slow, failing or blocking by the sequence's seed. */
    static final class ModelLimiter implements RateLimiter {
        final SlidingWindowRateLimiter delegate;
        final AtomicInteger taken = new AtomicInteger();
        final AtomicInteger released = new AtomicInteger();
        final Random random;
        final int slowMillis;
        final int failPercent;

        ModelLimiter(Random random) {
            this.random = random;
            this.delegate = SlidingWindowRateLimiter.of(1 + random.nextInt(6), Duration.ofMillis(20 + random.nextInt(100)));
            int kind = random.nextInt(4);
            this.slowMillis = kind == 1 ? random.nextInt(40) : kind == 2 ? 30 + random.nextInt(100) : 0;
            this.failPercent = kind == 3 ? 30 : 0;
        }

        @Override
        public long tryAcquire() {
            int roll;
            synchronized (random) {
                roll = random.nextInt(100);
            }
            if (roll < failPercent) {
                throw new IllegalStateException("limiter down");
            }
            long wait = delegate.tryAcquire();
            if (wait <= 0) {
                taken.incrementAndGet();
            }
            sleep(slowMillis); // with the permit taken: as a cluster limiter waiting for its grid
            return wait;
        }

        @Override
        public void release() {
            released.incrementAndGet();
            delegate.release();
        }
    }

    static void sleep(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Scenario scenario(Random random) {
        return switch (random.nextInt(10)) {
            case 0 -> Scenario.internalError();
            case 1 -> Scenario.slow(Duration.ofMillis(random.nextInt(100)), Scenario.passed());
            case 2 -> Scenario.malformedBody();
            case 3 -> Scenario.truncatedMidBody();
            case 4 -> Scenario.html(502);
            case 5 -> Scenario.rateLimited();
            default -> Scenario.passed();
        };
    }

    /**
     * The first sequences of a JVM load and compile the call path's classes (the first timeout, the first log
     * line...), which can take longer than {@link #BOUND} on a busy machine: their timing is not held to it.
     */
    static final int WARM_UP = 20;

    private Outcome runSequence(long seed, ExecutorService callers, boolean warmUp) throws Exception {
        Random random = new Random(seed);
        FaceIdEmulator emulator = EMULATOR.get();
        Credentials real = Credentials.of(emulator.secretId(), emulator.secretKey());
        int providerKind = random.nextInt(5);
        int providerMillis = providerKind == 1 ? random.nextInt(30) : providerKind == 2 ? 30 + random.nextInt(100) : 0;
        CredentialsProvider provider = () -> {
            sleep(providerMillis);
            if (providerKind == 3 && ThreadLocalRandomHolder.roll() < 30) {
                throw new CredentialsUnavailableException("the model's provider");
            }
            return real;
        };
        ModelLimiter limiter = new ModelLimiter(new Random(random.nextLong()));
        Duration callTimeout = Duration.ofMillis(10 + random.nextInt(120));
        VerificationResultService service = FaceIdServiceBuilder.create()
                .region("ap-jakarta")
                .endpoint(emulator.endpoint())
                .credentialsProvider(provider)
                .rateLimiter(limiter)
                .rateLimitMaxWait(Duration.ofMillis(random.nextInt(150) + 1))
                .callTimeout(callTimeout)
                .readTimeout(Duration.ofMillis(30 + random.nextInt(150)))
                .retryPolicy(new RetryPolicy(1 + random.nextInt(3), Duration.ofMillis(1), Duration.ofMillis(20)))
                .maxConcurrency(1 + random.nextInt(4))
                .build();
        String timerThreads = "faceid-timer-" + ((JerseyVerificationResultService) service).number() + "-";
        String ioThreads = "faceid-io-" + ((JerseyVerificationResultService) service).number() + "-";
        int n = 1 + random.nextInt(8);
        int closeAfter = random.nextInt(4) == 0 ? Integer.MAX_VALUE : random.nextInt(n + 1);
        List<Call> calls = new ArrayList<>();
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long closedAt = Long.MAX_VALUE;
        for (int i = 0; i <= n; i++) {
            if (i == closeAfter) {
                sleep(random.nextInt(15));
                closedAt = System.nanoTime();
                long closeStart = System.nanoTime();
                service.close();
                assertThat(System.nanoTime() - closeStart).as("close() returns within a bound")
                        .isLessThan(TimeUnit.MILLISECONDS.toNanos(1000) + BOUND);
            }
            if (i == n) {
                break;
            }
            String token = "model-" + seed + "-" + i;
            emulator.script(token, scenario(random), scenario(random), scenario(random));
            boolean async = random.nextBoolean();
            int callbackKind = random.nextInt(4);
            int cancelAfter = random.nextInt(5) == 0 ? random.nextInt(50) : -1;
            sleep(random.nextInt(5));
            Call call = new Call(System.nanoTime() + callTimeout.toNanos(), async, closedAt != Long.MAX_VALUE);
            calls.add(call);
            if (async) {
                CompletableFuture<VerificationResult> stage = service.getResultAsync(token).toCompletableFuture();
                // application callbacks: slow, throwing or none; registered before the timing one, which so runs
                // first (a future's dependents run last-registered first)
                if (callbackKind == 1) {
                    stage.whenComplete((r, e) -> sleep(100));
                } else if (callbackKind == 2) {
                    stage.thenAccept(r -> {
                        throw new IllegalStateException("application bug");
                    });
                }
                pending.add(stage.whenComplete((r, e) -> {
                    call.completedAt = System.nanoTime();
                    call.failure = e;
                }).exceptionally(e -> null));
                if (cancelAfter >= 0) {
                    callers.execute(() -> {
                        sleep(cancelAfter);
                        call.cancelledByTest = true; // before: the stage's callbacks run inside cancel()
                        stage.cancel(false);
                    });
                }
            } else {
                pending.add(CompletableFuture.runAsync(() -> {
                    call.deadline = System.nanoTime() + callTimeout.toNanos(); // this thread's call starts now
                    try {
                        service.getResult(token);
                    } catch (Throwable e) {
                        call.failure = e;
                    } finally {
                        call.completedAt = System.nanoTime();
                    }
                }, callers));
            }
        }
        if (closeAfter > n) {
            // no close during the sequence: every call ends by its deadline; then close
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .get(callTimeout.toMillis() + 5000, TimeUnit.MILLISECONDS);
            closedAt = System.nanoTime();
            service.close();
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);

        long worst = Long.MIN_VALUE;
        for (Call call : calls) {
            long endBy = Math.min(call.deadline, Math.max(closedAt, call.deadline - callTimeout.toNanos()));
            long lateness = call.completedAt - endBy;
            if (!(call.failure instanceof CancellationException) && !call.startedAfterClose && !warmUp) {
                worst = Math.max(worst, lateness);
                assertThat(lateness).as("completed %d ms after its deadline or the close (%s call, %s, closed: %s)",
                        lateness / NANOS_PER_MILLI, call.async ? "async" : "sync", call.failure,
                        closedAt != Long.MAX_VALUE).isLessThanOrEqualTo(BOUND);
            }
            Throwable failure = call.failure instanceof CompletionException c ? c.getCause() : call.failure;
            if (failure instanceof CancellationException) {
                assertThat(call.cancelledByTest).as("cancelled by the test, not by the service").isTrue();
            } else if (call.startedAfterClose) {
                assertThat(failure).as("a call on a closed service").isInstanceOf(IllegalStateException.class);
            } else if (failure instanceof IllegalStateException) {
                assertThat(call.completedAt).as("a call refused as the service closed: %s", failure)
                        .isGreaterThanOrEqualTo(closedAt);
            } else if (failure != null) {
                assertThat(failure).isInstanceOf(FaceIdException.class);
            }
            if (call.completedAt > closedAt + BOUND && failure != null) {
                assertThat(failure).isNotInstanceOf(ServiceClosedException.class);
            }
        }
        assertThat(limiter.released.get()).as("permits released").isEqualTo(limiter.taken.get());
        assertThat(limiter.delegate.inFlight()).as("the local limiter's permits in flight").isZero();
        // close() returns once the pools have terminated; a pool's last thread ends just after that
        List<Thread> serviceThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(timerThreads) || t.getName().startsWith(ioThreads))
                .collect(Collectors.toList());
        for (Thread thread : serviceThreads) {
            thread.join(100);
        }
        List<String> left = serviceThreads.stream().filter(Thread::isAlive)
                .map(t -> t.getName() + " " + java.util.Arrays.toString(t.getStackTrace()))
                .collect(Collectors.toList());
        assertThat(left).as("service threads alive after close()").isEmpty();
        return new Outcome(calls.size(), worst);
    }

    /** Randomness for the provider's failures, which run on the service's threads in any order. */
    static final class ThreadLocalRandomHolder {
        static int roll() {
            return java.util.concurrent.ThreadLocalRandom.current().nextInt(100);
        }
    }
}
