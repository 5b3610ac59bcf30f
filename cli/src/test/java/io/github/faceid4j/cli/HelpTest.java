package io.github.faceid4j.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Map;

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
    @ValueSource(strings = {"result", "emulator", "demo"})
    void everySubcommandHasHelp(String command) {
        Cli.Run run = Cli.run(Map.of(), command, "-h");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: faceid " + command);
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
