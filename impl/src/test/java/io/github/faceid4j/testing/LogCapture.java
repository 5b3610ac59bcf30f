package io.github.faceid4j.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures every java.util.logging record (the backend of {@code System.Logger} here, and where Weld's
 * jboss-logging ends up) while open: a handler on the root logger, with the root level at ALL. Restores the previous
 * level on close. Shared with the cdi-extension's and the CLI's tests through impl's test-jar.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final Logger root = Logger.getLogger("");
    private final Level previous = root.getLevel();
    private final List<LogRecord> records = new ArrayList<>();
    private final Formatter formatter = new SimpleFormatter();

    public LogCapture() {
        setLevel(Level.ALL);
        root.addHandler(this);
        root.setLevel(Level.ALL);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        records.add(record);
    }

    public synchronized List<LogRecord> records() {
        return List.copyOf(records);
    }

    /** Records of one logger, formatted one per line: level and message with its parameters filled in. */
    public synchronized List<String> lines(String loggerName) {
        List<String> lines = new ArrayList<>();
        for (LogRecord r : records) {
            if (loggerName.equals(r.getLoggerName())) {
                lines.add(r.getLevel() + " " + formatter.formatMessage(r));
            }
        }
        return lines;
    }

    /** Everything captured: formatted message, raw message, parameters and stack traces. */
    public synchronized String text() {
        StringBuilder text = new StringBuilder();
        for (LogRecord r : records) {
            text.append(r.getLoggerName()).append(' ').append(r.getLevel()).append(' ')
                    .append(formatter.format(r)).append(" | raw: ").append(r.getMessage());
            if (r.getParameters() != null) {
                for (Object p : r.getParameters()) {
                    text.append(" | ").append(p);
                }
            }
            if (r.getThrown() != null) {
                StringWriter trace = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(trace));
                text.append('\n').append(trace);
            }
            text.append('\n');
        }
        return text.toString();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
        root.setLevel(previous);
    }
}
