package io.github.faceid4j.emulator;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The injected form of FaceIdEmulatorExtension's javadoc sample (see {@link JavadocSamplesTest}), run as written. */
class JavadocSamplesInjectedTest {

    // sample: FaceIdEmulatorExtension, injected
    @ExtendWith(FaceIdEmulatorExtension.class)
    class MyTest { @Test void t(FaceIdEmulator emulator) { emulator.script("tok-1", Scenario.passed()); } }
    // end of sample

    /** Runs the sample's test, which the extension (inherited from the sample's class) gives an emulator. */
    @Nested
    class Run extends MyTest {
    }
}
