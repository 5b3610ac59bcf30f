package io.github.faceid4j.client;

import io.github.faceid4j.testing.Leaks;
import io.github.faceid4j.testing.LogCapture;
import io.github.faceid4j.FaceIdConfigurationException;
import io.github.faceid4j.FaceIdException;
import io.github.faceid4j.FaceIdTransportException;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.emulator.FaceIdEmulator;
import io.github.faceid4j.emulator.SelfSignedCertificate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * HTTPS end to end, the production default: the emulator serves TLS with a certificate this test makes, and the
 * client trusts it through a trust store or an SSLContext, never by turning checks off.
 */
class HttpsTest {

    @TempDir
    static Path dir;

    private static SelfSignedCertificate loopback;
    private static FaceIdEmulator emulator;

    @BeforeAll
    static void start() {
        // faceid-emulator.test: the name the proxy tests reach it by (loopback never goes through a proxy; the test
        // proxy forwards every name to loopback)
        loopback = SelfSignedCertificate.create(dir, "ip:127.0.0.1", "dns:localhost", "dns:faceid-emulator.test");
        emulator = FaceIdEmulator.builder().tls(loopback.serverContext()).rateLimitPerSecond(1000).build().start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void reset() {
        emulator.reset();
    }

    /** The emulator by a name that is not loopback, for the tests through a proxy (see {@link #start()}). */
    private static FaceIdServiceBuilder proxiedBuilder() {
        return builder(emulator).endpoint("https://faceid-emulator.test:" + emulator.port());
    }

    private static FaceIdServiceBuilder builder(FaceIdEmulator to) {
        return FaceIdServiceBuilder.create()
                .region("ap-singapore")
                .endpoint(to.endpoint())
                .credentials(Credentials.of(to.secretId(), to.secretKey()))
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50)));
    }

    @Test
    void theEmulatorServesHttpsAndTheClientTrustsItThroughATrustStore() {
        assertThat(emulator.endpoint().getScheme()).isEqualTo("https");
        try (VerificationResultService service = builder(emulator)
                .trustStore(loopback.trustStore(), loopback.password(), "PKCS12").build()) {
            assertThat(service.getResult("passed-tls-1").passed()).isTrue();
        }
        assertThat(emulator.requestsFor("passed-tls-1")).singleElement()
                .satisfies(r -> assertThat(r.signatureValid()).isTrue());
    }

    @Test
    void orThroughAnSslContext() {
        try (VerificationResultService service = builder(emulator).sslContext(loopback.clientContext()).build()) {
            assertThat(service.getResult("passed-tls-2").passed()).isTrue();
        }
    }

    @Test
    void withoutTrustTheJvmsDefaultRefusesTheCertificateOnceAndSaysItIsATrustProblem() {
        try (VerificationResultService service = builder(emulator).build()) {
            FaceIdTransportException e = catchThrowableOfType(FaceIdTransportException.class,
                    () -> service.getResult("passed-tls-3"));
            assertTrustProblem(e);
        }
        assertThat(emulator.requests()).as("no request got through the handshake").isEmpty();
    }

    @Test
    void aCertificateForAnotherHostIsRefusedEvenWhenTrusted() {
        SelfSignedCertificate other = SelfSignedCertificate.create(dir, "dns:faceid.other.example");
        try (FaceIdEmulator elsewhere = FaceIdEmulator.builder().tls(other.serverContext()).build().start();
             VerificationResultService service = builder(elsewhere).sslContext(other.clientContext()).build()) {
            FaceIdTransportException e = catchThrowableOfType(FaceIdTransportException.class,
                    () -> service.getResult("passed-tls-4"));
            assertTrustProblem(e);
            assertThat(e).hasMessageContaining("127.0.0.1"); // the JDK's reason: no name matching this host
            assertThat(elsewhere.requests()).isEmpty();
        }
    }

    private static void assertTrustProblem(FaceIdTransportException e) {
        assertThat(e).isNotNull();
        // the public type, not an internal marker: events, telemetry and the CLI name the failure by its class
        assertThat(e).isExactlyInstanceOf(FaceIdTransportException.class);
        assertThat(e.attempts()).as("not retried: certificates do not heal").isEqualTo(1);
        assertThat(e.getMessage()).contains("certificate or trust problem, not a network one")
                .doesNotContain("could not be reached");
        assertThat(e).hasRootCauseInstanceOf(java.security.GeneralSecurityException.class); // a certificate's
    }

    @Test
    void aTrustStoreThatCannotBeUsedIsAConfigurationErrorNamingItWithoutThePassword() throws Exception {
        char[] password = loopback.password();
        String shown = new String(password);
        assertThatThrownBy(() -> builder(emulator).trustStore(dir.resolve("missing.p12"), password, "PKCS12").build())
                .isInstanceOf(FaceIdConfigurationException.class)
                .satisfies(e -> assertThat(((FaceIdConfigurationException) e).key()).isEqualTo("trustStore"))
                .hasMessageContaining("missing.p12").hasMessageContaining("not a readable file");
        char[] wrong = "Wq4Zr8XnK1vT6bMd".toCharArray();
        FaceIdConfigurationException badPassword = catchThrowableOfType(FaceIdConfigurationException.class,
                () -> builder(emulator).trustStore(loopback.trustStore(), wrong, "PKCS12").build());
        assertThat(badPassword.key()).isEqualTo("trustStore");
        assertThat(badPassword).hasMessageContaining("password is wrong");
        Leaks.of("password", shown).and("wrong password", new String(wrong))
                .assertNotIn("the message", badPassword.getMessage());
        assertThatThrownBy(() -> builder(emulator).trustStore(loopback.trustStore(), password, "NOPE").build())
                .isInstanceOf(FaceIdConfigurationException.class).hasMessageContaining("'NOPE' is not supported");
        Path empty = Files.write(dir.resolve("not-a-store.p12"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> builder(emulator).trustStore(empty, password, null).build())
                .isInstanceOf(FaceIdConfigurationException.class).hasMessageContaining("not-a-store.p12");
        assertThatThrownBy(() -> builder(emulator).trustStore(loopback.trustStore(), password, "PKCS12")
                .sslContext(loopback.clientContext()).build())
                .isInstanceOf(FaceIdConfigurationException.class).hasMessageContaining("alternatives");
    }

    @Test
    void throughAProxyThatDemandsBasicCredentialsTheTunnelCarriesTls() throws Exception {
        String user = "tls-proxy-user";
        String password = "Tp3Xq8ZmK5vW0bRd";
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        try (TestProxy proxy = new TestProxy(basic, null);
             LogCapture logs = new LogCapture();
             VerificationResultService service = proxiedBuilder().logRequests(true)
                     .sslContext(loopback.clientContext())
                     .proxy(ProxySettings.of("127.0.0.1", proxy.port()).withCredentials(user, password)).build()) {
            assertThat(service.getResult("passed-tunnel-1").passed()).isTrue();
            assertThat(service.getResult("passed-tunnel-2").passed()).isTrue();
            assertThat(proxy.tunnelled()).isBetween(1, 2);
            assertThat(proxy.refused()).isZero();
            assertThat(proxy.seen().get(0).requestLine())
                    .isEqualTo("CONNECT faceid-emulator.test:" + emulator.port() + " HTTP/1.1");
            assertThat(proxy.seen().get(0).headers()).containsEntry("proxy-authorization", basic);
            assertThat(emulator.requestsFor("passed-tunnel-1")).singleElement().satisfies(r -> {
                assertThat(r.signatureValid()).isTrue();
                assertThat(r.headers()).doesNotContainKey("proxy-authorization");
            });
            Leaks.of("proxy password", password).and("Basic credentials", basic.substring(6))
                    .assertNotIn("the log", logs.text());
        }
    }

    @Test
    void aProxyRefusingTheCredentialsIsReportedWithoutThem() throws Exception {
        String password = "Tw7Nb2QzX9kV4rMd";
        try (TestProxy proxy = new TestProxy("Basic c29tZW9uZTplbHNl", null);
             VerificationResultService service = proxiedBuilder().maxAttempts(1)
                     .sslContext(loopback.clientContext())
                     .proxy(ProxySettings.of("127.0.0.1", proxy.port()).withCredentials("tls-proxy-user", password))
                     .build()) {
            FaceIdException e = catchThrowableOfType(FaceIdException.class, () -> service.getResult("passed-tunnel-3"));
            assertThat(e).isInstanceOf(FaceIdTransportException.class)
                    .hasMessageContaining("refused to open a tunnel").hasMessageContaining("407");
            Leaks.of("proxy password", password).assertNotIn("the message", e.getMessage());
            assertThat(proxy.refused()).as("the JDK may try a failed connection once more").isBetween(1, 2);
            assertThat(emulator.requests()).isEmpty();
        }
    }
}
