package io.github.faceid4j.cli;

import io.github.faceid4j.FaceIdServiceException;
import io.github.faceid4j.model.VerificationResult;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;

/**
 * The outcomes of {@code faceid results}, counted under the command's writer lock. Each failure is classified as
 * {@code faceid result} classifies it ({@link Failures#exitCode}), and the run exits with the highest code any token
 * would have had.
 */
final class Tally {
    int passed;
    int notPassed;
    int failed;
    int exitCode = ExitCodes.PASSED;
    final Map<String, Integer> errorTypes = new TreeMap<>();

    void count(VerificationResult result, Throwable error) {
        if (error == null) {
            if (result.passed()) {
                passed++;
            } else {
                notPassed++;
                exitCode = Math.max(exitCode, ExitCodes.NOT_PASSED);
            }
            return;
        }
        Throwable cause = error instanceof CompletionException c && c.getCause() != null
                ? c.getCause() : error;
        failed++;
        exitCode = Math.max(exitCode, Failures.exitCode(cause));
        String type = cause instanceof FaceIdServiceException s ? s.errorCode() : cause.getClass().getSimpleName();
        errorTypes.merge(type, 1, Integer::sum);
    }

    int done() {
        return passed + notPassed + failed;
    }

    int failed() {
        return failed;
    }

    int exitCode() {
        return exitCode;
    }

    void print(PrintWriter out, Path file) {
        out.printf("%d tokens: %d passed, %d not passed or not finished, %d failed%n", done(), passed, notPassed,
                failed());
        errorTypes.forEach((type, n) -> out.printf("  %-45s %d%n", type, n));
        out.printf("results written to %s%n", file);
    }
}
