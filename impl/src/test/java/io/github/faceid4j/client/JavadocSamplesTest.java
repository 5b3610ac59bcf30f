package io.github.faceid4j.client;

import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.emulator.FaceIdEmulator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code samples of this module's javadoc, verbatim between the "sample" comments, compiled and run here so they
 * cannot rot; {@code JavadocSamplesCheckTest} (the CLI's tests) fails when a sample in the javadoc is not found,
 * character for character up to whitespace, in its module's test sources.
 */
class JavadocSamplesTest {

    @Test
    void faceIdServiceBuilder() {
        String secretId = FaceIdEmulator.DEFAULT_SECRET_ID;
        String secretKey = FaceIdEmulator.DEFAULT_SECRET_KEY;
        // sample: FaceIdServiceBuilder
        VerificationResultService results = FaceIdServiceBuilder.create()
                .region("ap-singapore")
                .credentials(Credentials.of(secretId, secretKey))
                .build();
        // end of sample
        results.close();
    }

    /** Stands in for an STS client in the sample: temporary credentials valid for an hour. */
    private record Sts() {
        Temporary assumeRole(String role) {
            return new Temporary("AKIDTEMPORARY" + role, "temporary-key", "session-token",
                    Instant.now().plus(Duration.ofHours(1)));
        }
    }

    private record Temporary(String id, String key, String token, Instant expiration) {
    }

    @Test
    void refreshingCredentialsProvider() {
        Sts stsClient = new Sts();
        // sample: RefreshingCredentialsProvider
        CredentialsProvider sts = RefreshingCredentialsProvider.untilExpiry(
                () -> { var t = stsClient.assumeRole("faceid-portal"); return new RefreshingCredentialsProvider.Expiring(
                        Credentials.of(t.id(), t.key(), t.token()), t.expiration()); },
                Duration.ofMinutes(5));
        VerificationResultService results = FaceIdServiceBuilder.create()
                .region("ap-singapore")
                .credentialsProvider(sts)
                .build();
        // end of sample
        results.close();
        assertThat(sts.credentials().secretId()).isEqualTo("AKIDTEMPORARYfaceid-portal");
    }

    @Test
    void proxySettings() {
        String passwordFromVault = "synthetic-proxy-password";
        // sample: ProxySettings
        FaceIdServiceBuilder builder = FaceIdServiceBuilder.create()
                .proxy(ProxySettings.of("proxy.corp.example", 3128)
                        .withCredentials("svc-faceid", passwordFromVault)
                        .withNonProxyHosts("*.internal|localhost"));
        // end of sample
        builder.region("ap-singapore").credentials(Credentials.of("AKIDSAMPLE", "sample-key")).build().close();
    }
}
