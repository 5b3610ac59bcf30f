package io.github.faceid4j.cdi;

import io.github.faceid4j.emulator.FaceIdEmulatorExtension;
import jakarta.enterprise.inject.Any;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.faceid4j.cdi.CdiTestSupport.boot;
import static io.github.faceid4j.cdi.CdiTestSupport.config;
import static io.github.faceid4j.cdi.CdiTestSupport.map;
import static io.github.faceid4j.cdi.CdiTestSupport.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * In a container without MicroProfile Health the extension deploys, serves calls and adds no readiness check. Run
 * by the {@code without-health-api} execution of this module's pom, with the API left off the class path; skipped
 * in the normal run (where the API is there).
 */
class WithoutHealthApiTest {

    @RegisterExtension
    static FaceIdEmulatorExtension emulator = new FaceIdEmulatorExtension();

    @Test
    void theExtensionWorksWithoutMicroProfileHealth() {
        assumeTrue(Boolean.getBoolean("faceid.test.without-health-api"), "run by the without-health-api execution");
        assertThatThrownBy(() -> Class.forName("org.eclipse.microprofile.health.HealthCheck"))
                .as("the API must be off the class path in this run").isInstanceOf(ClassNotFoundException.class);
        assertThat(ClientHealth.healthApiPresent()).isFalse();
        assertThat(ContainerTelemetry.apiPresent()).as("OpenTelemetry is left off in this run too").isFalse();

        try (var cdi = boot(config(map(valid(emulator.get()))), InjectionTest.Verifier.class)) {
            assertThat(cdi.get(InjectionTest.Verifier.class).passed("passed-without-health")).isTrue();
            assertThat(cdi.container().getBeanManager().getBeans(Object.class, Any.Literal.INSTANCE))
                    .isNotEmpty()
                    .noneMatch(b -> b.getTypes().stream().anyMatch(t -> t.getTypeName().endsWith(".HealthCheck")));
        }
    }
}
