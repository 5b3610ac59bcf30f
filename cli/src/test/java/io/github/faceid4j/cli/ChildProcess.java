package io.github.faceid4j.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code faceid} as a child process for the integration tests ({@link ShadedJarIT}, {@link LauncherIT}): no
 * {@code TENCENTCLOUD_*} variable of the build's environment reaches it, its output is captured in files (no pipe
 * can fill up and block it), and it must finish within 60 s.
 */
final class ChildProcess {

    /** What the process did: its exit code, stdout and stderr. */
    record Result(int exitCode, String out, String err) {
    }

    private ChildProcess() {
    }

    /** A process of {@code command}, without the build's {@code TENCENTCLOUD_*} variables. */
    static ProcessBuilder of(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(k -> k.startsWith("TENCENTCLOUD_"));
        return builder;
    }

    static Result run(ProcessBuilder builder) throws IOException, InterruptedException {
        Path out = Files.createTempFile("faceid-child-out", ".txt");
        Path err = Files.createTempFile("faceid-child-err", ".txt");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("faceid did not finish within 60 s");
            }
            return new Result(process.exitValue(), Files.readString(out, Charset.defaultCharset()),
                    Files.readString(err, Charset.defaultCharset()));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
