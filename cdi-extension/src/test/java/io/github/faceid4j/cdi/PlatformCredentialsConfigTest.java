package io.github.faceid4j.cdi;

import io.github.faceid4j.testing.LogCapture;
import io.github.faceid4j.testing.PlatformCredentialsServer;
import io.github.faceid4j.emulator.FaceIdEmulator;
import jakarta.enterprise.inject.spi.DeploymentException;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static io.github.faceid4j.cdi.CdiTestSupport.boot;
import static io.github.faceid4j.cdi.CdiTestSupport.config;
import static io.github.faceid4j.cdi.CdiTestSupport.fullText;
import static io.github.faceid4j.cdi.CdiTestSupport.map;
import static io.github.faceid4j.cdi.CdiTestSupport.props;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The platform's temporary credentials through MicroProfile Config: the CVM role and the TKE OIDC role against
 * {@link PlatformCredentialsServer} (a loopback metadata service and STS), selected explicitly or found by the
 * {@code auto} chain after the profile file, each signing real calls to the emulator with the session token.
 */
class PlatformCredentialsConfigTest {

    private static final String WEB_IDENTITY_TOKEN = "eyJhbGciOiJSUzI1NiJ9.cdi-web-identity-token.sig";

    private PlatformCredentialsServer platform;
    private FaceIdEmulator faceid;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        platform = new PlatformCredentialsServer(Clock.systemUTC());
        // accepts the first set the platform server hands out
        faceid = FaceIdEmulator.builder().credentials(PlatformCredentialsServer.id(1), PlatformCredentialsServer.key(1))
                .sessionToken(PlatformCredentialsServer.token(1)).build().start();
    }

    @AfterEach
    void stop() {
        faceid.close();
        platform.close();
    }

    private Map<String, String> base(String... extra) {
        Map<String, String> values = props(
                "tencentcloud.faceid.region", "ap-singapore",
                "tencentcloud.faceid.endpoint", faceid.endpoint().toString(),
                "tencentcloud.faceid.max-attempts", "1");
        values.putAll(props(extra));
        return values;
    }

    private boolean passes(Config config) {
        try (var cdi = boot(config, InjectionTest.Verifier.class)) {
            return cdi.get(InjectionTest.Verifier.class).passed("passed-platform");
        }
    }

    private Map<String, String> tke() throws IOException {
        Path token = Files.writeString(dir.resolve("token"), WEB_IDENTITY_TOKEN);
        return props("TKE_REGION", "ap-singapore", "TKE_PROVIDER_ID", "tke-oidc", "TKE_WEB_IDENTITY_TOKEN_FILE",
                token.toString(), "TKE_ROLE_ARN", "qcs::cam::uin/100000000001:roleName/portal");
    }

    @Test
    void theCvmRoleSelectedExplicitlySignsCallsWithItsSessionToken() {
        assertThat(passes(config(map(base("tencentcloud.faceid.credentials-source", "cvm-role",
                "tencentcloud.faceid.cvm-role.metadata-endpoint", platform.endpoint().toString()))))).isTrue();

        assertThat(faceid.requests()).singleElement().satisfies(r -> {
            assertThat(r.signatureValid()).isTrue();
            assertThat(r.header("X-TC-Token")).isEqualTo(PlatformCredentialsServer.token(1));
        });
        assertThat(platform.issued()).as("fetched once, at deployment, and kept").isEqualTo(1);
    }

    @Test
    void theAutoChainFallsToTheCvmRoleWhenNothingElseHasCredentials() {
        assertThat(passes(config(map(base("tencentcloud.faceid.cvm-role.metadata-endpoint",
                platform.endpoint().toString()))))).isTrue();
        assertThat(platform.count("GET", PlatformCredentialsServer.PATH)).isEqualTo(1);
    }

    @Test
    void theAutoChainTakesTheOidcRoleWhenTheTkeVariablesAreSet() throws IOException {
        Map<String, String> values = base("tencentcloud.faceid.oidc-role.sts-endpoint", platform.endpoint().toString(),
                "tencentcloud.faceid.cvm-role.metadata-endpoint", platform.endpoint().toString());
        values.putAll(tke());

        assertThat(passes(config(map(values)))).isTrue();
        assertThat(platform.requests).extracting(PlatformCredentialsServer.Request::method).containsExactly("POST");
        assertThat(platform.requests.get(0).body()).contains(WEB_IDENTITY_TOKEN);
    }

    @Test
    void keysStillComeFirst() {
        FaceIdEmulator plain = faceid;
        assertThat(passes(config(map(base("tencentcloud.faceid.secret-id", PlatformCredentialsServer.id(1),
                "tencentcloud.faceid.secret-key", PlatformCredentialsServer.key(1),
                "tencentcloud.faceid.session-token", PlatformCredentialsServer.token(1),
                "tencentcloud.faceid.cvm-role.metadata-endpoint", platform.endpoint().toString()))))).isTrue();
        assertThat(plain.requests()).hasSize(1);
        assertThat(platform.requests).isEmpty();
    }

    @Test
    void anExplicitCvmRoleWithoutAMetadataServiceFailsTheDeploymentNamingTheKey() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        String text = assertFails(config(map(base("tencentcloud.faceid.credentials-source", "cvm-role",
                        "tencentcloud.faceid.cvm-role.metadata-endpoint", "http://127.0.0.1:" + closedPort))),
                "tencentcloud.faceid.credentials-source", "CVM role", "not reachable");
        assertThat(text).doesNotContain("is required (or");
    }

    @Test
    void halfTheTkeVariablesFailTheDeploymentNamingTheMissingOne() throws IOException {
        Map<String, String> values = base("tencentcloud.faceid.credentials-source", "oidc-role");
        values.putAll(tke());
        values.remove("TKE_PROVIDER_ID");
        assertFails(config(map(values)), "TKE_PROVIDER_ID", "is required for the TKE OIDC role");
        assertThat(platform.requests).isEmpty();
    }

    @Test
    void anStsRefusalFailsTheDeploymentWithoutTheToken() throws IOException {
        platform.stsError = "InvalidParameter.WebIdentityTokenError";
        Map<String, String> values = base("tencentcloud.faceid.credentials-source", "oidc-role",
                "tencentcloud.faceid.oidc-role.sts-endpoint", platform.endpoint().toString());
        values.putAll(tke());
        assertFails(config(map(values)), "tencentcloud.faceid.credentials-source",
                "InvalidParameter.WebIdentityTokenError");
    }

    @Test
    void badValuesFailTheDeploymentNamingTheirKeys() {
        assertFails(config(map(base("tencentcloud.faceid.credentials-source", "vault"))),
                "tencentcloud.faceid.credentials-source", "must be auto, cvm-role or oidc-role, was 'vault'");
        assertFails(config(map(base("tencentcloud.faceid.credentials-source", "cvm-role",
                "tencentcloud.faceid.cvm-role.metadata-endpoint", "metadata.local"))),
                "tencentcloud.faceid.cvm-role.metadata-endpoint", "absolute http(s) URL");
        assertFails(config(map(base("tencentcloud.faceid.credentials-source", "cvm-role",
                "tencentcloud.faceid.cvm-role.metadata-endpoint", platform.endpoint().toString(),
                "tencentcloud.faceid.cvm-role.name", "no spaces allowed"))), "tencentcloud.faceid.cvm-role.name");
    }

    private String assertFails(Config config, String... expected) {
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
        assertThat(text + logs).doesNotContain(WEB_IDENTITY_TOKEN);
        for (int n = 1; n <= 3; n++) {
            assertThat(text + logs).doesNotContain(PlatformCredentialsServer.key(n), PlatformCredentialsServer.token(n));
        }
        return text;
    }
}
