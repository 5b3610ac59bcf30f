package io.github.faceid4j.cli;

import java.io.PrintWriter;

/**
 * The progress of {@code faceid results} on stderr: a bar redrawn in place on a terminal; otherwise a plain line at
 * each tenth of the way and at the end.
 */
final class Progress {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final int total;
    private final boolean terminal;
    private int lastTenth = -1;

    Progress(PrintWriter err, int total, boolean terminal) {
        this.err = err;
        this.total = total;
        this.terminal = terminal;
    }

    void advance(Tally tally) {
        int done = tally.done();
        if (terminal) {
            int filled = done * WIDTH / total;
            err.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + total
                    + "  failed " + tally.failed());
            err.flush();
            return;
        }
        int tenth = done * 10 / total;
        if (tenth != lastTenth || done == total) {
            lastTenth = tenth;
            err.println("progress: " + done + "/" + total + " (" + (done * 100 / total) + "%), failed "
                    + tally.failed());
            err.flush();
        }
    }

    void finish() {
        if (terminal) {
            err.println();
            err.flush();
        }
    }
}
