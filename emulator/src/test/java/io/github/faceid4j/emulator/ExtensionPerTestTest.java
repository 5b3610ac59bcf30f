package io.github.faceid4j.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Registered on an instance field, the extension never sees beforeAll: it starts and stops per test. */
class ExtensionPerTestTest {

    @RegisterExtension
    FaceIdEmulatorExtension perTest = new FaceIdEmulatorExtension();

    static FaceIdEmulator previous;

    @Test
    void first() {
        check();
    }

    @Test
    void second() {
        check();
    }

    private void check() {
        assertThat(perTest.get().isRunning()).isTrue();
        if (previous != null) {
            assertThat(previous).isNotSameAs(perTest.get());
            assertThat(previous.isRunning()).isFalse();
        }
        previous = perTest.get();
    }
}
