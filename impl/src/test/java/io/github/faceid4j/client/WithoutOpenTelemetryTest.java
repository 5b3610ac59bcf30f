package io.github.faceid4j.client;

import io.github.faceid4j.RateLimitTimeoutException;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.VerificationStartService;
import io.github.faceid4j.emulator.FaceIdEmulator;
import io.github.faceid4j.emulator.FaceIdEmulatorExtension;
import io.github.faceid4j.emulator.Scenario;
import io.github.faceid4j.model.start.WebVerificationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Without {@code opentelemetry-api} on the class path (it is an optional dependency) both services build and serve
 * calls on every path that tells telemetry something: a plain answer, retries, a permit wait and a refusal, sync and
 * async. Run by the {@code without-opentelemetry} execution of impl's pom, with the API left off the class path;
 * skipped in the normal run (where the API is there).
 */
class WithoutOpenTelemetryTest {

    @RegisterExtension
    static final FaceIdEmulatorExtension EMULATOR = new FaceIdEmulatorExtension();

    @Test
    void theServicesWorkWithoutTheApi() throws Exception {
        assumeTrue(Boolean.getBoolean("faceid.test.without-opentelemetry"), "run by the without-opentelemetry execution");
        assertThatThrownBy(() -> Class.forName("io.opentelemetry.api.OpenTelemetry"))
                .as("the API must be off the class path in this run").isInstanceOf(ClassNotFoundException.class);
        assertThat(CallTelemetry.apiPresent()).isFalse();

        FaceIdEmulator emulator = EMULATOR.get();
        emulator.script("ie-no-otel", Scenario.internalError(), Scenario.passed());
        FaceIdServiceBuilder builder = FaceIdServiceBuilder.create().region("ap-singapore")
                .endpoint(emulator.endpoint())
                .credentials(Credentials.of(emulator.secretId(), emulator.secretKey()))
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(100)))
                .rateLimit(1, Duration.ofMillis(300)).rateLimitMaxWait(Duration.ofMillis(400));
        try (VerificationResultService service = builder.build();
             VerificationStartService starts = builder.buildStartService()) {
            assertThat(service.getResult("passed-no-otel").passed()).isTrue();
            assertThat(service.getResultAsync("ie-no-otel").toCompletableFuture().get().passed()).isTrue(); // waited
            assertThat(emulator.requestsFor("ie-no-otel")).hasSize(2);
            assertThat(starts.start(WebVerificationRequest.builder("https://portal.example.com/verified").build())
                    .bizToken()).isNotBlank();
        }
        try (VerificationResultService service = builder.rateLimit(1, Duration.ofSeconds(10)).build()) {
            service.getResult("passed-no-otel-2");
            assertThatThrownBy(() -> service.getResult("passed-no-otel-3")).isInstanceOf(RateLimitTimeoutException.class);
        }
    }
}
