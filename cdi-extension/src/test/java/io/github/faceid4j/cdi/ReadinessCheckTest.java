package io.github.faceid4j.cdi;

import io.github.faceid4j.AuthenticationException;
import io.github.faceid4j.FaceIdException;
import io.github.faceid4j.VerificationResultService;

import io.github.faceid4j.emulator.FaceIdEmulatorExtension;
import io.github.faceid4j.emulator.Scenario;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static io.github.faceid4j.cdi.CdiTestSupport.boot;
import static io.github.faceid4j.cdi.CdiTestSupport.config;
import static io.github.faceid4j.cdi.CdiTestSupport.fullText;
import static io.github.faceid4j.cdi.CdiTestSupport.map;
import static io.github.faceid4j.cdi.CdiTestSupport.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The {@code @Readiness} checks the extension adds per client, looked up in Weld as a health endpoint would, while
 * the emulator answers results, authentication failures and faults.
 */
class ReadinessCheckTest {

    @RegisterExtension
    static FaceIdEmulatorExtension emulator = new FaceIdEmulatorExtension();

    static class Clients {
        @Inject
        VerificationResultService standard;

        @Inject
        @FaceIdClient("payouts")
        VerificationResultService payouts;
    }

    private static Map<String, HealthCheckResponse> readiness(CdiTestSupport.Booted cdi) {
        Map<String, HealthCheckResponse> checks = new HashMap<>();
        for (HealthCheck check : cdi.container().select(HealthCheck.class, Readiness.Literal.INSTANCE)) {
            HealthCheckResponse response = check.call();
            checks.put(response.getName(), response);
        }
        return checks;
    }

    private static HealthCheckResponse check(CdiTestSupport.Booted cdi, String name) {
        return readiness(cdi).get(name);
    }

    private static Object data(HealthCheckResponse response, String key) {
        return response.getData().orElseThrow().get(key);
    }

    private static void call(VerificationResultService service, String token) {
        try {
            service.getResult(token);
        } catch (FaceIdException expected) {
            // the outcome is what the check saw
        }
    }

    @Test
    void oneCheckPerClientUpWhenConfiguredWithoutAnyCall() {
        try (var cdi = boot(config(map(valid(emulator.get(), "tencentcloud.faceid.payouts.region", "ap-jakarta"))),
                Clients.class)) {
            Map<String, HealthCheckResponse> checks = readiness(cdi);

            assertThat(checks).containsOnlyKeys("faceid", "faceid-payouts");
            assertThat(cdi.container().getBeanManager().getBeans(HealthCheck.class, Readiness.Literal.INSTANCE))
                    .allSatisfy(b -> assertThat(b.getTypes()).contains(HealthCheck.class));
            assertThat(checks.values()).allSatisfy(r -> {
                assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
                assertThat(data(r, "failureThreshold")).isEqualTo(5L);
                assertThat(data(r, "consecutiveFailures")).isEqualTo(0L);
            });
            assertThat(emulator.get().requests()).as("a check makes no call of its own").isEmpty();
        }
    }

