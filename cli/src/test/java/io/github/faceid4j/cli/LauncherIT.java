package io.github.faceid4j.cli;

import io.github.faceid4j.emulator.FaceIdEmulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code target/faceid}, the launcher the build makes beside the shaded jar, as a user runs it: through a symbolic
 * link, from another directory, with the class-data-sharing archive the build dumped. Run by failsafe after package.
 */
class LauncherIT {

    private static Path launcher;

    @TempDir
    Path dir;

    @BeforeAll
    static void findLauncher() {
        launcher = Path.of(System.getProperty("faceid.cli.launcher", "target/faceid")).toAbsolutePath();
        assumeTrue(Files.isRegularFile(launcher), "no launcher at " + launcher + "; run `mvn verify`");
        assumeTrue(!System.getProperty("os.name").startsWith("Windows"), "the launcher is a POSIX shell script");
    }

    @Test
    void resultAgainstAnEmulatorThroughASymlinkFromAnotherDirectory() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("bin-faceid"), launcher);
        try (FaceIdEmulator emulator = FaceIdEmulator.builder().build().start()) {
            ChildProcess.Result result = run(link, Map.of("TENCENTCLOUD_SECRET_ID", FaceIdEmulator.DEFAULT_SECRET_ID,
                            "TENCENTCLOUD_SECRET_KEY", FaceIdEmulator.DEFAULT_SECRET_KEY),
                    "result", "passed-launcher", "--region", "ap-singapore", "--endpoint",
                    emulator.endpoint().toString(), "--json");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).startsWith("{").contains("\"ErrorCode\": 0").contains("\"RequestId\"");
            assertThat(result.err()).as("no warning: the archive matches this JVM and jar").isEmpty();
            assertThat(emulator.requestsFor("passed-launcher")).hasSize(1);
        }
    }

    @Test
    void theCliClassesComeFromTheArchive() throws Exception {
        ChildProcess.Result result = run(launcher, Map.of("FACEID_JAVA_OPTS", "-Xlog:class+load=info"), "demo");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Demo OK");
        // the dynamic archive is the "top" layer of class data sharing, above the JDK's own (picocli is not in it:
        // its classes are Java 5 class files, which CDS does not archive)
        assertThat(result.out()).containsPattern("io\\.github\\.faceid4j\\.cli\\.FaceIdCli source: shared objects file \\(top\\)")
                .containsPattern("org\\.glassfish\\.jersey\\.client\\.JerseyClient source: shared objects file \\(top\\)")
                .containsPattern("org\\.eclipse\\.yasson\\.internal\\.JsonBinding source: shared objects file \\(top\\)")
                .containsPattern("io\\.github\\.faceid4j\\.client\\.FaceIdServiceBuilder source: shared objects file \\(top\\)");
    }

    @Test
    void anArchiveThatDoesNotMatchIsAWarningNotAFailure() throws Exception {
        // the same three files elsewhere: the archive names the jar it was made with, at its old path
        Path target = launcher.getParent();
        for (String file : List.of("faceid", "faceid-cli.jar", "faceid.jsa")) {
            Files.copy(target.resolve(file), dir.resolve(file), StandardCopyOption.COPY_ATTRIBUTES);
        }

        ChildProcess.Result result = run(dir.resolve("faceid"), Map.of(), "--version");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("faceid ");
        assertThat(result.err()).contains("[warning][cds");
    }

    @Test
    void exitCodesPassThrough() throws Exception {
        ChildProcess.Result result = run(launcher, Map.of(), "result", "passed-1", "--region", "ap-singapore");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: ");
    }

    private ChildProcess.Result run(Path script, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(script.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = ChildProcess.of(command).directory(dir.toFile());
        builder.environment().remove("FACEID_JAVA_OPTS");
        // the JVM the archive was made with: the build's
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(env);
        return ChildProcess.run(builder);
    }
}
