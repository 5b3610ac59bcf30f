package io.github.faceid4j.cdi;

import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.testing.Leaks;
import io.github.faceid4j.testing.LogCapture;
import io.smallrye.config.EnvConfigSource;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static io.github.faceid4j.cdi.CdiTestSupport.boot;
import static io.github.faceid4j.cdi.CdiTestSupport.config;
import static io.github.faceid4j.cdi.CdiTestSupport.fullText;
import static io.github.faceid4j.cdi.CdiTestSupport.map;
import static io.github.faceid4j.cdi.CdiTestSupport.props;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Every broken configuration stops the deployment, names its key, and leaks no secret into exceptions or logs. */
class MisconfigurationTest {

    static final String SECRET_ID = "AKIDsecretIdValue0123456789abcdefgh";
    // random-looking: any 8-character piece of them in a message or log is a leak (see Leaks)
    static final String SECRET_KEY = "Mk7Qz2WxT9vB4nRc1HdY6sLp3JfG8aEu";
    static final String SESSION_TOKEN = "Ms3Vn8ZqX1kB6rTd9WcH4yPf7LjA2gNe";

    @Dependent
    static class BadName {
        @Inject
        @FaceIdClient("a.b")
        VerificationResultService client;
    }

    /** Region and credentials (with a session token) set; each case changes or removes something. */
    static Map<String, String> base(String... changes) {
        Map<String, String> map = props(
                "tencentcloud.faceid.region", "ap-singapore",
                "tencentcloud.faceid.secret-id", SECRET_ID,
                "tencentcloud.faceid.secret-key", SECRET_KEY,
                "tencentcloud.faceid.session-token", SESSION_TOKEN);
        for (int i = 0; i < changes.length; i += 2) {
            if (changes[i + 1] == null) {
                map.remove(changes[i]);
            } else {
                map.put(changes[i], changes[i + 1]);
            }
        }
        return map;
    }

