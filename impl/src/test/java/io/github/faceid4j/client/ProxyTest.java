package io.github.faceid4j.client;

import io.github.faceid4j.testing.Leaks;
import io.github.faceid4j.testing.LogCapture;
import io.github.faceid4j.FaceIdException;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.emulator.FaceIdEmulator;
import io.github.faceid4j.emulator.FaceIdEmulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Requests through a real forwarding proxy on loopback: explicit settings, credentials, bypass, JVM properties. */
class ProxyTest {

    private static final String USER = "proxy-user-7d1e";
    // random-looking: any 8-character piece of it in a log is a leak (see Leaks)
    private static final String PASSWORD = "Pq6Zt1XmK8vW3bRd5NcY0hLs9JfG2aEu";
    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

    /** One emulator for the class, reset before each test. */
    @RegisterExtension
    static final FaceIdEmulatorExtension EMULATOR =
            new FaceIdEmulatorExtension(FaceIdEmulator.builder().rateLimitPerSecond(1000));

    private static FaceIdEmulator emulator;

    @BeforeEach
    void emulator() {
        emulator = EMULATOR.get(); // reset by the extension before each test
    }

    /**
     * The emulator by a name that is not loopback (loopback never goes through a proxy): only the test proxy, which
     * forwards everything to loopback, can reach it by this name.
     */
    private static String proxiedEndpoint() {
        return "http://faceid-emulator.test:" + emulator.port();
    }

    private static FaceIdServiceBuilder builder() {
        return FaceIdServiceBuilder.create()
                .region("ap-singapore")
                .endpoint(proxiedEndpoint())
                .allowInsecureHttp(true) // plain http to the test proxy on loopback, which forwards to loopback
                .credentials(Credentials.of(emulator.secretId(), emulator.secretKey()))
                .maxAttempts(1);
    }

    @Test
    void explicitProxyCarriesTheRequest() throws Exception {
        try (TestProxy proxy = TestProxy.open();
             VerificationResultService service = builder().proxy(ProxySettings.of("127.0.0.1", proxy.port())).build()) {
            assertThat(service.getResult("passed-proxy").passed()).isTrue();
            assertThat(proxy.forwarded()).isEqualTo(1);
            assertThat(proxy.seen().get(0).requestLine()).isEqualTo("POST " + proxiedEndpoint() + "/ HTTP/1.1");
            assertThat(emulator.requestsFor("passed-proxy")).singleElement()
                    .satisfies(r -> assertThat(r.signatureValid()).isTrue());
        }
    }

