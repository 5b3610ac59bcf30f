package io.github.faceid4j.cdi;

import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.testing.LogCapture;
import io.github.faceid4j.emulator.FaceIdEmulator;
import io.github.faceid4j.emulator.FaceIdEmulatorExtension;
import io.github.faceid4j.emulator.RecordedRequest;
import io.github.faceid4j.model.VerificationResult;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static io.github.faceid4j.cdi.CdiTestSupport.SECRET_ID;
import static io.github.faceid4j.cdi.CdiTestSupport.SECRET_KEY;
import static io.github.faceid4j.cdi.CdiTestSupport.boot;
import static io.github.faceid4j.cdi.CdiTestSupport.config;
import static io.github.faceid4j.cdi.CdiTestSupport.map;
import static io.github.faceid4j.cdi.CdiTestSupport.props;
import static org.assertj.core.api.Assertions.assertThat;

class InjectionTest {

    @RegisterExtension
    static FaceIdEmulatorExtension emulator = new FaceIdEmulatorExtension();

    @ApplicationScoped
    static class Verifier {
        @Inject
        VerificationResultService results;

        boolean passed(String token) {
            return results.getResult(token).passed();
        }
    }

    @Test
    void injectsTheDefaultServiceConfiguredFromAPropertiesFile() throws Exception {
        ConfigSource file = new PropertiesConfigSource(getClass().getResource("/faceid-test.properties"), 100);
        ConfigSource endpoint = map(props("tencentcloud.faceid.endpoint", emulator.get().endpoint().toString()));
        try (var cdi = boot(config(file, endpoint), Verifier.class)) {
            assertThat(cdi.get(Verifier.class).passed("passed-properties")).isTrue();
        }
        RecordedRequest request = emulator.get().requestsFor("passed-properties").get(0);
        assertThat(request.signatureValid()).isTrue();
        assertThat(request.header("X-TC-Region")).isEqualTo("ap-jakarta");
        assertThat(request.header("X-TC-Language")).isEqualTo("en-US");
    }

    @Test
    void readsEnvironmentVariableFormsOfTheKeys() {
        // SmallRye's environment source, fed a map: it exposes only the upper-case names, as the real one would.
        ConfigSource env = new EnvConfigSource(Map.of(
                "TENCENTCLOUD_FACEID_REGION", "ap-singapore",
                "TENCENTCLOUD_FACEID_ENDPOINT", emulator.get().endpoint().toString(),
                "TENCENTCLOUD_FACEID_SECRET_ID", SECRET_ID,
                "TENCENTCLOUD_FACEID_SECRET_KEY", SECRET_KEY,
                "TENCENTCLOUD_FACEID_READ_TIMEOUT", "5s",
                "TENCENTCLOUD_FACEID_ALLOW_INSECURE_HTTP", "false"), 300);
        try (var cdi = boot(config(env))) {
            VerificationResult result = cdi.get(VerificationResultService.class).getResult("passed-env");
            assertThat(result.passed()).isTrue();
        }
        assertThat(emulator.get().requestsFor("passed-env").get(0).header("X-TC-Region")).isEqualTo("ap-singapore");
    }

    @Test
    void fallsBackToTheTencentCloudSdkEnvironmentVariablesForCredentials() {
        ConfigSource env = new EnvConfigSource(Map.of(
                "TENCENTCLOUD_SECRET_ID", SECRET_ID,
                "TENCENTCLOUD_SECRET_KEY", SECRET_KEY), 300);
        ConfigSource props = map(props(
                "tencentcloud.faceid.region", "ap-jakarta",
                "tencentcloud.faceid.endpoint", emulator.get().endpoint().toString()));
        try (var cdi = boot(config(env, props))) {
            assertThat(cdi.get(VerificationResultService.class).getResult("passed-sdk-env").passed()).isTrue();
        }
    }

    @Test
    void sendsTheSessionTokenOfTemporaryCredentials() {
        try (FaceIdEmulator sts = FaceIdEmulator.builder().sessionToken("sts-session-token-1").build().start()) {
            ConfigSource env = new EnvConfigSource(Map.of(
                    "TENCENTCLOUD_SECRET_ID", SECRET_ID,
                    "TENCENTCLOUD_SECRET_KEY", SECRET_KEY,
                    "TENCENTCLOUD_SESSION_TOKEN", "sts-session-token-1"), 300);
            ConfigSource props = map(props(
                    "tencentcloud.faceid.region", "ap-jakarta",
                    "tencentcloud.faceid.endpoint", sts.endpoint().toString()));
            try (var cdi = boot(config(env, props))) {
                assertThat(cdi.get(VerificationResultService.class).getResult("passed-sts").passed()).isTrue();
            }
            assertThat(sts.requestsFor("passed-sts").get(0).header("X-TC-Token")).isEqualTo("sts-session-token-1");
        }
    }

    @Test
    void warnsAboutKeysNoClientReadsWithoutPrintingTheirValues() {
        var values = CdiTestSupport.valid(emulator.get(), "tencentcloud.faceid.conect-timeout", "value-not-to-print");
        String logs;
        try (var log = new LogCapture(); var cdi = boot(config(map(values)))) {
            assertThat(cdi.get(VerificationResultService.class)).isNotNull();
            logs = log.text();
        }
        assertThat(logs).contains("tencentcloud.faceid.conect-timeout").doesNotContain("value-not-to-print");
        assertThat(logs).doesNotContain(SECRET_KEY);
    }

    /** An application's own source that computes values and cannot list its names (like a vault client). */
    static final class LookupOnlySource implements ConfigSource {
        private final Map<String, String> values;

        LookupOnlySource(Map<String, String> values) {
            this.values = values;
        }

        @Override
        public Set<String> getPropertyNames() {
            return Set.of();
        }

        @Override
        public String getValue(String propertyName) {
            return values.get(propertyName);
        }

        @Override
        public String getName() {
            return "lookup-only";
        }
    }

    @Test
    void readsACustomConfigSourceThatOnlyAnswersLookups() throws Exception {
        ConfigSource custom = new LookupOnlySource(CdiTestSupport.valid(emulator.get(),
                "tencentcloud.faceid.pay.region", "ap-jakarta"));
        try (var cdi = boot(config(custom), NamedClientsTest.PayOnly.class)) {
            VerificationResultService defaultService = cdi.get(VerificationResultService.class);
            assertThat(defaultService.getResultAsync("passed-custom-source").toCompletableFuture()
                    .get(10, TimeUnit.SECONDS).passed()).isTrue();
            assertThat(cdi.get(NamedClientsTest.PayOnly.class).pay.getResult("passed-custom-pay").passed()).isTrue();
        }
        assertThat(emulator.get().requestsFor("passed-custom-pay").get(0).header("X-TC-Region")).isEqualTo("ap-jakarta");
    }
}
