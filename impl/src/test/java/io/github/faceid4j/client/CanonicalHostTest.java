package io.github.faceid4j.client;

import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.emulator.FaceIdEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service lower-cases the host in the canonical request, whatever was typed; so does the emulator. An endpoint
 * typed in mixed case is signed (and sent) lower-cased.
 */
class CanonicalHostTest {

    @RegisterExtension
    static final FaceIdEmulatorExtension EMULATOR = new FaceIdEmulatorExtension();

    @Test
    void anEndpointTypedInMixedCaseIsSignedLowerCased() {
        try (VerificationResultService service = FaceIdServiceBuilder.create()
                .region("ap-jakarta")
                .endpoint("http://LocalHost:" + EMULATOR.get().port())
                .credentials(Credentials.of(EMULATOR.get().secretId(), EMULATOR.get().secretKey()))
                .build()) {
            assertThat(service.getResult("passed-host").passed()).isTrue();
        }
        assertThat(EMULATOR.get().requestsFor("passed-host")).singleElement()
                .satisfies(r -> assertThat(r.header("Host")).isEqualTo("localhost:" + EMULATOR.get().port()));
    }
}