    static Stream<Arguments> cases() {
        Class<?>[] none = {};
        Class<?>[] pay = {NamedClientsTest.PayOnly.class};
        return Stream.of(
                Arguments.of("missing region", base("tencentcloud.faceid.region", null), none,
                        new String[] {"tencentcloud.faceid.region"}),
                Arguments.of("unsupported region", base("tencentcloud.faceid.region", "eu-frankfurt"), none,
                        new String[] {"tencentcloud.faceid.region", "eu-frankfurt"}),
                Arguments.of("no credentials", props("tencentcloud.faceid.region", "ap-jakarta"), none,
                        new String[] {"tencentcloud.faceid.secret-id", "tencentcloud.faceid.secret-key", "TENCENTCLOUD_SECRET_ID"}),
                Arguments.of("half a key pair", base("tencentcloud.faceid.secret-id", null), none,
                        new String[] {"tencentcloud.faceid.secret-id"}),
                Arguments.of("malformed endpoint", base("tencentcloud.faceid.endpoint", "not a url at all"), none,
                        new String[] {"tencentcloud.faceid.endpoint"}),
                Arguments.of("endpoint with a path", base("tencentcloud.faceid.endpoint", "https://faceid.tencentcloudapi.com/x"), none,
                        new String[] {"tencentcloud.faceid.endpoint"}),
                Arguments.of("plain http to a remote host", base("tencentcloud.faceid.endpoint", "http://faceid.example.com"), none,
                        new String[] {"tencentcloud.faceid.endpoint"}),
                Arguments.of("zero timeout", base("tencentcloud.faceid.connect-timeout", "0s"), none,
                        new String[] {"tencentcloud.faceid.connect-timeout"}),
                Arguments.of("zero call deadline", base("tencentcloud.faceid.call-timeout", "0s"), none,
                        new String[] {"tencentcloud.faceid.call-timeout"}),
                Arguments.of("no attempts", base("tencentcloud.faceid.max-attempts", "0"), none,
                        new String[] {"tencentcloud.faceid.max-attempts"}),
                Arguments.of("unparsable rate limit", base("tencentcloud.faceid.rate-limit-permits", "twenty"), none,
                        new String[] {"tencentcloud.faceid.rate-limit-permits", "twenty"}),
                Arguments.of("negative timeout", base("tencentcloud.faceid.read-timeout", "-5s"), none,
                        new String[] {"tencentcloud.faceid.read-timeout"}),
                Arguments.of("unparsable duration", base("tencentcloud.faceid.connect-timeout", "5 seconds"), none,
                        new String[] {"tencentcloud.faceid.connect-timeout", "5 seconds"}),
                Arguments.of("unparsable number", base("tencentcloud.faceid.max-response-bytes", "64MB"), none,
                        new String[] {"tencentcloud.faceid.max-response-bytes"}),
                Arguments.of("number out of range", base("tencentcloud.faceid.max-response-bytes", "0"), none,
                        new String[] {"tencentcloud.faceid.max-response-bytes"}),
                Arguments.of("spill directory that does not exist",
                        base("tencentcloud.faceid.spill-directory", "/nonexistent/faceid4j-spill"), none,
                        new String[] {"tencentcloud.faceid.spill-directory", "not an existing directory"}),
                Arguments.of("spill directory that takes no files", base("tencentcloud.faceid.spill-directory", "/proc"),
                        none, new String[] {"tencentcloud.faceid.spill-directory", "does not take files"}),
                Arguments.of("negative spill threshold", base("tencentcloud.faceid.spill-threshold", "-1"), none,
                        new String[] {"tencentcloud.faceid.spill-threshold"}),
                Arguments.of("unparsable boolean", base("tencentcloud.faceid.allow-insecure-http", "maybe"), none,
                        new String[] {"tencentcloud.faceid.allow-insecure-http"}),
                Arguments.of("unsupported language", base("tencentcloud.faceid.language", "fr-FR"), none,
                        new String[] {"tencentcloud.faceid.language"}),
                Arguments.of("named client's own bad region", base("tencentcloud.faceid.pay.region", "eu-west"), pay,
                        new String[] {"tencentcloud.faceid.pay.region"}),
                Arguments.of("named client without any region",
                        base("tencentcloud.faceid.region", null, "tencentcloud.faceid.pay.language", "en-US"), pay,
                        new String[] {"tencentcloud.faceid.pay.region", "or set tencentcloud.faceid.region"}),
                Arguments.of("named client with half its own key pair", base("tencentcloud.faceid.pay.secret-key", SECRET_KEY + "-pay"), pay,
                        new String[] {"tencentcloud.faceid.pay.secret-id"}),
                Arguments.of("unknown named client", base(), pay,
                        new String[] {"tencentcloud.faceid.pay", "unknown FaceID client 'pay'", "PayOnly.pay"}),
                Arguments.of("invalid client name", base(), new Class<?>[] {BadName.class},
                        new String[] {"tencentcloud.faceid.a.b", "letters, digits"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsTheDeploymentNamingTheKey(String description, Map<String, String> values, Class<?>[] beans,
                                        String[] expected) {
        assertDeploymentFails(config(map(values)), beans, expected);
    }

    @Test
    void reportsEnvironmentVariableValuesUnderTheirKey() {
        var env = new EnvConfigSource(Map.of(
                "TENCENTCLOUD_FACEID_REGION", "ap-jakarta",
                "TENCENTCLOUD_FACEID_SECRET_ID", SECRET_ID,
                "TENCENTCLOUD_FACEID_SECRET_KEY", SECRET_KEY,
                "TENCENTCLOUD_FACEID_CONNECT_TIMEOUT", "eventually"), 300);
        assertDeploymentFails(config(env), new Class<?>[0], "tencentcloud.faceid.connect-timeout", "eventually");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        Map<String, String> values = new LinkedHashMap<>(base(
                "tencentcloud.faceid.region", null,
                "tencentcloud.faceid.connect-timeout", "0ms",
                "tencentcloud.faceid.read-timeout", "later",
                "tencentcloud.faceid.allow-insecure-http", "sometimes",
                "tencentcloud.faceid.endpoint", "ftp://faceid.tencentcloudapi.com"));
        Throwable failure = assertDeploymentFails(config(map(values)),
                new Class<?>[] {NamedClientsTest.PayOnly.class, SwappingTest.Verifier.class},
                "tencentcloud.faceid.region", "tencentcloud.faceid.connect-timeout", "tencentcloud.faceid.read-timeout",
                "tencentcloud.faceid.allow-insecure-http", "tencentcloud.faceid.endpoint", "unknown FaceID client 'pay'");
        assertThat(failure).isNotNull();
    }

    private static Throwable assertDeploymentFails(Config config, Class<?>[] beans, String... expected) {
        Throwable failure;
        String logs;
        try (var log = new LogCapture()) {
            failure = catchThrowable(() -> boot(config, beans).close());
            logs = log.text();
        }
        assertThat(failure).isInstanceOf(DeploymentException.class);
        String text = fullText(failure);
        for (String part : expected) {
            assertThat(text).contains(part);
        }
        Leaks secrets = Leaks.of("SecretKey", SECRET_KEY).and("session token", SESSION_TOKEN);
        secrets.assertNotIn("the deployment failure", text);
        secrets.assertNotIn("the log", logs);
        assertThat(text).doesNotContain(SECRET_ID);
        assertThat(logs).doesNotContain(SECRET_ID);
        return failure;
    }
}
