package io.github.faceid4j.client;

import io.github.faceid4j.testing.LogCapture;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.emulator.FaceIdEmulator;
import io.github.faceid4j.emulator.FaceIdEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service logs nothing alarming on its own: in particular not Jersey's "A class jakarta.activation.DataSource for a
 * default provider MessageBodyWriter&lt;jakarta.activation.DataSource&gt; was not found" (issue 19), which Jersey
 * prints once per JVM. Hence a fresh JVM ({@link Child}), capturing every java.util.logging record from the first
 * class loaded to the service's close, against the emulator in this JVM.
 */
class NoJerseyNoiseTest {

    @RegisterExtension
    static final FaceIdEmulatorExtension EMULATOR = new FaceIdEmulatorExtension();

    @Test
    void aFreshJvmBuildsCallsAndClosesAServiceWithoutAWarning() throws Exception {
        FaceIdEmulator emulator = EMULATOR.get();
        Path out = Files.createTempFile("faceid-child", ".txt");
        try {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Child.class.getName(),
                    emulator.endpoint().toString(), emulator.secretId(), emulator.secretKey())
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!child.waitFor(120, TimeUnit.SECONDS)) {
                child.destroyForcibly();
                throw new AssertionError("the child JVM did not finish within 120 s");
            }
            String output = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(child.exitValue()).as(output).isZero();
            assertThat(output).contains("passed=true").contains("records captured:")
                    .doesNotContain("jakarta.activation")
                    .doesNotContain("WARNING").doesNotContain("SEVERE");
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Runs in the child JVM: prints every log record at INFO or above, then the result of one call. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            List<LogRecord> records;
            boolean passed;
            try (LogCapture log = new LogCapture()) {
                try (VerificationResultService service = FaceIdServiceBuilder.create()
                        .region("ap-singapore")
                        .endpoint(URI.create(args[0]))
                        .credentials(Credentials.of(args[1], args[2]))
                        .build()) {
                    passed = service.getResult("passed-fresh-jvm").passed();
                }
                records = log.records();
            }
            System.out.println("records captured: " + records.size());
            for (LogRecord r : records) {
                if (r.getLevel().intValue() >= Level.INFO.intValue()) {
                    System.out.println(r.getLevel() + " " + r.getLoggerName() + " " + r.getMessage());
                }
            }
            System.out.println("passed=" + passed);
        }
    }
}
