package io.github.faceid4j.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The self-contained jar, as a user runs it: {@code java -jar faceid-cli.jar demo}. Run by failsafe after package. */
class ShadedJarIT {

    private static Path jar;

    @BeforeAll
    static void findJar() {
        jar = Path.of(System.getProperty("faceid.cli.jar", "target/faceid-cli.jar"));
        // failsafe runs after package, so the jar is there; a missing jar is a broken build, not a reason to skip
        assertThat(jar).as("the shaded jar (run `mvn verify`)").isRegularFile();
    }

    @Test
    void demoRunsFromTheJar() throws Exception {
        ChildProcess.Result result = java("demo");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("signature verified by the emulator").contains("Passed      yes")
                .contains("Demo OK");
        assertThat(result.err()).isEmpty(); // no logging noise from Jersey/HK2 either
    }

    /** Issue 19: the hints said `faceid ...`, a command that did not exist. What the demo prints now runs. */
    @Test
    void theCommandTheDemoSuggestsRuns() throws Exception {
        ChildProcess.Result demo = java("demo");
        Matcher next = Pattern.compile("Next: `(.+) emulator`").matcher(demo.out());
        assertThat(next.find()).as(demo.out()).isTrue();
        List<String> command = new ArrayList<>(List.of(next.group(1).split(" ")));
        if (command.get(0).equals("java")) {
            command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        }
        command.add("--version");

        ChildProcess.Result version = ChildProcess.run(ChildProcess.of(command));

        assertThat(version.exitCode()).as(version.out() + version.err()).isZero();
        assertThat(version.out()).startsWith("faceid ");
    }

    /** With --verbose the CLI leaves Jersey's log alone: Jersey has nothing to warn about (issue 19). */
    @Test
    void jerseyHasNothingToWarnAbout() throws Exception {
        ChildProcess.Result result = java("demo", "--verbose");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.err()).contains("[INFO] FaceID request") // the log is shown...
                .doesNotContain("jakarta.activation").doesNotContain("org.glassfish"); // ...and Jersey is quiet
    }

    @Test
    void resultWithoutCredentialsIsExit2() throws Exception {
        ChildProcess.Result result = java("result", "passed-1", "--region", "ap-singapore");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: ");
    }

    private static ChildProcess.Result java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        return ChildProcess.run(ChildProcess.of(command));
    }
}
