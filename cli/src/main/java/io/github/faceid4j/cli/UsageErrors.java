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
        err.println("hint: `" + commandLine.getCommandSpec().qualifiedName() + " --help` lists the options");
        err.flush();
        return ExitCodes.USAGE;
    }
}
