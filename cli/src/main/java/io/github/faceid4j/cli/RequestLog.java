package io.github.faceid4j.cli;

import java.io.PrintWriter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * {@code --verbose}: the library's log ({@code System.Logger}, which is java.util.logging here) on the command's
 * stderr, down to DEBUG, for as long as the command runs. What the library logs is safe to show: allow-listed
 * headers, masked BizTokens, attempts, durations, outcomes; never credentials, bodies or personal data.
 */
final class RequestLog implements AutoCloseable {

    /** Every logger of the library and its emulator. */
    static final String LOGGER = "io.github.faceid4j";

    private final Logger logger = Logger.getLogger(LOGGER);
    private final Level previousLevel = logger.getLevel();
    private final boolean previousUseParent = logger.getUseParentHandlers();
    private final Handler handler;

    private RequestLog(PrintWriter err) {
        SimpleFormatter formatter = new SimpleFormatter();
        this.handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (isLoggable(record)) {
                    synchronized (err) {
                        err.println("[" + record.getLevel().getName() + "] " + formatter.formatMessage(record));
                        err.flush();
                    }
                }
            }

            @Override
            public void flush() {
                err.flush();
            }

            @Override
            public void close() {
                flush();
            }
        };
        handler.setLevel(Level.FINE);
        logger.setLevel(Level.FINE);
        logger.setUseParentHandlers(false); // once, on our stream, not again through the root's console handler
        logger.addHandler(handler);
    }

    /** Starts showing the log on {@code err} when {@code verbose}; closing stops it. */
    static RequestLog to(PrintWriter err, boolean verbose) {
        return verbose ? new RequestLog(err) : null;
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setUseParentHandlers(previousUseParent);
        logger.setLevel(previousLevel);
    }
}
