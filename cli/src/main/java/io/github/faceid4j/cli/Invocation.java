package io.github.faceid4j.cli;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The command a hint tells the user to type to run this CLI again: {@code faceid} when a {@code faceid} is on the
 * PATH; else the launcher {@code ./mvnw package} writes beside the jar ({@code cli/target/faceid}); else
 * {@code java -jar <the jar>}. Paths are shown relative to the working directory when they are under it, so the
 * hint can be pasted as it is.
 */
final class Invocation {

    static final String NAME = "faceid";

    private Invocation() {
    }

    /** For this process: its PATH, the jar it runs from (if any) and its working directory. */
    static String command(Map<String, String> env) {
        return command(env, codeSource(), Path.of("").toAbsolutePath());
    }

    static String command(Map<String, String> env, Path codeSource, Path workingDirectory) {
        if (onPath(env.get("PATH"))) {
            return NAME;
        }
        if (codeSource == null || !Files.isRegularFile(codeSource) || !codeSource.toString().endsWith(".jar")) {
            return NAME; // classes in an IDE or a test: no better guess
        }
        Path launcher = codeSource.toAbsolutePath().resolveSibling(NAME);
        if (Files.isRegularFile(launcher) && Files.isExecutable(launcher)) {
            return shown(launcher, workingDirectory, true);
        }
        return "java -jar " + shown(codeSource, workingDirectory, false);
    }

    private static boolean onPath(String path) {
        if (path == null || path.isBlank()) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            try {
                Path candidate = Path.of(dir, NAME);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return true;
                }
            } catch (RuntimeException e) {
                // a PATH entry that is not a valid path: skip it
            }
        }
        return false;
    }

    /** Relative to the working directory when under it ({@code ./} before an executable there), quoted if needed. */
    private static String shown(Path file, Path workingDirectory, boolean executable) {
        Path absolute = file.toAbsolutePath().normalize();
        Path cwd = workingDirectory.toAbsolutePath().normalize();
        String text;
        if (absolute.startsWith(cwd) && !absolute.equals(cwd)) {
            Path relative = cwd.relativize(absolute);
            text = executable && relative.getNameCount() == 1 ? "./" + relative : relative.toString();
        } else {
            text = absolute.toString();
        }
        return text.matches("[A-Za-z0-9_./:@%+=,-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }

    private static Path codeSource() {
        try {
            var source = Invocation.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
