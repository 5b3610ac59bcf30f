package io.github.faceid4j.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HelpTest {

    @Test
    void helpListsTheCommandsAndExitCodes() {
        Cli.Run run = Cli.run(Map.of(), "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("result", "emulator", "demo", "Exit codes:");
    }

    @Test
    void versionPrintsTheBuildVersion() {
        Cli.Run run = Cli.run(Map.of(), "--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("faceid ").doesNotContain("${").doesNotContain("unknown");
    }

    @ParameterizedTest
    @ValueSource(strings = {"apply", "result", "results", "emulator", "demo"})
    void everySubcommandHasHelp(String command) {
        Cli.Run run = Cli.run(Map.of(), command, "-h");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: faceid " + command);
    }

    /** Issue 19: `--help` broke "https://faceid.\n tencentcloudapi.com" mid-word, so it could not be copied. */
    @ParameterizedTest
    @ValueSource(strings = {"", "apply", "result", "results", "emulator", "demo"})
    void helpNeverBreaksAUrlOrAPath(String command) {
        Cli.Run run = command.isEmpty() ? Cli.run(Map.of(), "--help") : Cli.run(Map.of(), command, "--help");

        assertThat(run.exitCode()).isZero();
        Matcher urls = Pattern.compile("https?://[^\\s;,)`]+").matcher(run.out());
        while (urls.find()) {
            assertThat(urls.group().replaceAll("\\.$", "")).as(run.out()).isIn(
                    "https://faceid.tencentcloudapi.com", "https://faceid.intl.tencentcloudapi.com",
                    "http://127.0.0.1:PORT", "https://portal.example.com/verified");
        }
        Matcher paths = Pattern.compile("~/[^\\s;,)]+").matcher(run.out());
        while (paths.find()) {
            assertThat(paths.group()).as(run.out()).isEqualTo("~/.tencentcloud/credentials");
        }
        assertThat(run.out()).doesNotContain("DIR/\n").doesNotContain("result-\n")
                .doesNotContainPattern("cli/target/[^\\s)]*\\.\\n");
    }

    @Test
    void usageErrorsAreExit2WithOneLineAndAHint() {
        Cli.Run unknown = Cli.run(Map.of(), "reslt");
        Cli.Run missingToken = Cli.run(Map.of(), "result");
        Cli.Run nothing = Cli.run(Map.of());

        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("error: Unmatched argument").contains("faceid result")
                .contains("hint: `faceid --help`");
        assertThat(missingToken.exitCode()).isEqualTo(2);
        assertThat(missingToken.err()).startsWith("error: Missing required parameter: 'BIZ_TOKEN'");
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.err()).contains("Usage: faceid");
    }
}
