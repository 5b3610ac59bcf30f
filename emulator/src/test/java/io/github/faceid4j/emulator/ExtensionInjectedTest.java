package io.github.faceid4j.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(FaceIdEmulatorExtension.class)
class ExtensionInjectedTest {

    @Test
    void injectsARunningEmulator(FaceIdEmulator emulator) throws Exception {
        assertThat(emulator.isRunning()).isTrue();
        assertThat(emulator.secretId()).isEqualTo(FaceIdEmulator.DEFAULT_SECRET_ID);
        assertThat(new TestClient(emulator).call("passed-1").errorCode()).isNull();
    }
}
