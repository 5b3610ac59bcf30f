package io.github.faceid4j.cdi;

import io.github.faceid4j.FaceIdException;
import io.github.faceid4j.testing.Leaks;
import io.github.faceid4j.testing.LogCapture;
import io.github.faceid4j.emulator.FaceIdEmulator;
import io.github.faceid4j.emulator.FaceIdEmulatorExtension;
import jakarta.enterprise.inject.spi.DeploymentException;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.github.faceid4j.cdi.CdiTestSupport.boot;
import static io.github.faceid4j.cdi.CdiTestSupport.config;
import static io.github.faceid4j.cdi.CdiTestSupport.fullText;
import static io.github.faceid4j.cdi.CdiTestSupport.map;
import static io.github.faceid4j.cdi.CdiTestSupport.props;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The profile file as the last credentials source, the proxy keys and request logging, through MicroProfile Config. */
class CredentialsAndProxyConfigTest {

    // random-looking: any 8-character piece of it in a message or log is a leak (see Leaks)
    private static final String PROXY_PASSWORD = "Px4Rb9ZqK2mW7vTd0NcY5hLs8JfG3aEu";

    @RegisterExtension
    static FaceIdEmulatorExtension emulator = new FaceIdEmulatorExtension();

    @TempDir
    Path dir;

    private Path profile(String secretId, String secretKey) throws IOException {
        Path file = dir.resolve("credentials");
        Files.writeString(file, "[default]\nsecret_id = " + secretId + "\nsecret_key = " + secretKey + "\n");
        return file;
    }

    private String proxiedEndpoint() {
        return "http://faceid-emulator.test:" + emulator.get().port();
    }

    private Map<String, String> withoutCredentials(String... extra) {
        Map<String, String> values = props(
                "tencentcloud.faceid.region", "ap-singapore",
                "tencentcloud.faceid.endpoint", emulator.get().endpoint().toString(),
                "tencentcloud.faceid.max-attempts", "1");
        values.putAll(props(extra));
        return values;
    }

    private boolean passes(Config config) {
        try (var cdi = boot(config, InjectionTest.Verifier.class)) {
            return cdi.get(InjectionTest.Verifier.class).passed("passed-cdi");
        }
    }

    @Test
    void theProfileFileIsTheLastSource() throws Exception {
        Path file = profile(FaceIdEmulator.DEFAULT_SECRET_ID, FaceIdEmulator.DEFAULT_SECRET_KEY);
        assertThat(passes(config(map(withoutCredentials("tencentcloud.faceid.credentials-file", file.toString())))))
                .isTrue();
        assertThat(emulator.get().requests()).singleElement().satisfies(r -> assertThat(r.signatureValid()).isTrue());
    }

    @Test
    void configurationAndEnvironmentComeBeforeTheProfileFile() throws Exception {
        Path wrong = profile("AKIDWRONGFILE00000000000000000000001", "wrong-file-key");
        assertThat(passes(config(map(withoutCredentials(
                "tencentcloud.faceid.credentials-file", wrong.toString(),
                "tencentcloud.faceid.secret-id", FaceIdEmulator.DEFAULT_SECRET_ID,
                "tencentcloud.faceid.secret-key", FaceIdEmulator.DEFAULT_SECRET_KEY))))).isTrue();
        assertThat(passes(config(map(withoutCredentials(
                "tencentcloud.faceid.credentials-file", wrong.toString(),
                "TENCENTCLOUD_SECRET_ID", FaceIdEmulator.DEFAULT_SECRET_ID,
                "TENCENTCLOUD_SECRET_KEY", FaceIdEmulator.DEFAULT_SECRET_KEY))))).isTrue();
    }

    @Test
    void aNamedProfileFileThatIsMissingOrBrokenFailsTheDeployment() throws Exception {
        Path missing = dir.resolve("nothing-here");
        assertFails(config(map(withoutCredentials("tencentcloud.faceid.credentials-file", missing.toString()))),
                "tencentcloud.faceid.credentials-file", "has no credentials", missing.toString());

        Path half = dir.resolve("half");
        Files.writeString(half, "[default]\nsecret_id = AKIDHALFPAIR0000000000000000000001\n");
        String text = assertFails(config(map(withoutCredentials("tencentcloud.faceid.credentials-file", half.toString()))),
                "tencentcloud.faceid.credentials-file", "secret_id but no secret_key");
        assertThat(text).doesNotContain("AKIDHALFPAIR0000000000000000000001");
    }

    @Test
    void withNoSourceAtAllTheProblemNamesTheProfileFileToo() {
        Path missing = dir.resolve("none");
        Map<String, String> values = withoutCredentials();
        values.put("tencentcloud.faceid.credentials-file", missing.toString());
        // named and missing: an explicit file must exist
        assertFails(config(map(values)), "tencentcloud.faceid.credentials-file");
        values.remove("tencentcloud.faceid.credentials-file");
        String text = assertFails(config(map(values)), "tencentcloud.faceid.secret-id", "TENCENTCLOUD_SECRET_ID",
                "the profile file");
        assertThat(text).contains(".tencentcloud");
    }