    @Test
    void proxyCredentialsAreSentToTheProxyOnlyAndNeverShown() throws Exception {
        try (TestProxy proxy = new TestProxy(BASIC, null);
             LogCapture logs = new LogCapture();
             VerificationResultService service = builder().logRequests(true)
                     .proxy(ProxySettings.of("127.0.0.1", proxy.port()).withCredentials(USER, PASSWORD)).build()) {
            assertThat(service.getResult("passed-auth").passed()).isTrue();
            assertThat(proxy.forwarded()).isEqualTo(1);
            assertThat(proxy.refused()).isZero();
            assertThat(proxy.seen().get(0).headers()).containsEntry("proxy-authorization", BASIC);
            // the proxy strips it; the service never sees the proxy's credentials
            assertThat(emulator.requestsFor("passed-auth").get(0).headers()).doesNotContainKey("proxy-authorization");
            Leaks.of("proxy password", PASSWORD).and("Basic credentials", BASIC.substring(6))
                    .assertNotIn("the log", logs.text());
            assertThat(logs.text()).contains("FaceID request").doesNotContain("Proxy-Authorization");
            assertThat(service.toString()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void aProxyThatWantsCredentialsRefusesARequestWithout() throws Exception {
        try (TestProxy proxy = new TestProxy(BASIC, null);
             VerificationResultService service = builder().proxy(ProxySettings.of("127.0.0.1", proxy.port())).build()) {
            assertThatThrownBy(() -> service.getResult("passed-no-auth")).isInstanceOf(FaceIdException.class);
            assertThat(proxy.refused()).isEqualTo(1);
            assertThat(emulator.requests()).isEmpty();
        }
    }

    @Test
    void loopbackNeverGoesThroughAProxy() throws Exception {
        for (String loopback : new String[] {"127.0.0.1", "localhost"}) {
            try (TestProxy proxy = TestProxy.open();
                 JvmProxy ignored = new JvmProxy(proxy.port());
                 VerificationResultService explicit = builder().endpoint("http://" + loopback + ":" + emulator.port())
                         .proxy(ProxySettings.of("127.0.0.1", proxy.port()).withCredentials(USER, PASSWORD)).build();
                 VerificationResultService jvm = builder().endpoint("http://" + loopback + ":" + emulator.port())
                         .build()) {
                assertThat(explicit.getResult("passed-loopback-1").passed()).isTrue();
                assertThat(jvm.getResult("passed-loopback-2").passed()).isTrue();
                assertThat(proxy.seen()).as("what the proxy saw of loopback requests to %s", loopback).isEmpty();
                assertThat(ProxySettings.of("proxy.corp.example", 3128).bypasses(loopback)).isTrue();
            }
        }
        assertThat(ProxySettings.of("proxy.corp.example", 3128).bypasses("[::1]")).isTrue();
    }

    @Test
    void nonProxyHostsGoDirect() throws Exception {
        try (TestProxy proxy = TestProxy.open();
             VerificationResultService service = builder().endpoint(emulator.endpoint())
                     .proxy(ProxySettings.of("127.0.0.1", proxy.port()).withNonProxyHosts("*.internal|127.0.0.*"))
                     .build()) {
            assertThat(service.getResult("passed-direct").passed()).isTrue();
            assertThat(proxy.seen()).isEmpty();
            assertThat(emulator.requestsFor("passed-direct")).hasSize(1);
        }
    }

    @Test
    void theJvmProxyPropertiesAreHonouredByDefault() throws Exception {
        try (TestProxy proxy = TestProxy.open();
             JvmProxy ignored = new JvmProxy(proxy.port());
             VerificationResultService service = builder().build()) {
            assertThat(service.getResult("passed-jvm").passed()).isTrue();
            assertThat(proxy.forwarded()).isEqualTo(1);
        }
    }

    @Test
    void directIgnoresTheJvmProxyProperties() throws Exception {
        try (TestProxy proxy = TestProxy.open();
             JvmProxy ignored = new JvmProxy(proxy.port());
             VerificationResultService service = builder().endpoint(emulator.endpoint())
                     .proxy(ProxySettings.direct()).build()) {
            assertThat(service.getResult("passed-nojvm").passed()).isTrue();
            assertThat(proxy.seen()).isEmpty();
        }
    }

    @Test
    void settingsAreValidatedAndNeverShowThePassword() {
        ProxySettings settings = ProxySettings.of("proxy.corp.example", 3128).withCredentials(USER, PASSWORD)
                .withNonProxyHosts("*.internal | localhost|10.*");
        assertThat(settings.toString()).doesNotContain(PASSWORD).doesNotContain(USER)
                .contains("proxy.corp.example:3128").contains("password=***");
        assertThat(settings.bypasses("faceid.internal")).isTrue();
        assertThat(settings.bypasses("LOCALHOST")).isTrue();
        assertThat(settings.bypasses("10.1.2.3")).isTrue();
        assertThat(settings.bypasses("faceid.tencentcloudapi.com")).isFalse();
        assertThat(settings.bypasses("internal")).isFalse();
        assertThat(settings.nonProxyHosts()).isEqualTo("*.internal|localhost|10.*");
        assertThat(ProxySettings.direct().bypasses("anything")).isTrue();
        assertThat(new ProxyConnectionFactory(settings).toString()).doesNotContain(PASSWORD);
        assertThatThrownBy(() -> ProxySettings.of(" ", 80)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProxySettings.of("proxy", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProxySettings.of("proxy", 70_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProxySettings.of("proxy", 80).withCredentials(" ", PASSWORD))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(PASSWORD);
        assertThatThrownBy(() -> ProxySettings.of("proxy", 80).withCredentials("u", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Sets the JVM's standard http proxy properties for loopback, restoring them on close. */
    private static final class JvmProxy implements AutoCloseable {
        private final Map<String, String> previous = new HashMap<>();

        JvmProxy(int port) {
            set("http.proxyHost", "127.0.0.1");
            set("http.proxyPort", Integer.toString(port));
            set("http.nonProxyHosts", ""); // any other value keeps the JDK's loopback exemption
        }

        private void set(String key, String value) {
            previous.put(key, System.getProperty(key));
            System.setProperty(key, value);
        }

        @Override
        public void close() {
            previous.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
    }
}
