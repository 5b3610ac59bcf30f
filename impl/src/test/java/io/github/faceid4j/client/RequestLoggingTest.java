package io.github.faceid4j.client;

import io.github.faceid4j.testing.Leaks;
import io.github.faceid4j.testing.LogCapture;
import io.github.faceid4j.BizTokenExpiredException;
import io.github.faceid4j.FaceIdConfigurationException;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.emulator.FaceIdEmulator;
import io.github.faceid4j.emulator.FaceIdEmulatorExtension;
import io.github.faceid4j.emulator.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the client logs, at which level, and what it never logs. */
class RequestLoggingTest {

    private static final String SECRET_ID = "AKIDLOGTEST00000000000000000000000001";
    // random-looking, so that any 8-character piece of them in a log is a leak (see Leaks)
    private static final String SECRET_KEY = "Lq8vT3nZ0wXk5RbM2yHd7CfJ9sPa4GeU";
    private static final String TOKEN = "Sn4Wc9ZrK2mQ7xTf0BdV5hLj8YpE3gNa";
    private static final String BIZ_TOKEN = "passed-0a1b2c3d-4e5f-6789-abcd-ef0123456789";
    private static final String LOGGER = RequestLogging.LOGGER;

    /** One emulator for the class, reset before each test. */
    @RegisterExtension
    static final FaceIdEmulatorExtension EMULATOR = new FaceIdEmulatorExtension(FaceIdEmulator.builder()
            .credentials(SECRET_ID, SECRET_KEY).sessionToken(TOKEN).rateLimitPerSecond(1000));

    private static FaceIdEmulator emulator;

    @BeforeEach
    void emulator() {
        emulator = EMULATOR.get(); // reset by the extension before each test
    }

    private static FaceIdServiceBuilder builder() {
        return FaceIdServiceBuilder.create()
                .region("ap-singapore")
                .language("en-US")
                .endpoint(emulator.endpoint())
                .credentials(Credentials.of(SECRET_ID, SECRET_KEY, TOKEN))
                .retryBaseDelay(Duration.ofMillis(5))
                .retryMaxDelay(Duration.ofMillis(20));
    }

    @Test
    void requestLoggingShowsTheAllowListOnly() {
        try (LogCapture logs = new LogCapture();
             VerificationResultService service = builder().logRequests(true).build()) {
            assertThat(service.getResult(BIZ_TOKEN).passed()).isTrue();

            List<String> lines = logs.lines(LOGGER);
            String request = lines.stream().filter(l -> l.contains("FaceID request:")).findFirst().orElseThrow();
            assertThat(request).startsWith("INFO ").contains("BizToken pass..., attempt 1")
                    .contains("POST " + emulator.endpoint().resolve("/"))
                    .contains("X-TC-Action=GetWebVerificationResultIntl", "X-TC-Version=2018-03-01",
                            "X-TC-Region=ap-singapore", "X-TC-Timestamp=", "X-TC-Language=en-US",
                            "Content-Type=application/json", "Content-Length=",
                            "Host=127.0.0.1:" + emulator.port());
            String response = lines.stream().filter(l -> l.contains("FaceID response:")).findFirst().orElseThrow();
            assertThat(response).startsWith("INFO ").contains("BizToken pass..., attempt 1").contains("HTTP 200 after ")
                    .contains("Content-Type=application/json");
            String outcome = lines.stream().filter(l -> l.contains("answered after")).findFirst().orElseThrow();
            assertThat(outcome).startsWith("INFO ").contains("ErrorCode 0").contains("RequestId ");

            String all = logs.text();
            String authorization = emulator.requests().get(0).header("Authorization");
            String signature = authorization.substring(authorization.indexOf("Signature=") + "Signature=".length());
            Leaks.of("SecretKey", SECRET_KEY).and("session token", TOKEN).and("signature", signature)
                    .and("BizToken", BIZ_TOKEN).assertNotIn("the log", all);
            assertThat(all).doesNotContainIgnoringCase("authorization")
                    .doesNotContainIgnoringCase("x-tc-token").doesNotContain("VideoBase64").doesNotContain("{\"");
        }
    }

