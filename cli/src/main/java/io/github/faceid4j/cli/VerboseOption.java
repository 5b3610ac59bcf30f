package io.github.faceid4j.cli;

import picocli.CommandLine.Option;

/** {@code --verbose}, shared by the subcommands; {@link Failures} looks for it when reporting an error. */
final class VerboseOption {

    @Option(names = "--verbose", description = "Log each request and response on stderr (allow-listed headers,"
            + " masked BizToken, attempt, duration, outcome; never credentials or personal data) and print the"
            + " stack trace of an error.")
    boolean verbose;
}
