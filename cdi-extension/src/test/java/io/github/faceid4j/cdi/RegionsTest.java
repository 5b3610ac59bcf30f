package io.github.faceid4j.cdi;

import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.emulator.FaceIdEmulatorExtension;
import jakarta.enterprise.inject.spi.DeploymentException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.faceid4j.cdi.CdiTestSupport.boot;
import static io.github.faceid4j.cdi.CdiTestSupport.config;
import static io.github.faceid4j.cdi.CdiTestSupport.fullText;
import static io.github.faceid4j.cdi.CdiTestSupport.map;
import static io.github.faceid4j.cdi.CdiTestSupport.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The five documented regions deploy and are called; anything else stops the deployment naming the key. */
class RegionsTest {

    @RegisterExtension
    static final FaceIdEmulatorExtension EMULATOR = new FaceIdEmulatorExtension();

    @ParameterizedTest
    @ValueSource(strings = {"ap-bangkok", "ap-hongkong", "ap-jakarta", "ap-singapore", "sa-saopaulo"})
    void documentedRegionsDeploy(String region) {
        try (var cdi = boot(config(map(valid(EMULATOR.get(), "tencentcloud.faceid.region", region))))) {
            assertThat(cdi.get(VerificationResultService.class).getResult("passed-cdi").passed()).isTrue();
        }
        assertThat(EMULATOR.get().requestsFor("passed-cdi").get(0).header("X-TC-Region")).isEqualTo(region);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ap-guangzhou", "ap-tokyo"})
    void othersFailTheDeployment(String region) {
        Throwable failure = catchThrowable(() -> {
            try (var cdi = boot(config(map(valid(EMULATOR.get(), "tencentcloud.faceid.region", region))))) {
                cdi.get(VerificationResultService.class);
            }
        });
        assertThat(failure).isInstanceOf(DeploymentException.class);
        assertThat(fullText(failure)).contains("tencentcloud.faceid.region", region, "sa-saopaulo");
    }
}
