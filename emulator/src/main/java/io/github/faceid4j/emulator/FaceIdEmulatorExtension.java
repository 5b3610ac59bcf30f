package io.github.faceid4j.emulator;

import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs one {@link FaceIdEmulator} per test class and gives every test a clean one (scripts, log and rate window
 * reset before each test).
 *
 * <pre>{@code
 * @RegisterExtension
 * static FaceIdEmulatorExtension emulator = new FaceIdEmulatorExtension();   // emulator.get() in tests
 * }</pre>
 * or inject it:
 * <pre>{@code
 * @ExtendWith(FaceIdEmulatorExtension.class)
 * class MyTest { @Test void t(FaceIdEmulator emulator) { emulator.script("tok-1", Scenario.passed()); } }
 * }</pre>
 *
 * Registered on a non-static field, the emulator is started before each test and closed after it. Nested test
 * classes share the enclosing class's emulator.
 */
public class FaceIdEmulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

    private final Supplier<FaceIdEmulator.Builder> configuration;
    private FaceIdEmulator emulator;
    private int classDepth;
    private boolean perTest;

    /** An emulator with the defaults of {@link FaceIdEmulator#builder()}. */
    public FaceIdEmulatorExtension() {
        this(FaceIdEmulator::builder);
    }

    /**
     * An emulator built from {@code builder} (e.g. with a fixed clock or a session token).
     *
     * @param builder the emulator's settings
     */
    public FaceIdEmulatorExtension(FaceIdEmulator.Builder builder) {
        this(() -> Objects.requireNonNull(builder, "builder"));
    }

    private FaceIdEmulatorExtension(Supplier<FaceIdEmulator.Builder> configuration) {
        this.configuration = configuration;
    }

    /**
     * {@return the running emulator}
     *
     * @throws IllegalStateException outside the tests of the class that registered the extension
     */
    public synchronized FaceIdEmulator get() {
        if (emulator == null || !emulator.isRunning()) {
            throw new IllegalStateException("The FaceID emulator runs only while the registering test class runs");
        }
        return emulator;
    }

    /**
     * Finishes a verification the code under test started, as if the customer had done {@code outcome} on the
     * hosted pages; see {@link FaceIdEmulator#complete(String, FlowOutcome)}.
     *
     * @param bizToken the BizToken of the verification
     * @param outcome what the customer did
     */
    public void complete(String bizToken, FlowOutcome outcome) {
        get().complete(bizToken, outcome);
    }

    /**
     * Like {@link #complete(String, FlowOutcome)}, with a result code of the outcome's kind.
     *
     * @param bizToken the BizToken of the verification
     * @param outcome what the customer did
     * @param code the result code
     */
    public void complete(String bizToken, FlowOutcome outcome, long code) {
        get().complete(bizToken, outcome, code);
    }

    /**
     * Moves the web flow's clock forward; see {@link FaceIdEmulator#advanceClock(java.time.Duration)}.
     *
     * @param by how far to move it
     */
    public void advanceClock(java.time.Duration by) {
        get().advanceClock(by);
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (classDepth++ == 0) {
            emulator = configuration.get().build().start();
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        if (classDepth > 0 && --classDepth == 0) {
            closeEmulator();
        }
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) {
        if (emulator == null || !emulator.isRunning()) {
            // Registered on an instance field: beforeAll was never called for us.
            emulator = configuration.get().build().start();
            perTest = true;
        } else {
            emulator.reset();
        }
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) {
        if (perTest) {
            perTest = false;
            closeEmulator();
        }
    }

    private void closeEmulator() {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == FaceIdEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return get();
    }
}
