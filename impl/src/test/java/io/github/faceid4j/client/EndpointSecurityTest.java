package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** HTTPS by default; plain http only to a loopback address, or when explicitly allowed. */
class EndpointSecurityTest {

    private static FaceIdServiceBuilder builder() {
        return FaceIdServiceBuilder.create().region("ap-singapore")
                .credentials(Credentials.of("AKIDENDPOINTTEST", "endpoint-test-key"));
    }

    @Test
    void theDefaultEndpointIsHttps() {
        assertThat(FaceIdServiceBuilder.DEFAULT_ENDPOINT.getScheme()).isEqualTo("https");
        assertThat(builder().problems()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://faceid.tencentcloudapi.com", "http://faceid.intl.tencentcloudapi.com:80",
            "http://10.0.0.1:8080", "http://0.0.0.0:8080", "http://192.168.1.10", "http://127.0.0.1.nip.io:8080",
            "http://localhost.example.com", "http://[2001:db8::1]:8080", "HTTP://FACEID.EXAMPLE.COM"})
    void plainHttpToAnyOtherHostIsRefused(String endpoint) {
        assertThatThrownBy(() -> builder().endpoint(endpoint).build())
                .isInstanceOfSatisfying(FaceIdConfigurationException.class, e -> assertThat(e.key()).isEqualTo("endpoint"))
                .hasMessageContaining("plain http is only allowed to a loopback host");
    }

    /**
     * The api module checks a RedirectURL with its own copy of the loopback rule (api depends on nothing and exports
     * only API, so it has no way to lend it to impl): both must say the same of every host.
     */
    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3:8787", "localhost", "LOCALHOST:8787", "[::1]:8787",
            "[0:0:0:0:0:0:0:1]", "[::ffff:127.0.0.1]", "10.0.0.1", "0.0.0.0", "[::]", "192.168.1.10",
            "127.0.0.1.nip.io", "localhost.example.com", "[2001:db8::1]", "faceid.tencentcloudapi.com", "127.255.255.254"})
    void theLoopbackRuleIsTheOneTheRedirectUrlCheckFollows(String authority) {
        String host = java.net.URI.create("http://" + authority).getHost();
        boolean redirectAccepted;
        try {
            io.github.faceid4j.model.start.WebVerificationRequest.builder("http://" + authority + "/verified");
            redirectAccepted = true;
        } catch (io.github.faceid4j.InvalidRequestException e) {
            assertThat(e.getMessage()).contains("loopback");
            redirectAccepted = false;
        }
        assertThat(Endpoints.isLoopback(host)).as(authority).isEqualTo(redirectAccepted);
        assertThat(builder().endpoint("http://" + authority).problems().isEmpty()).as(authority)
                .isEqualTo(redirectAccepted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8787", "http://127.1.2.3:8787", "http://localhost:8787",
            "http://LOCALHOST", "http://[::1]:8787"})
    void plainHttpToLoopbackIsAccepted(String endpoint) {
        assertThat(builder().endpoint(endpoint).problems()).isEmpty();
    }

    @Test
    void plainHttpElsewhereNeedsTheExplicitSwitch() {
        assertThat(builder().endpoint("http://faceid-gateway.internal:8080").allowInsecureHttp(true).problems()).isEmpty();
        assertThat(builder().endpoint("http://faceid-gateway.internal:8080").allowInsecureHttp(false).problems())
                .extracting(FaceIdConfigurationException::key).containsExactly("endpoint");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://faceid.tencentcloudapi.com", "https://faceid.intl.tencentcloudapi.com",
            "https://faceid.tencentcloudapi.com:443/"})
    void httpsIsAcceptedAnywhere(String endpoint) {
        assertThat(builder().endpoint(endpoint).problems()).isEmpty();
    }
}
