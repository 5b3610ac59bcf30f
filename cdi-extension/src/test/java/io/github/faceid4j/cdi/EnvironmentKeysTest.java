package io.github.faceid4j.cdi;

import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.testing.LogCapture;
import io.github.faceid4j.emulator.FaceIdEmulatorExtension;
import io.smallrye.config.EnvConfigSource;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static io.github.faceid4j.cdi.CdiTestSupport.SECRET_ID;
import static io.github.faceid4j.cdi.CdiTestSupport.SECRET_KEY;
import static io.github.faceid4j.cdi.CdiTestSupport.boot;
import static io.github.faceid4j.cdi.CdiTestSupport.config;
import static io.github.faceid4j.cdi.CdiTestSupport.map;
import static io.github.faceid4j.cdi.CdiTestSupport.props;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The environment form of every key (the README's recommended way to pass secrets) is recognised as the key it
 * stands for, multi-word ones too ({@code TENCENTCLOUD_FACEID_SECRET_ID} is listed by SmallRye as
 * {@code tencentcloud.faceid.secret.id}); a misspelt key still warns, in either form.
 */
class EnvironmentKeysTest {

    @RegisterExtension
    static FaceIdEmulatorExtension emulator = new FaceIdEmulatorExtension();

    @Dependent
    static class Payouts {
        @Inject
        @FaceIdClient("pay-outs")
        VerificationResultService payouts;
    }

    private static List<String> warnings(LogCapture log) {
        return log.lines(FaceIdExtension.class.getName()).stream()
                .filter(line -> line.startsWith(Level.WARNING.getName()))
                .toList();
    }

    @Test
    void multiWordKeysInTheirEnvironmentFormAreNotWarnedAbout() {
        ConfigSource env = new EnvConfigSource(Map.of(
                "TENCENTCLOUD_FACEID_REGION", "ap-singapore",
                "TENCENTCLOUD_FACEID_ENDPOINT", emulator.get().endpoint().toString(),
                "TENCENTCLOUD_FACEID_SECRET_ID", SECRET_ID,
                "TENCENTCLOUD_FACEID_SECRET_KEY", SECRET_KEY,
                "TENCENTCLOUD_FACEID_CALL_TIMEOUT", "20s",
                "TENCENTCLOUD_FACEID_MAX_RESPONSE_BYTES", "1000000",
                "TENCENTCLOUD_FACEID_RETRY_BASE_DELAY", "100ms",
                "TENCENTCLOUD_FACEID_PAY_OUTS_REGION", "ap-jakarta",
                "TENCENTCLOUD_FACEID_PAY_OUTS_READ_TIMEOUT", "5s",
                "TENCENTCLOUD_FACEID_RATE_LIMIT_BURST", "1"), 300);
        try (var log = new LogCapture(); var cdi = boot(config(env), Payouts.class)) {
            assertThat(cdi.get(VerificationResultService.class).getResult("passed-env-keys").passed()).isTrue();
            assertThat(cdi.get(Payouts.class).payouts.getResult("passed-env-payouts").passed()).isTrue();
            assertThat(warnings(log)).isEmpty();
        }
        assertThat(emulator.get().requestsFor("passed-env-payouts").get(0).header("X-TC-Region"))
                .isEqualTo("ap-jakarta");
    }

    @Test
    void namesAreJudgedInTheirOwnForm() {
        assertThat(ConfigKeys.knownEnvironmentName("TENCENTCLOUD_FACEID_SECRET_ID")).isTrue();
        assertThat(ConfigKeys.knownEnvironmentName("TENCENTCLOUD_FACEID_PAY_OUTS_PROXY_NON_PROXY_HOSTS")).isTrue();
        assertThat(ConfigKeys.knownEnvironmentName("TENCENTCLOUD_FACEID_CALL_TIMOUT")).isFalse();
        assertThat(ConfigKeys.knownEnvironmentName("TENCENTCLOUD_SECRET_ID")).isFalse(); // not this prefix
        assertThat(ConfigKeys.known("secret.id")).isFalse(); // a dotted key is only ever itself
    }

    @Test
    void aMisspeltKeyStillWarnsInEitherForm() {
        ConfigSource env = new EnvConfigSource(Map.of(
                "TENCENTCLOUD_FACEID_SECRET_ID", SECRET_ID,
                "TENCENTCLOUD_FACEID_SECRET_KEY", SECRET_KEY,
                "TENCENTCLOUD_FACEID_CALL_TIMOUT", "value-not-to-print"), 300);
        ConfigSource file = map(props(
                "tencentcloud.faceid.region", "ap-singapore",
                "tencentcloud.faceid.endpoint", emulator.get().endpoint().toString(),
                "tencentcloud.faceid.conect-timeout", "other-value-not-to-print"));
        try (var log = new LogCapture(); var cdi = boot(config(env, file))) {
            assertThat(cdi.get(VerificationResultService.class).getResult("passed-typo").passed()).isTrue();
            List<String> warnings = warnings(log);
            assertThat(warnings).singleElement().asString()
                    .contains("unrecognised configuration keys")
                    .doesNotContain("value-not-to-print");
            String listed = warnings.get(0).substring(warnings.get(0).indexOf('[') + 1, warnings.get(0).indexOf(']'));
            assertThat(listed.split(", ")).containsExactlyInAnyOrder(
                    "tencentcloud.faceid.conect-timeout", "TENCENTCLOUD_FACEID_CALL_TIMOUT"); // as the user wrote them
        }
    }
}