    @Test
    void offByDefault() {
        try (LogCapture logs = new LogCapture();
             VerificationResultService service = builder().build()) {
            assertThat(service.getResult(BIZ_TOKEN).passed()).isTrue();
            assertThat(logs.lines(LOGGER)).noneMatch(l -> l.contains("FaceID request:") || l.contains("FaceID response:"))
                    .noneMatch(l -> l.startsWith("INFO ") || l.startsWith("WARNING "));
            // the answer is still there for whoever turns DEBUG on
            assertThat(logs.lines(LOGGER)).anyMatch(l -> l.startsWith("FINE ") && l.contains("ErrorCode 0"));
        }
    }

    @Test
    void aRetryThatHealsIsDebugAndAFailureThatIsThrownIsAWarning() {
        emulator.script("internal-then-passed", Scenario.internalError(), Scenario.passed());
        emulator.script("expired-token-1", Scenario.expired());
        try (LogCapture logs = new LogCapture();
             VerificationResultService service = builder().build()) {
            assertThat(service.getResult("internal-then-passed").passed()).isTrue();
            assertThatThrownBy(() -> service.getResult("expired-token-1")).isInstanceOf(BizTokenExpiredException.class);

            List<String> lines = logs.lines(LOGGER);
            assertThat(lines).filteredOn(l -> l.contains("inte...")).anySatisfy(l -> assertThat(l).startsWith("FINE ")
                    .contains("attempt 1 failed after").contains("InternalError").contains("retrying in"));
            assertThat(lines).filteredOn(l -> l.contains("inte...")).noneMatch(l -> l.startsWith("WARNING"));
            assertThat(lines).filteredOn(l -> l.contains("expi...")).singleElement().satisfies(l ->
                    assertThat(l).startsWith("WARNING ").contains("failed after 1 attempt(s)")
                            .contains("BizTokenExpiredException InvalidParameterValue.BizTokenExpired, RequestId "));
            assertThat(logs.text()).doesNotContain("expired-token-1").doesNotContain("internal-then-passed");
        }
    }

    @Test
    void theJdkHttpClientIsKeptFromLoggingCredentialsEvenWithTheRootAtAll() {
        try (LogCapture logs = new LogCapture();
             VerificationResultService service = builder().logRequests(true).build()) {
            service.getResult(BIZ_TOKEN);
            String authorization = emulator.requests().get(0).header("Authorization");
            Leaks.of("SecretKey", SECRET_KEY).and("session token", TOKEN)
                    .and("signature", authorization.substring(authorization.indexOf("Signature=") + 10))
                    .assertNotIn("the log", logs.text());
            assertThat(logs.text()).doesNotContain("TC3-HMAC-SHA256 Credential=");
            assertThat(java.util.logging.Logger.getLogger("sun.net.www.protocol.http.HttpURLConnection")
                    .isLoggable(java.util.logging.Level.FINE)).isFalse();
        }
    }

    @Test
    void missingCredentialsFailTheCallAsConfigurationWithoutRetrying() {
        CredentialsProvider none = CredentialsProviders.defaultChain(Map.of(), java.nio.file.Path.of("/nonexistent-home"));
        try (LogCapture logs = new LogCapture();
             VerificationResultService service = builder().credentialsProvider(none).build()) {
            assertThatThrownBy(() -> service.getResult(BIZ_TOKEN)).isInstanceOf(FaceIdConfigurationException.class)
                    .hasMessageContaining("TENCENTCLOUD_SECRET_ID")
                    .hasMessageContaining("/nonexistent-home/.tencentcloud/credentials")
                    .satisfies(e -> assertThat(((FaceIdConfigurationException) e).attempts()).isEqualTo(1));
            assertThat(emulator.requests()).isEmpty();
            assertThat(logs.lines(LOGGER)).anyMatch(l -> l.startsWith("WARNING ") && l.contains("none found"));
        }
    }
}
