package io.github.faceid4j.cdi;

import io.github.faceid4j.FaceIdTransportException;
import io.github.faceid4j.testing.Leaks;
import io.github.faceid4j.testing.LogCapture;
import io.github.faceid4j.emulator.FaceIdEmulator;
import io.github.faceid4j.emulator.SelfSignedCertificate;
import jakarta.enterprise.inject.spi.DeploymentException;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static io.github.faceid4j.cdi.CdiTestSupport.boot;
import static io.github.faceid4j.cdi.CdiTestSupport.config;
import static io.github.faceid4j.cdi.CdiTestSupport.fullText;
import static io.github.faceid4j.cdi.CdiTestSupport.map;
import static io.github.faceid4j.cdi.CdiTestSupport.props;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** {@code trust-store}, {@code trust-store-password}, {@code trust-store-type}: an HTTPS emulator, trusted by key. */
class TrustStoreConfigTest {

    @TempDir
    static Path dir;

    private static SelfSignedCertificate certificate;
    private static FaceIdEmulator emulator;

    @BeforeAll
    static void start() {
        certificate = SelfSignedCertificate.create(dir, "ip:127.0.0.1", "dns:localhost");
        emulator = FaceIdEmulator.builder().tls(certificate.serverContext()).build().start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static Map<String, String> https(String... extra) {
        Map<String, String> values = props(
                "tencentcloud.faceid.region", "ap-singapore",
                "tencentcloud.faceid.endpoint", emulator.endpoint().toString(),
                "tencentcloud.faceid.secret-id", emulator.secretId(),
                "tencentcloud.faceid.secret-key", emulator.secretKey(),
                "tencentcloud.faceid.max-attempts", "3");
        values.putAll(props(extra));
        return values;
    }

    @Test
    void theConfiguredTrustStoreIsTrusted() {
        Config config = config(map(https("tencentcloud.faceid.trust-store", certificate.trustStore().toString(),
                "tencentcloud.faceid.trust-store-password", new String(certificate.password()),
                "tencentcloud.faceid.trust-store-type", "PKCS12")));
        try (var cdi = boot(config, InjectionTest.Verifier.class)) {
            assertThat(cdi.get(InjectionTest.Verifier.class).passed("passed-cdi-tls")).isTrue();
        }
        assertThat(emulator.requestsFor("passed-cdi-tls")).singleElement()
                .satisfies(r -> assertThat(r.signatureValid()).isTrue());
    }

    @Test
    void aNamedClientFallsBackToTheUnnamedTrustStore() {
        Config config = config(map(https("tencentcloud.faceid.trust-store", certificate.trustStore().toString(),
                "tencentcloud.faceid.trust-store-password", new String(certificate.password()),
                "tencentcloud.faceid.pay.region", "ap-jakarta")));
        try (var cdi = boot(config, NamedClientsTest.PayOnly.class)) {
            assertThat(cdi.get(NamedClientsTest.PayOnly.class).pay.getResult("passed-cdi-pay").passed()).isTrue();
        }
    }

    @Test
    void withoutATrustStoreTheJvmsDefaultRefusesTheEmulatorsCertificate() {
        try (var cdi = boot(config(map(https())), InjectionTest.Verifier.class)) {
            assertThatThrownBy(() -> cdi.get(InjectionTest.Verifier.class).passed("passed-cdi-untrusted"))
                    .isInstanceOf(FaceIdTransportException.class).hasMessageContaining("certificate or trust problem")
                    .satisfies(e -> assertThat(((FaceIdTransportException) e).attempts()).isEqualTo(1));
        }
    }

    @Test
    void aBrokenTrustStoreFailsTheDeploymentNamingTheKeyNeverThePassword() {
        String wrong = "Tz5Kq0XwM3vB8nRd";
        String text = failure(https("tencentcloud.faceid.trust-store", certificate.trustStore().toString(),
                "tencentcloud.faceid.trust-store-password", wrong));
        assertThat(text).contains("tencentcloud.faceid.trust-store:").contains("password is wrong")
                .contains("tencentcloud.faceid.trust-store-password");
        Leaks.of("password", wrong).and("right password", new String(certificate.password()))
                .assertNotIn("the deployment failure", text);

        assertThat(failure(https("tencentcloud.faceid.trust-store", dir.resolve("nope.p12").toString())))
                .contains("tencentcloud.faceid.trust-store:").contains("nope.p12");
        assertThat(failure(https("tencentcloud.faceid.trust-store", certificate.trustStore().toString(),
                "tencentcloud.faceid.trust-store-password", new String(certificate.password()),
                "tencentcloud.faceid.trust-store-type", "NOPE")))
                .contains("tencentcloud.faceid.trust-store:").contains("tencentcloud.faceid.trust-store-type");
        assertThat(failure(https("tencentcloud.faceid.trust-store-password", wrong)))
                .contains("tencentcloud.faceid.trust-store: is required when tencentcloud.faceid.trust-store-password");
    }

    @Test
    void theKeysAreKnownPerClient() {
        assertThat(ConfigKeys.known("trust-store")).isTrue();
        assertThat(ConfigKeys.known("pay.trust-store-password")).isTrue();
        assertThat(ConfigKeys.known("pay.trust-store-type")).isTrue();
        assertThat(ConfigKeys.known("truststore")).isFalse();
    }

    private static String failure(Map<String, String> values) {
        Throwable failure;
        String logs;
        try (var log = new LogCapture()) {
            failure = catchThrowable(() -> boot(config(map(values)), InjectionTest.Verifier.class).close());
            logs = log.text();
        }
        assertThat(failure).isInstanceOf(DeploymentException.class);
        String text = fullText(failure);
        String password = values.get("tencentcloud.faceid.trust-store-password");
        if (password != null) {
            Leaks.of("trust store password", password).assertNotIn("the log", logs);
        }
        return text;
    }
}
