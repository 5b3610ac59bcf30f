package io.github.faceid4j.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

/**
 * What the CLI prints passes through this: control and format characters other than line breaks and tabs (ESC,
 * BEL, the C1 controls, bidirectional overrides...) are written as {@code \}{@code uXXXX}. Text from the service
 * ({@code ErrorMsg}, {@code Extra}, card fields) so cannot move the cursor, retitle or clear a terminal, or hide
 * what follows. JSON output stays valid and means the same: such characters can only stand inside its strings,
 * where {@code \}{@code uXXXX} is their escape (the writer already escapes those below U+0020).
 */
final class PrintableWriter extends FilterWriter {

    private PrintableWriter(Writer out) {
        super(out);
    }

    /** {@code out}, filtered (once: an already filtered writer is returned as it is). */
    static PrintWriter wrap(PrintWriter out) {
        return out instanceof Filtered ? out : new Filtered(new PrintableWriter(out));
    }

    static boolean shown(int c) {
        if (c == '\n' || c == '\r' || c == '\t') {
            return true;
        }
        int type = Character.getType(c);
        return type != Character.CONTROL && type != Character.FORMAT && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR;
    }

    @Override
    public void write(int c) throws IOException {
        if (shown(c)) {
            out.write(c);
        } else {
            out.write(String.format("\\u%04x", c));
        }
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (!shown(chars[i])) {
                out.write(chars, start, i - start);
                write(chars[i]);
                start = i + 1;
            }
        }
        out.write(chars, start, end - start);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        write(text.toCharArray(), offset, length);
    }

    /** Marks a writer as filtered. */
    private static final class Filtered extends PrintWriter {
        Filtered(Writer out) {
            super(out, true);
        }
    }
}
