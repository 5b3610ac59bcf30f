package io.github.faceid4j.cli;

/** What {@code faceid} exits with. */
final class ExitCodes {

    /** The verification passed (or, for {@code demo} and {@code emulator}, everything went as expected). */
    static final int PASSED = 0;
    /** A result was fetched, but the verification did not pass or is not finished. */
    static final int NOT_PASSED = 1;
    /** Usage or configuration error; nothing was sent. */
    static final int USAGE = 2;
    /** The service answered with an error ({@code Response.Error}). */
    static final int SERVICE_ERROR = 3;
    /** No usable answer: connection failed, timed out, or the answer could not be read. */
    static final int NO_ANSWER = 4;
    /** A bug in this program (EX_SOFTWARE); run with --verbose and report it. */
    static final int INTERNAL = 70;

    private ExitCodes() {
    }
}
