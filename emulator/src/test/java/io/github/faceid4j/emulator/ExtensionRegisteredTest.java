package io.github.faceid4j.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionRegisteredTest {

    @RegisterExtension
    static FaceIdEmulatorExtension emulator = new FaceIdEmulatorExtension(
            FaceIdEmulator.builder().clock(Clock.systemUTC()).sessionToken("tok"));

    static int port;

    @Test
    @Order(1)
    void runsWithTheGivenConfiguration() throws Exception {
        assertThat(emulator.get().isRunning()).isTrue();
        assertThat(emulator.get().sessionToken()).contains("tok");
        port = emulator.get().port();
        emulator.get().script("x", Scenario.notFinished());
        assertThat(new TestClient(emulator.get()).call("x").response().getInt("ErrorCode")).isEqualTo(17);
    }

    @Test
    @Order(2)
    void sameEmulatorButResetBetweenTests(FaceIdEmulator injected) throws Exception {
        assertThat(injected).isSameAs(emulator.get());
        assertThat(injected.port()).isEqualTo(port);
        assertThat(injected.requests()).isEmpty();
        // The script of the previous test is gone: the convention answers again.
        assertThat(new TestClient(injected).call("x").errorCode()).isEqualTo("InvalidParameterValue.BizTokenIllegal");
    }

    @Nested
    class Inner {
        @Test
        void nestedClassesShareTheEmulator() {
            assertThat(emulator.get().isRunning()).isTrue();
            assertThat(emulator.get().sessionToken()).contains("tok");
        }
    }
}
