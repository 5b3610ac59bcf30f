package io.github.faceid4j.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A response body as a list of parts whose total length is known before the first byte is sent.
 *
 * <p>Why not one byte array: a 20 MiB video is ~28 MB of base64; building the JSON as one String would cost the
 * emulator (often in the same JVM as the client being measured) several copies of that. Large parts are shared,
 * cached arrays or generated on the fly, and the known length lets the server send {@code Content-Length}.
 */
final class ResponseBody {

    /** One piece of the body. */
    interface Part {
        long length();

        void writeTo(OutputStream out) throws IOException;
    }

    private final List<Part> parts;
    private final long length;

    private ResponseBody(List<Part> parts) {
        this.parts = List.copyOf(parts);
        long total = 0;
        for (Part p : parts) {
            total += p.length();
        }
        this.length = total;
    }

    static ResponseBody of(byte[] bytes) {
        return new ResponseBody(List.of(bytesPart(bytes)));
    }

    static ResponseBody of(String utf8) {
        return of(utf8.getBytes(StandardCharsets.UTF_8));
    }

    long length() {
        return length;
    }

    void writeTo(OutputStream out) throws IOException {
        for (Part p : parts) {
            p.writeTo(out);
        }
    }

    /** The first {@code n} bytes, for the "connection dies mid-body" fault. */
    void writePrefixTo(OutputStream out, long n) throws IOException {
        OutputStream limited = new OutputStream() {
            long remaining = n;

            @Override
            public void write(int b) throws IOException {
                if (remaining > 0) {
                    out.write(b);
                    remaining--;
                }
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                int k = (int) Math.min(len, remaining);
                if (k > 0) {
                    out.write(b, off, k);
                    remaining -= k;
                }
            }
        };
        writeTo(limited);
    }

    /** Materialises the body; for tests and small bodies only. */
    byte[] toByteArray() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(length, Integer.MAX_VALUE - 8));
        writeTo(out);
        return out.toByteArray();
    }

    static Part bytesPart(byte[] bytes) {
        return new Part() {
            @Override
            public long length() {
                return bytes.length;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(bytes);
            }
        };
    }

    /** Accumulates small writes into byte-array parts and splices large parts in without copying them. */
    static final class Builder {
        private final List<Part> parts = new ArrayList<>();
        private ByteArrayOutputStream current = new ByteArrayOutputStream(1024);

        Builder write(String ascii) {
            byte[] b = ascii.getBytes(StandardCharsets.UTF_8);
            current.write(b, 0, b.length);
            return this;
        }

        Builder write(char c) {
            if (c < 0x80) {
                current.write(c);
            } else {
                write(String.valueOf(c));
            }
            return this;
        }

        Builder part(Part part) {
            flushCurrent();
            parts.add(part);
            return this;
        }

        private void flushCurrent() {
            if (current.size() > 0) {
                parts.add(bytesPart(current.toByteArray()));
                current = new ByteArrayOutputStream(1024);
            }
        }

        ResponseBody build() {
            flushCurrent();
            return new ResponseBody(parts);
        }
    }
}
