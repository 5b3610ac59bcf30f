package io.github.faceid4j.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code samples of this module's javadoc, verbatim, compiled and run here so they cannot rot;
 * {@code JavadocSamplesCheckTest} (the CLI's tests) fails when a sample in the javadoc is not found, character for
 * character up to whitespace, in its module's test sources.
 */
class JavadocSamplesTest {

    // sample: FaceIdEmulatorExtension, registered
    @RegisterExtension
    static FaceIdEmulatorExtension emulator = new FaceIdEmulatorExtension();   // emulator.get() in tests
    // end of sample

    @Test
    void registered() {
        assertThat(emulator.get().endpoint().getHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void faceIdEmulator() {
        // sample: FaceIdEmulator
        try (FaceIdEmulator emulator = FaceIdEmulator.builder().build().start()) {
            emulator.script("tok-1", Scenario.notFinished(), Scenario.passed());
            // point a client at emulator.endpoint() with DEFAULT_SECRET_ID / DEFAULT_SECRET_KEY
        }
        // end of sample
    }

    @Test
    void selfSignedCertificate(@TempDir Path tempDir) {
        // sample: SelfSignedCertificate
        SelfSignedCertificate cert = SelfSignedCertificate.create(tempDir, "ip:127.0.0.1", "dns:localhost");
        try (FaceIdEmulator emulator = FaceIdEmulator.builder().tls(cert.serverContext()).build().start()) {
            // a client trusting cert.trustStore() (PKCS12, cert.password()) talks to emulator.endpoint(): https://127.0.0.1:port
        }
        // end of sample
    }
}
