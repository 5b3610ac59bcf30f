package io.github.faceid4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code faceid} command: fetch a FaceID web verification result, run the emulator, or run the demo.
 *
 * <p>{@code java -jar faceid-cli.jar --help}
 */
@Command(name = "faceid",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Tencent Cloud FaceID web verification from the command line: start one"
                + " (ApplyWebVerificationBizTokenIntl), fetch its result (GetWebVerificationResultIntl).",
        subcommands = {ApplyCommand.class, ResultCommand.class, ResultsCommand.class, EmulatorCommand.class,
                DemoCommand.class, HelpCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {
                "  faceid demo                  round trip against the built-in emulator",
                "  faceid emulator --port 8787  local stand-in for the service, until Ctrl-C",
                "  faceid apply --region ap-singapore \\",
                "      --redirect-url https://portal.example.com/verified",
                "  faceid result BIZ_TOKEN --region ap-singapore",
                "  faceid results --tokens tokens.txt --out reports --region ap-singapore",
                "      with TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY set, or with",
                "      ~/.tencentcloud/credentials",
                "In a clone, `faceid` is cli/target/faceid after ./mvnw package",
                "(or java -jar cli/target/faceid-cli.jar); docs/cli.md shows how to put",
                "it on the PATH."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:verification passed (demo/emulator: all went as expected)",
                "1:result fetched, but not passed or not finished",
                "2:usage or configuration error; nothing was sent",
                "3:the service answered with an error",
                "4:no usable answer (connection, timeout, unreadable answer)"})
public final class FaceIdCli implements Callable<Integer> {

    private final Map<String, String> env;
    private final Path home;

    @Spec
    CommandSpec spec;

    FaceIdCli(Map<String, String> env) {
        this(env, Path.of(System.getProperty("user.home")));
    }

    FaceIdCli(Map<String, String> env, Path home) {
        this.env = Map.copyOf(env);
        this.home = home;
    }

    /** Held so the configured level is not lost when the logger is garbage-collected. */
    private static final Logger JERSEY_LOG = Logger.getLogger("org.glassfish");
    /** The library's own log: errors are reported by the CLI itself, once; --verbose shows the log (RequestLog). */
    private static final Logger LIBRARY_LOG = Logger.getLogger(RequestLog.LOGGER);

    /**
     * Runs the command and exits with its exit code.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        if (!Arrays.asList(args).contains("--verbose")) {
            // Jersey logs start-up notes (e.g. optional providers it did not find) that are noise on a terminal.
            JERSEY_LOG.setLevel(Level.SEVERE);
            LIBRARY_LOG.setLevel(Level.OFF);
        }
        System.exit(commandLine(System.getenv()).execute(args));
    }

    /** The command line, reading configuration from {@code env} instead of the process environment. */
    static CommandLine commandLine(Map<String, String> env) {
        return commandLine(new FaceIdCli(env));
    }

    /** ... and the profile file {@code .tencentcloud/credentials} under {@code home} instead of the user's. */
    static CommandLine commandLine(Map<String, String> env, Path home) {
        return commandLine(new FaceIdCli(env, home));
    }

    private static CommandLine commandLine(FaceIdCli cli) {
        CommandLine commandLine = new CommandLine(cli);
        commandLine.setExecutionExceptionHandler(new Failures());
        commandLine.setParameterExceptionHandler(new UsageErrors());
        // whatever writers the caller set (a test, the terminal): printable characters only (see PrintableWriter)
        commandLine.setExecutionStrategy(parseResult -> {
            commandLine.setOut(PrintableWriter.wrap(commandLine.getOut()));
            commandLine.setErr(PrintableWriter.wrap(commandLine.getErr()));
            return new CommandLine.RunLast().execute(parseResult);
        });
        return commandLine;
    }

    Map<String, String> env() {
        return env;
    }

    /** The home directory whose {@code .tencentcloud/credentials} is the second credentials source. */
    Path home() {
        return home;
    }

    /** {@code faceid} alone: show what it can do. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