    @Test
    void downAtOnceWhenTheCredentialsAreRefusedAndUpAgainAfterASuccess() {
        emulator.get().script("authfail-1", Scenario.apiError("AuthFailure.SecretIdNotFound",
                "The SecretId is not found."));
        try (var cdi = boot(config(map(valid(emulator.get(), "tencentcloud.faceid.payouts.region", "ap-jakarta"))),
                Clients.class)) {
            Clients clients = cdi.get(Clients.class);
            assertThatThrownBy(() -> clients.standard.getResult("authfail-1"))
                    .isInstanceOf(AuthenticationException.class);

            HealthCheckResponse down = check(cdi, "faceid");
            assertThat(down.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat((String) data(down, "lastFailureType")).contains("AuthenticationException",
                    "AuthFailure.SecretIdNotFound");
            assertThat((String) data(down, "reason")).contains("credentials");
            assertThat(check(cdi, "faceid-payouts").getStatus()).as("the other client").isEqualTo(
                    HealthCheckResponse.Status.UP);

            clients.standard.getResult("passed-after-auth");
            HealthCheckResponse up = check(cdi, "faceid");
            assertThat(up.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(Instant.parse((String) data(up, "lastSuccess"))).isAfter(Instant.now().minusSeconds(60));
            assertThat(data(up, "lastFailureType")).as("kept for the operator").isNotNull();
        }
    }

    @Test
    void wrongCredentialsTurnTheCheckDownOnTheFirstCall() {
        try (var cdi = boot(config(map(valid(emulator.get(), "tencentcloud.faceid.secret-key", "not-the-key",
                "tencentcloud.faceid.payouts.region", "ap-jakarta"))), Clients.class)) {
            call(cdi.get(Clients.class).standard, "passed-wrong-key");

            HealthCheckResponse down = check(cdi, "faceid");
            assertThat(down.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat((String) data(down, "lastFailureType")).contains("AuthFailure");
            assertThat(down.getData().orElseThrow().toString()).doesNotContain("not-the-key");
        }
    }

    @Test
    void downAfterTheConfiguredNumberOfConsecutiveCallsWithoutAUsableAnswer() {
        try (var cdi = boot(config(map(valid(emulator.get(), "tencentcloud.faceid.payouts.region", "ap-jakarta",
                "tencentcloud.faceid.max-attempts", "1",
                "tencentcloud.faceid.health.failure-threshold", "3",
                "tencentcloud.faceid.rate-limit-window", "1h"))), Clients.class)) {
            VerificationResultService service = cdi.get(Clients.class).standard;

            call(service, "internal-1");
            call(service, "malformed-1");
            assertThat(check(cdi, "faceid").getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(data(check(cdi, "faceid"), "consecutiveFailures")).isEqualTo(2L);
            call(service, "expired-1"); // the service answered (about the token): it works
            assertThat(data(check(cdi, "faceid"), "consecutiveFailures")).isEqualTo(0L);
            call(service, "invalid token with spaces"); // refused before sending: counts for nothing
            call(service, "internal-2");
            call(service, "internal-3");
            assertThat(check(cdi, "faceid").getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            call(service, "malformed-2");

            HealthCheckResponse down = check(cdi, "faceid");
            assertThat(down.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat((String) data(down, "reason")).contains("3 consecutive calls without a usable answer");
            assertThat(data(down, "failureThreshold")).isEqualTo(3L);
            assertThat(data(down, "permitsInUse")).as("6 requests sent within the 1 h window").isEqualTo(6L);
            assertThat(check(cdi, "faceid-payouts").getStatus()).isEqualTo(HealthCheckResponse.Status.UP);

            call(service, "passed-again");
            assertThat(check(cdi, "faceid").getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(data(check(cdi, "faceid"), "consecutiveFailures")).isEqualTo(0L);
        }
    }

    @Test
    void theNamedClientsThresholdFallsBackToTheSharedOneAndABadValueFailsTheDeployment() {
        try (var cdi = boot(config(map(valid(emulator.get(), "tencentcloud.faceid.payouts.region", "ap-jakarta",
                "tencentcloud.faceid.health.failure-threshold", "2",
                "tencentcloud.faceid.payouts.health.failure-threshold", "7"))), Clients.class)) {
            assertThat(data(check(cdi, "faceid"), "failureThreshold")).isEqualTo(2L);
            assertThat(data(check(cdi, "faceid-payouts"), "failureThreshold")).isEqualTo(7L);
        }
        Throwable failure = catchThrowable(() -> boot(config(map(valid(emulator.get(),
                "tencentcloud.faceid.payouts.region", "ap-jakarta",
                "tencentcloud.faceid.payouts.health.failure-threshold", "0"))), Clients.class).close());
        assertThat(failure).isInstanceOf(DeploymentException.class);
        assertThat(fullText(failure)).contains("tencentcloud.faceid.payouts.health.failure-threshold",
                "must be at least 1");
    }

    @Test
    void classifiesOutcomes() {
        assertThat(ClientHealth.classify(error("BizTokenExpiredException", "InvalidParameterValue.BizTokenExpired")))
                .isEqualTo(ClientHealth.Kind.ANSWERED);
        assertThat(ClientHealth.classify(error("FaceIdServiceException", "UnauthorizedOperation.Arrears")))
                .isEqualTo(ClientHealth.Kind.AUTHENTICATION);
        assertThat(ClientHealth.classify(error("FaceIdConfigurationException", null)))
                .as("temporary credentials that could not be fetched").isEqualTo(ClientHealth.Kind.AUTHENTICATION);
        assertThat(ClientHealth.classify(error("RateLimitExceededException", "RequestLimitExceeded.UinLimitExceeded")))
                .isEqualTo(ClientHealth.Kind.NO_ANSWER);
        assertThat(ClientHealth.classify(error("FaceIdTimeoutException", null))).isEqualTo(ClientHealth.Kind.NO_ANSWER);
        assertThat(ClientHealth.classify(error("FaceIdServiceException", "InternalError.Unknown")))
                .isEqualTo(ClientHealth.Kind.NO_ANSWER);
    }

    private static VerificationCallEvent error(String type, String code) {
        return new VerificationCallEvent("abcd...", "", VerificationCallEvent.Outcome.ERROR, null, type, code,
                java.time.Duration.ofMillis(5), 1, false);
    }

}
