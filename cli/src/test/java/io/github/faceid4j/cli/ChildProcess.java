package io.github.faceid4j.cli;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command as a child process, as a user would run the CLI: without the build's own credentials or launcher
 * options in its environment, its output captured, and a bound on its time. The ITs that start the CLI (the shaded
 * jar, the launcher, the module path) share it.
 */
final class ChildProcess {

    private static final long TIMEOUT_SECONDS = 120;

    /** What the process did. */
    record Result(int exitCode, String out, String err) {
    }

    private ChildProcess() {
    }

    /** The {@code java} of the JVM running the tests. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Runs {@code command} in {@code directory} (null: the current one) with {@code env} added to an environment
     * without {@code TENCENTCLOUD_*}, {@code TKE_*} and {@code FACEID_JAVA_OPTS}.
     */
    static Result run(List<String> command, Path directory, Map<String, String> env)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().keySet().removeIf(k -> k.startsWith("TENCENTCLOUD_") || k.startsWith("TKE_")
                || k.equals("FACEID_JAVA_OPTS"));
        builder.environment().putAll(env);
        Path out = Files.createTempFile("faceid-child-out", ".txt");
        Path err = Files.createTempFile("faceid-child-err", ".txt");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command.get(0) + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), Files.readString(out, Charset.defaultCharset()),
                    Files.readString(err, Charset.defaultCharset()));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
