package io.github.faceid4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;

/** A command line picocli cannot parse: one line saying why, a hint where help is, exit code 2. */
final class UsageErrors implements IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println("error: " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        String name = commandLine.getCommandSpec().qualifiedName(); // "faceid result": the root as it is run
        String command = Invocation.command(System.getenv()) + name.substring(name.indexOf(' ') < 0 ? name.length()
                : name.indexOf(' '));
        err.println("hint: `" + command + " --help` lists the options");
        err.flush();
        return ExitCodes.USAGE;
    }
}
