package io.github.faceid4j.client;

import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.emulator.FaceIdEmulatorExtension;
import io.github.faceid4j.emulator.Scenario;
import io.github.faceid4j.model.VerificationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "getResultAsync never blocks its caller", measured in time: the caller gets its stage back long before a slow
 * server answers or a rate-limit permit is due. Looking at {@code isDone()} alone would pass a method that blocks
 * for most of the wait and then returns an unfinished stage.
 */
class AsyncNeverBlocksTest {

    @RegisterExtension
    static final FaceIdEmulatorExtension EMULATOR = new FaceIdEmulatorExtension();

    /** What the server or the limiter makes the call wait for. */
    static final Duration WAIT = Duration.ofSeconds(2);
    /**
     * Far below {@link #WAIT} and below a blocking of some hundreds of milliseconds, far above what returning a stage
     * costs (well under a millisecond), with room for a loaded 2-core machine.
     */
    static final Duration RETURNS_WITHIN = Duration.ofMillis(400);

    static FaceIdServiceBuilder builder() {
        return FaceIdServiceBuilder.create()
                .region("ap-jakarta")
                .endpoint(EMULATOR.get().endpoint())
                .credentials(Credentials.of(EMULATOR.get().secretId(), EMULATOR.get().secretKey()))
                .readTimeout(Duration.ofSeconds(10))
                .callTimeout(Duration.ofSeconds(10));
    }

    @Test
    void theCallerGetsItsStageBackWhileASlowServerIsStillAnswering() throws Exception {
        EMULATOR.get().script("slow-async", Scenario.slow(WAIT, Scenario.passed()));
        try (VerificationResultService service = builder().build()) {
            service.getResult("passed-warm"); // the first call of a service is not the subject here
            long start = System.nanoTime();
            CompletableFuture<VerificationResult> call = timed(() -> service.getResultAsync("slow-async"));
            assertThat(call).isNotDone();
            assertThat(call.get(15, TimeUnit.SECONDS).passed()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the server's delay was real")
                    .isGreaterThanOrEqualTo(WAIT.minusMillis(100));
        }
    }

    @Test
    void theCallerGetsItsStageBackWhileItsPermitIsNotYetDue() throws Exception {
        try (VerificationResultService service = builder().rateLimit(1, WAIT).build()) {
            service.getResult("passed-1");
            long start = System.nanoTime();
            CompletableFuture<VerificationResult> waiting = timed(() -> service.getResultAsync("passed-2"));
            assertThat(waiting).isNotDone();
            assertThat(waiting.get(15, TimeUnit.SECONDS).passed()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("the permit was waited for")
                    .isGreaterThanOrEqualTo(WAIT.minusMillis(1000));
        }
    }

    @Test
    void theFirstCallOfANewServiceDoesNotBlockEither() throws Exception {
        EMULATOR.get().script("slow-first", Scenario.slow(WAIT, Scenario.passed()));
        try (VerificationResultService service = builder().build()) {
            CompletableFuture<VerificationResult> call = timed(() -> service.getResultAsync("slow-first"));
            assertThat(call.get(15, TimeUnit.SECONDS).passed()).isTrue();
        }
    }

    private static CompletableFuture<VerificationResult> timed(Supplier<CompletionStage<VerificationResult>> call) {
        long start = System.nanoTime();
        CompletionStage<VerificationResult> stage = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("time getResultAsync held its caller").isLessThan(RETURNS_WITHIN);
        return stage.toCompletableFuture();
    }
}
