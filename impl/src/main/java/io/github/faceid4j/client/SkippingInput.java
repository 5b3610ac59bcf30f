package io.github.faceid4j.client;

import java.io.InputStream;

/**
 * The body as the parser reads it, a buffer at a time, except that the rest of a media value the parser has
 * not reached yet can be jumped over: once {@link PlainScanner#plainStringEnd} has found where a plain value ends, the
 * parser goes on from its closing quote instead of scanning megabytes of base64 a second time. What it then
 * sees is the same document with that value shortened, which is still valid JSON, as every skipped byte is
 * printable ASCII other than a quote or backslash. Parser offsets are offsets in this stream; add what was
 * skipped before them to get body offsets.
 */
final class SkippingInput extends InputStream {
    private static final int READ_SIZE = 1024;
    private final ResponseBody body;
    private final ResponseBody.Window window = new ResponseBody.Window();
    private final int length;
    private int position;
    private long skipped;

    SkippingInput(ResponseBody body) {
        this.body = body;
        this.length = body.length();
    }

    /** The body offset of a parser offset at or after the last skip. */
    int bodyOffset(long streamOffset) {
        return (int) (streamOffset + skipped);
    }

    /** The parser's next read starts at {@code offset}, if it has not read that far yet. */
    void skipTo(int offset) {
        if (offset > position) {
            skipped += offset - position;
            position = offset;
        }
    }

    private final byte[] one = new byte[1];

    @Override
    public int read() {
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] into, int offset, int len) {
        if (len == 0) {
            return 0;
        }
        if (position >= length) {
            return -1;
        }
        // At most READ_SIZE at a time: what the parser holds past the start of a media value it scans byte by byte
        // before a skip can take effect, so the less it holds, the less it scans (Jackson asks for 8,000).
        int n = Math.min(Math.min(len, length - position), READ_SIZE);
        body.window(position, position + n, window);
        System.arraycopy(window.data, position - window.base, into, offset, n);
        position += n;
        return n;
    }
}
