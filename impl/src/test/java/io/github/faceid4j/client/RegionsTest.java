package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdConfigurationException;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.emulator.FaceIdEmulator;
import io.github.faceid4j.emulator.FaceIdEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The five regions the current documents list for both web-verification actions; nothing else. */
class RegionsTest {

    @RegisterExtension
    static final FaceIdEmulatorExtension EMULATOR = new FaceIdEmulatorExtension();

    @ParameterizedTest
    @ValueSource(strings = {"ap-bangkok", "ap-hongkong", "ap-jakarta", "ap-singapore", "sa-saopaulo"})
    void everyDocumentedRegionIsCalled(String region) {
        FaceIdEmulator emulator = EMULATOR.get();
        try (VerificationResultService service = FaceIdServiceBuilder.create().region(region)
                .endpoint(emulator.endpoint()).credentials(Credentials.of(emulator.secretId(), emulator.secretKey()))
                .build()) {
            assertThat(service.getResult("passed-" + region).passed()).isTrue();
        }
        assertThat(emulator.requestsFor("passed-" + region).get(0).header("X-TC-Region")).isEqualTo(region);
    }

    @Test
    void theSupportedSetIsExactlyTheDocumentedOne() {
        assertThat(FaceIdServiceBuilder.SUPPORTED_REGIONS)
                .containsExactlyInAnyOrder("ap-bangkok", "ap-hongkong", "ap-jakarta", "ap-singapore", "sa-saopaulo");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ap-guangzhou", "ap-beijing", "eu-frankfurt", "AP-SINGAPORE", " ap-singapore",
        "ap-tokyo", "na-siliconvalley"})
    void anythingElseFailsAtBuildNamingTheKey(String region) {
        assertThatThrownBy(() -> FaceIdServiceBuilder.create().region(region).endpoint(EMULATOR.get().endpoint())
                .credentials(Credentials.of("id", "key")).build())
                .isInstanceOfSatisfying(FaceIdConfigurationException.class, e -> {
                    assertThat(e.key()).isEqualTo("region");
                    assertThat(e.getMessage()).contains("ap-bangkok", "sa-saopaulo");
                });
    }
}
