package io.github.faceid4j.cdi;

import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.emulator.FaceIdEmulatorExtension;
import io.github.faceid4j.model.VerificationResult;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static io.github.faceid4j.cdi.CdiTestSupport.boot;
import static io.github.faceid4j.cdi.CdiTestSupport.config;
import static io.github.faceid4j.cdi.CdiTestSupport.map;
import static io.github.faceid4j.cdi.CdiTestSupport.props;
import static io.github.faceid4j.cdi.CdiTestSupport.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SwappingTest {

    @RegisterExtension
    static FaceIdEmulatorExtension emulator = new FaceIdEmulatorExtension();

    /** What a test suite or a staging environment might put in place of the real service. */
    @Alternative
    @Priority(100)
    @ApplicationScoped
    static class FakeService implements VerificationResultService {
        static final VerificationResult PASSED = new VerificationResult(0L, "fake", null, null, null, null, null, "fake-id");

        @Override
        public VerificationResult getResult(String bizToken) {
            return PASSED;
        }

        @Override
        public CompletionStage<VerificationResult> getResultAsync(String bizToken) {
            return CompletableFuture.completedFuture(PASSED);
        }

        @Override
        public void close() {
        }
    }

    @Dependent
    static class Verifier {
        @Inject
        VerificationResultService results;
    }

    @Test
    void anApplicationAlternativeReplacesTheExtensionsBean() {
        try (var cdi = boot(config(map(valid(emulator.get()))), FakeService.class, Verifier.class)) {
            assertThat(cdi.get(Verifier.class).results.getResult("passed-x").requestId()).isEqualTo("fake-id");
            assertThat(cdi.get(VerificationResultService.class).getResult("passed-y").errorMsg()).isEqualTo("fake");
        }
        assertThat(emulator.get().requests()).isEmpty();
    }

    @Test
    void aReplacedConfigurationIsNotChecked() {
        // Nothing configured at all: fine, because the application brings its own service.
        try (var cdi = boot(config(map(props())), FakeService.class, Verifier.class)) {
            assertThat(cdi.get(Verifier.class).results.getResult("passed-x").passed()).isTrue();
        }
    }

    @Test
    void disabledAddsNoBeanAndChecksNothing() {
        var config = config(map(props(
                "tencentcloud.faceid.enabled", "false",
                "tencentcloud.faceid.region", "nowhere",
                "tencentcloud.faceid.connect-timeout", "soon")));
        try (var cdi = boot(config)) {
            assertThat(cdi.container().select(VerificationResultService.class).isUnsatisfied()).isTrue();
        }
    }

    @Test
    void enabledMayBeSetExplicitly() {
        try (var cdi = boot(config(map(valid(emulator.get(), "tencentcloud.faceid.enabled", "true"))))) {
            assertThat(cdi.get(VerificationResultService.class).getResult("passed-on").passed()).isTrue();
        }
    }

    @Test
    void anUnreadableSwitchFailsTheDeployment() {
        var config = config(map(valid(emulator.get(), "tencentcloud.faceid.enabled", "perhaps")));
        assertThatThrownBy(() -> boot(config).close())
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("tencentcloud.faceid.enabled");
    }
}
