package io.github.faceid4j.client;

import io.github.faceid4j.AuthenticationException;
import io.github.faceid4j.BizTokenExpiredException;
import io.github.faceid4j.FaceIdDecodingException;
import io.github.faceid4j.FaceIdException;
import io.github.faceid4j.FaceIdTimeoutException;
import io.github.faceid4j.FaceIdTransportException;
import io.github.faceid4j.RateLimitTimeoutException;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.emulator.FaceIdEmulatorExtension;
import io.github.faceid4j.emulator.Scenario;
import io.github.faceid4j.model.VerificationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each fault asserts the exception type, how many attempts were made (as the exception says and as the emulator
 * saw), and that the call ended within its deadline; every case runs through {@code getResult} and
 * {@code getResultAsync} alike ({@link Path}).
 */
class FaultMatrixTest {

    @RegisterExtension
    static final FaceIdEmulatorExtension EMULATOR = new FaceIdEmulatorExtension();

    static final Duration DEADLINE = Duration.ofSeconds(4);

    static FaceIdServiceBuilder builder() {
        return FaceIdServiceBuilder.create()
                .region("ap-jakarta")
                .endpoint(EMULATOR.get().endpoint())
                .credentials(Credentials.of(EMULATOR.get().secretId(), EMULATOR.get().secretKey()))
                .readTimeout(Duration.ofMillis(500))
                .callTimeout(DEADLINE)
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(100)));
    }

    /** The two ways into the call path; every case of the matrix runs through both. */
    enum Path {
        SYNC {
            @Override
            VerificationResult call(VerificationResultService service, String token) {
                return service.getResult(token);
            }
        },
        ASYNC {
            @Override
            VerificationResult call(VerificationResultService service, String token) {
                try {
                    return service.getResultAsync(token).toCompletableFuture()
                            .get(DEADLINE.toMillis() + 5000, TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException failure) {
                        throw failure; // the stage fails with the same, unwrapped types as getResult
                    }
                    throw new AssertionError("not a RuntimeException", e.getCause());
                } catch (InterruptedException | TimeoutException e) {
                    throw new AssertionError("the stage did not complete", e);
                }
            }
        };

        abstract VerificationResult call(VerificationResultService service, String token);
    }

    /** Runs the call, asserts it failed with {@code type} after {@code attempts} attempts, within the deadline. */
    static <T extends FaceIdException> T fails(Path path, VerificationResultService service, String token,
                                               Class<T> type, int attempts) {
        long start = System.nanoTime();
        Throwable thrown = null;
        try {
            path.call(service, token);
        } catch (Throwable e) {
            thrown = e;
        }
        long elapsed = System.nanoTime() - start;
        assertThat(thrown).isInstanceOf(type);
        T failure = type.cast(thrown);
        assertThat(failure.attempts()).as("attempts the exception reports").isEqualTo(attempts);
        assertThat(elapsed).as("ended within the deadline").isLessThan(DEADLINE.toNanos() + TimeUnit.MILLISECONDS.toNanos(300));
        return failure;
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void slowResponseBeyondTheReadTimeout(Path path) {
        EMULATOR.get().script("slow-1", Scenario.slow(Duration.ofSeconds(3), Scenario.passed()));
        try (VerificationResultService service = builder().build()) {
            long start = System.nanoTime();
            fails(path, service, "slow-1", FaceIdTimeoutException.class, 1);
            assertThat(System.nanoTime() - start).isLessThan(TimeUnit.MILLISECONDS.toNanos(1500));
        }
        assertThat(EMULATOR.get().requestsFor("slow-1")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void overallDeadlineCutsASlowCallEvenWithALongReadTimeout(Path path) {
        EMULATOR.get().script("slow-2", Scenario.slow(Duration.ofSeconds(5), Scenario.passed()));
        try (VerificationResultService service = builder().readTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofMillis(700)).build()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> path.call(service, "slow-2")).isInstanceOf(FaceIdTimeoutException.class)
                    .hasMessageContaining("callTimeout");
            assertThat(System.nanoTime() - start).isBetween(TimeUnit.MILLISECONDS.toNanos(650), TimeUnit.MILLISECONDS.toNanos(1200));
        }
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void connectionRefusedIsRetriedThenReported(Path path) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (VerificationResultService service = builder().endpoint("http://127.0.0.1:" + closedPort).build()) {
            FaceIdTransportException e = fails(path, service, "passed-1", FaceIdTransportException.class, 3);
            assertThat(e.getClass()).as("a public type: events and the CLI show its name")
                    .isEqualTo(FaceIdTransportException.class);
            assertThat(e.getMessage()).contains("could not be reached");
        }
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void connectionResetMidBody(Path path) {
        EMULATOR.get().script("cut-1", Scenario.truncatedMidBody());
        try (VerificationResultService service = builder().build()) {
            fails(path, service, "cut-1", FaceIdTransportException.class, 1);
        }
        assertThat(EMULATOR.get().requestsFor("cut-1")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void truncatedJson(Path path) {
        EMULATOR.get().script("trunc-1", Scenario.malformedBody());
        try (VerificationResultService service = builder().build()) {
            FaceIdDecodingException e = fails(path, service, "trunc-1", FaceIdDecodingException.class, 1);
            assertThat(e.httpStatus()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void html502IsRetriedAndReportedWithItsStatus(Path path) {
        EMULATOR.get().script("html-1", Scenario.html(502));
        try (VerificationResultService service = builder().build()) {
            FaceIdDecodingException e = fails(path, service, "html-1", FaceIdDecodingException.class, 3);
            assertThat(e.httpStatus()).isEqualTo(502);
            assertThat(e.getMessage()).contains("HTTP 502");
        }
        assertThat(EMULATOR.get().requestsFor("html-1")).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void emptyBody(Path path) {
        EMULATOR.get().script("empty-1", Scenario.emptyBody());
        try (VerificationResultService service = builder().build()) {
            fails(path, service, "empty-1", FaceIdDecodingException.class, 1);
        }
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void oversizedBodyIsRefusedBeforeItFillsTheHeap(Path path) {
        EMULATOR.get().script("big-1", Scenario.oversizedBody(3L * 1024 * 1024));
        try (VerificationResultService service = builder().maxResponseBytes(1024 * 1024).build()) {
            FaceIdDecodingException e = fails(path, service, "big-1", FaceIdDecodingException.class, 1);
            assertThat(e.getMessage()).contains("maxResponseBytes");
        }
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void requestLimitExceededTwiceThenSuccess(Path path) {
        EMULATOR.get().script("rl-1", Scenario.rateLimited(), Scenario.rateLimited(), Scenario.passed());
        try (VerificationResultService service = builder().build()) {
            assertThat(path.call(service, "rl-1").passed()).isTrue();
        }
        assertThat(EMULATOR.get().requestsFor("rl-1")).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void internalErrorTwiceThenSuccess(Path path) {
        EMULATOR.get().script("ie-1", Scenario.internalError(), Scenario.internalError(), Scenario.passed());
        try (VerificationResultService service = builder().build()) {
            assertThat(path.call(service, "ie-1").passed()).isTrue();
        }
        assertThat(EMULATOR.get().requestsFor("ie-1")).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void internalErrorEveryTimeReportsAllAttempts(Path path) {
        EMULATOR.get().script("ie-2", Scenario.internalError());
        try (VerificationResultService service = builder().build()) {
            assertThat(fails(path, service, "ie-2", io.github.faceid4j.FaceIdServiceException.class, 3).errorCode())
                    .isEqualTo("InternalError");
        }
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void bizTokenExpiredExactlyOneAttempt(Path path) {
        try (VerificationResultService service = builder().build()) {
            fails(path, service, "expired-1", BizTokenExpiredException.class, 1);
        }
        assertThat(EMULATOR.get().requestsFor("expired-1")).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void wrongCredentialsExactlyOneAttempt(Path path) {
        try (VerificationResultService service = builder().credentials(Credentials.of("AKIDunknown", "nope")).build()) {
            fails(path, service, "passed-1", AuthenticationException.class, 1);
        }
        assertThat(EMULATOR.get().requests()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void retriesCanBeTurnedOff(Path path) {
        EMULATOR.get().script("ie-3", Scenario.internalError(), Scenario.passed());
        try (VerificationResultService service = builder().retryPolicy(RetryPolicy.NONE).build()) {
            fails(path, service, "ie-3", io.github.faceid4j.FaceIdServiceException.class, 1);
        }
    }

    @ParameterizedTest
    @EnumSource(Path.class)
    void noPermitWithinTheAllowedWaitIsATypedErrorAndSendsNothing(Path path) {
        try (VerificationResultService service = builder().rateLimit(1, Duration.ofSeconds(10))
                .rateLimitMaxWait(Duration.ofMillis(100)).build()) {
            assertThat(path.call(service, "passed-1").passed()).isTrue();
            RateLimitTimeoutException e = fails(path, service, "passed-2", RateLimitTimeoutException.class, 0);
            assertThat(e.getMessage()).contains("rateLimitMaxWait");
        }
        assertThat(EMULATOR.get().requests()).hasSize(1);
    }

    @Test
    void asyncNeverBlocksTheCallerWhileWaitingForAPermit() throws Exception {
        try (VerificationResultService service = builder().rateLimit(1, Duration.ofMillis(800)).build()) {
            service.getResult("passed-1");
            CompletableFuture<?> waiting = service.getResultAsync("passed-2").toCompletableFuture();
            assertThat(waiting).as("returned before its permit was due").isNotDone();
            assertThat(waiting.get(5, TimeUnit.SECONDS)).isNotNull();
            CompletableFuture<?> slow = service.getResultAsync("expired-1").toCompletableFuture();
            assertThat(slow).isNotDone();
            assertThatThrownBy(() -> slow.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(BizTokenExpiredException.class);
        }
    }

    @Test
    void asyncHonoursTheDeadline() {
        EMULATOR.get().script("slow-3", Scenario.slow(Duration.ofSeconds(5), Scenario.passed()));
        try (VerificationResultService service = builder().readTimeout(Duration.ofSeconds(30))
                .callTimeout(Duration.ofMillis(500)).build()) {
            CompletableFuture<?> call = service.getResultAsync("slow-3").toCompletableFuture();
            assertThatThrownBy(() -> call.get(3, TimeUnit.SECONDS)).cause().isInstanceOf(FaceIdTimeoutException.class);
        }
    }
}
