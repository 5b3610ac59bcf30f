package io.github.faceid4j.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Hints print a command that runs this CLI, wherever it is (issue 19: there was no {@code faceid} command). */
class InvocationTest {

    @Test
    void aJarAloneIsRunWithJavaDashJar(@TempDir Path repo) throws IOException {
        Path jar = jar(repo);

        assertThat(Invocation.command(Map.of("PATH", "/usr/bin"), jar, repo))
                .isEqualTo("java -jar cli/target/faceid-cli.jar");
        assertThat(Invocation.command(Map.of(), jar, repo.resolve("elsewhere")))
                .isEqualTo("java -jar " + jar.toAbsolutePath());
    }

    @Test
    void theLauncherBesideTheJarIsPreferred(@TempDir Path repo) throws IOException {
        Path jar = jar(repo);
        Path launcher = Files.writeString(jar.resolveSibling("faceid"), "#!/bin/sh\n");
        assertThat(launcher.toFile().setExecutable(true)).isTrue();

        assertThat(Invocation.command(Map.of(), jar, repo)).isEqualTo("cli/target/faceid");
        assertThat(Invocation.command(Map.of(), jar, jar.getParent())).isEqualTo("./faceid");
    }

    @Test
    void faceidOnThePathIsJustFaceid(@TempDir Path repo) throws IOException {
        Path jar = jar(repo);
        Path bin = Files.createDirectories(repo.resolve("bin"));
        Path onPath = Files.writeString(bin.resolve("faceid"), "#!/bin/sh\n");
        assertThat(onPath.toFile().setExecutable(true)).isTrue();

        assertThat(Invocation.command(Map.of("PATH", "/nonexistent" + java.io.File.pathSeparator + bin), jar, repo))
                .isEqualTo("faceid");
    }

    @Test
    void pathsThatNeedQuotingAreQuoted(@TempDir Path tmp) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("my tools"));
        Path jar = Files.writeString(dir.resolve("faceid-cli.jar"), "not really a jar");

        assertThat(Invocation.command(Map.of(), jar, tmp)).isEqualTo("java -jar 'my tools/faceid-cli.jar'");
    }

    private static Path jar(Path repo) throws IOException {
        Path target = Files.createDirectories(repo.resolve("cli").resolve("target"));
        return Files.writeString(target.resolve("faceid-cli.jar"), "not really a jar");
    }
}