    @Test
    void proxyKeysRouteTheRequestsWithCredentialsThatAreNeverShown() throws Exception {
        try (RecordingProxy proxy = new RecordingProxy(); var log = new LogCapture()) {
            Config config = config(map(withoutCredentials(
                    "tencentcloud.faceid.secret-id", FaceIdEmulator.DEFAULT_SECRET_ID,
                    "tencentcloud.faceid.secret-key", FaceIdEmulator.DEFAULT_SECRET_KEY,
                    "tencentcloud.faceid.log-requests", "true",
                    // by a name: a loopback endpoint never goes through a proxy
                    "tencentcloud.faceid.endpoint", proxiedEndpoint(),
                    "tencentcloud.faceid.allow-insecure-http", "true",
                    "tencentcloud.faceid.proxy.host", "127.0.0.1",
                    "tencentcloud.faceid.proxy.port", Integer.toString(proxy.port()),
                    "tencentcloud.faceid.proxy.username", "cdi-proxy-user",
                    "tencentcloud.faceid.proxy.password", PROXY_PASSWORD,
                    "tencentcloud.faceid.proxy.non-proxy-hosts", "*.internal")));
            try (var cdi = boot(config, InjectionTest.Verifier.class)) {
                assertThatThrownBy(() -> cdi.get(InjectionTest.Verifier.class).passed("passed-via-proxy"))
                        .isInstanceOf(FaceIdException.class); // the recording proxy answers 502
            }
            List<String> seen = proxy.requests();
            assertThat(seen).singleElement().satisfies(request -> assertThat(request)
                    .startsWith("POST " + proxiedEndpoint() + "/ HTTP/1.1")
                    .contains("Proxy-Authorization: Basic " + Base64.getEncoder().encodeToString(
                            ("cdi-proxy-user:" + PROXY_PASSWORD).getBytes(StandardCharsets.UTF_8))));
            assertThat(emulator.get().requests()).isEmpty();
            String logs = log.text();
            Leaks.of("proxy password", PROXY_PASSWORD).assertNotIn("the log", logs);
            assertThat(logs).contains("FaceID request: BizToken pass..., attempt 1")
                    .doesNotContain(FaceIdEmulator.DEFAULT_SECRET_KEY)
                    .doesNotContain("unrecognised configuration keys"); // proxy.* and log-requests are known keys
        }
    }

    @Test
    void brokenProxyKeysFailTheDeploymentWithoutEchoingThePassword() {
        Map<String, String> base = withoutCredentials(
                "tencentcloud.faceid.secret-id", FaceIdEmulator.DEFAULT_SECRET_ID,
                "tencentcloud.faceid.secret-key", FaceIdEmulator.DEFAULT_SECRET_KEY);
        Map<String, String> noHost = new java.util.LinkedHashMap<>(base);
        noHost.putAll(props("tencentcloud.faceid.proxy.port", "3128",
                "tencentcloud.faceid.proxy.password", PROXY_PASSWORD));
        String text = assertFails(config(map(noHost)), "tencentcloud.faceid.proxy.host",
                "tencentcloud.faceid.proxy.username");
        Leaks.of("proxy password", PROXY_PASSWORD).assertNotIn("the deployment failure", text);

        Map<String, String> badPort = new java.util.LinkedHashMap<>(base);
        badPort.putAll(props("tencentcloud.faceid.proxy.host", "proxy.corp.example",
                "tencentcloud.faceid.proxy.port", "squid"));
        assertFails(config(map(badPort)), "tencentcloud.faceid.proxy.port", "squid");

        Map<String, String> portRange = new java.util.LinkedHashMap<>(base);
        portRange.putAll(props("tencentcloud.faceid.proxy.host", "proxy.corp.example",
                "tencentcloud.faceid.proxy.port", "99999"));
        assertFails(config(map(portRange)), "tencentcloud.faceid.proxy.port", "65535");
    }

    @Test
    void proxyAndFileKeysAreKnownPerClient() {
        assertThat(ConfigKeys.known("proxy.host")).isTrue();
        assertThat(ConfigKeys.known("payouts.proxy.non-proxy-hosts")).isTrue();
        assertThat(ConfigKeys.known("payouts.credentials-file")).isTrue();
        assertThat(ConfigKeys.known("log-requests")).isTrue();
        assertThat(ConfigKeys.known("proxy.hots")).isFalse();
        assertThat(ConfigKeys.known("a.b.proxy.host")).isFalse();
    }

    private static String assertFails(Config config, String... expected) {
        Throwable failure;
        String logs;
        try (var log = new LogCapture()) {
            failure = catchThrowable(() -> boot(config, InjectionTest.Verifier.class).close());
            logs = log.text();
        }
        assertThat(failure).isInstanceOf(DeploymentException.class);
        String text = fullText(failure);
        for (String part : expected) {
            assertThat(text).contains(part);
        }
        assertThat(text + logs).doesNotContain(FaceIdEmulator.DEFAULT_SECRET_KEY);
        Leaks.of("proxy password", PROXY_PASSWORD).assertNotIn("the deployment failure and the log", text + logs);
        return text;
    }

    /** Takes requests as a proxy would, records their heads, and answers 502. */
    private static final class RecordingProxy implements AutoCloseable {
        private final ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        private final List<String> requests = new ArrayList<>();

        RecordingProxy() throws IOException {
            CompletableFuture.runAsync(this::serve);
        }

        int port() {
            return server.getLocalPort();
        }

        synchronized List<String> requests() {
            return List.copyOf(requests);
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    InputStream in = socket.getInputStream();
                    ByteArrayOutputStream head = new ByteArrayOutputStream();
                    int matched = 0;
                    for (int c; matched < 4 && (c = in.read()) != -1; ) {
                        head.write(c);
                        matched = (c == "\r\n\r\n".charAt(matched)) ? matched + 1 : (c == '\r' ? 1 : 0);
                    }
                    synchronized (this) {
                        requests.add(head.toString(StandardCharsets.ISO_8859_1));
                    }
                    socket.getOutputStream().write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    return;
                }
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
