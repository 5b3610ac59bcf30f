package io.github.faceid4j.model;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * Binary media an application sends (the compare image of a verification): from a file, an array, a stream it can
 * reopen, or base64 text it already has. Immutable.
 *
 * <p>Nothing is read until asked: the size is known ({@link #ofBytes}, {@link #ofStream}, {@link #ofBase64}) or
 * computed from the file system ({@link #ofPath}), and the content is opened on demand, as often as needed (a
 * retried request reads it again). {@link #openBase64()} encodes while it is read, so a sender can hash and send
 * the base64 text of a large file without holding it in memory. {@link #toString()} shows only the size: media are
 * faces and identity documents.
 */
public final class MediaInput {

    /** Opens the media's bytes anew each time it is called; every stream must give the same bytes. */
    @FunctionalInterface
    public interface Opener {
        /**
         * @return a new stream of the bytes
         * @throws IOException if the source cannot be opened
         */
        InputStream open() throws IOException;
    }

    private enum Kind { BYTES, BASE64_TEXT }

    private final Kind kind;
    private final Opener opener;
    /** Decoded size when known up front, -1 when computed from the file ({@link #path}). */
    private final long knownSize;
    private final Path path;
    /** The ASCII text of {@link #ofBase64}, else null. */
    private final byte[] text;

    private MediaInput(Kind kind, Opener opener, long knownSize, Path path, byte[] text) {
        this.kind = kind;
        this.opener = opener;
        this.knownSize = knownSize;
        this.path = path;
        this.text = text;
    }

    /**
     * {@return the bytes of a file, read when sent} Its size is asked of the file system each time it is needed.
     *
     * @param file the file
     */
    public static MediaInput ofPath(Path file) {
        Objects.requireNonNull(file, "file");
        return new MediaInput(Kind.BYTES, () -> Files.newInputStream(file), -1, file, null);
    }

    /**
     * {@return the given bytes (copied)}
     *
     * @param bytes the bytes
     */
    public static MediaInput ofBytes(byte[] bytes) {
        byte[] copy = Objects.requireNonNull(bytes, "bytes").clone();
        return new MediaInput(Kind.BYTES, () -> new ByteArrayInputStream(copy), copy.length, null, null);
    }

    /**
     * Bytes from a source the application can open again (a blob store, a database column): {@code size} of them.
     * A stream giving more or fewer bytes than {@code size} makes the send fail; nothing wrong is sent.
     *
     * @param opener opens a new stream of the bytes each time it is called
     * @param size the number of bytes every stream gives
     * @return the media
     */
    public static MediaInput ofStream(Opener opener, long size) {
        Objects.requireNonNull(opener, "opener");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        return new MediaInput(Kind.BYTES, opener, size, null, null);
    }

    /**
     * Base64 text the application already has, sent as given (standard alphabet, padded, no line breaks and no
     * {@code data:} URI header, as the service expects). Whether it is valid is checked where it is used
     * ({@link #isValidBase64()}), so the error can name the field.
     *
     * @param base64 the base64 text
     * @return the media
     */
    public static MediaInput ofBase64(CharSequence base64) {
        byte[] ascii = Objects.requireNonNull(base64, "base64").toString().getBytes(StandardCharsets.ISO_8859_1);
        return new MediaInput(Kind.BASE64_TEXT, () -> new ByteArrayInputStream(ascii), -1, null, ascii);
    }

    /** {@return whether the media were given as base64 text ({@link #ofBase64})} */
    public boolean isBase64Text() {
        return kind == Kind.BASE64_TEXT;
    }

    /** {@return the file behind {@link #ofPath}, if that is where the media are} */
    public java.util.Optional<Path> path() {
        return java.util.Optional.ofNullable(path);
    }

    /**
     * {@return number of bytes (decoded bytes, for base64 text)}
     *
     * @throws UncheckedIOException if the file's size cannot be read
     */
    public long size() {
        if (text != null) {
            return decodedSize(text);
        }
        if (knownSize >= 0) {
            return knownSize;
        }
        try {
            return Files.size(path);
        } catch (IOException e) {
            throw new UncheckedIOException("the media file's size cannot be read", e);
        }
    }

    /**
     * Length of the base64 text that carries the media: the text as given, or the padded encoding of the bytes.
     *
     * @return the number of base64 characters
     */
    public long base64Length() {
        if (text != null) {
            return text.length;
        }
        return (size() + 2) / 3 * 4;
    }

    /** {@return whether {@link #ofBase64} text is standard, padded base64; always {@code true} for bytes} */
    public boolean isValidBase64() {
        return text == null || validBase64(text);
    }

    /**
     * The bytes (decoded, for base64 text), from a fresh stream.
     *
     * @return a new stream of the bytes
     * @throws IOException if the source cannot be opened
     */
    public InputStream openStream() throws IOException {
        if (text != null) {
            return Base64.getDecoder().wrap(new ByteArrayInputStream(text));
        }
        return opener.open();
    }

    /**
     * The base64 text (ASCII), encoding as it is read when the media are bytes: no copy of the whole is made. The
     * stream fails with an {@link IOException} rather than end early or late when the source gives a different
     * number of bytes than {@link #size()} said when it was opened (a file changed, a wrong declared size): its
     * length must match {@link #base64Length()}, which a sender announced.
     *
     * @return a new stream of the base64 text
     * @throws IOException if the source cannot be opened
     */
    public InputStream openBase64() throws IOException {
        if (text != null) {
            return new ByteArrayInputStream(text);
        }
        long expected = size();
        return new EncodingStream(opener.open(), expected);
    }

    /** Only the size: media are faces and identity documents. */
    @Override
    public String toString() {
        String size;
        try {
            size = Long.toString(size());
        } catch (UncheckedIOException e) {
            size = "?";
        }
        return "MediaInput[" + size + " bytes" + (text != null ? ", base64 text" : path != null ? ", file" : "") + "]";
    }

    private static long decodedSize(byte[] text) {
        int n = text.length;
        if (n == 0) {
            return 0;
        }
        int padding = text[n - 1] == '=' ? (n > 1 && text[n - 2] == '=' ? 2 : 1) : 0;
        return (long) n / 4 * 3 - padding + (n % 4 == 0 ? 0 : n % 4 - 1);
    }

    /** Standard alphabet, length a multiple of 4, at most two '=' and only at the end. No allocation. */
    static boolean validBase64(byte[] text) {
        int n = text.length;
        if (n % 4 != 0) {
            return false;
        }
        int padding = n > 0 && text[n - 1] == '=' ? (text[n - 2] == '=' ? 2 : 1) : 0;
        for (int i = 0; i < n - padding; i++) {
            byte c = text[i];
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+'
                    || c == '/';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Base64 of a byte stream, 48 KiB of bytes (64 KiB of text) at a time. */
    private static final class EncodingStream extends InputStream {
        private static final int CHUNK = 48 * 1024; // a multiple of 3: no padding but at the end
        private final InputStream in;
        private final long expected;
        private long read;
        private final byte[] raw = new byte[CHUNK];
        /** Reused: a stream over megabytes allocates two buffers, not a new array per chunk. */
        private final byte[] encoded = new byte[CHUNK / 3 * 4];
        private int available;
        private int next;
        private boolean done;

        EncodingStream(InputStream in, long expected) {
            this.in = in;
            this.expected = expected;
        }

        private boolean fill() throws IOException {
            while (next == available) {
                if (done) {
                    return false;
                }
                int n = in.readNBytes(raw, 0, (int) Math.min(CHUNK, expected - read + 1));
                read += n;
                if (read > expected) {
                    throw new IOException("the media source gave more than the " + expected + " bytes it was said to"
                            + " hold");
                }
                if (n < CHUNK) {
                    done = true;
                    if (read < expected) {
                        throw new IOException("the media source ended after " + read + " of " + expected + " bytes");
                    }
                }
                available = Base64.getEncoder().encode(n == CHUNK ? raw : Arrays.copyOf(raw, n), encoded);
                next = 0;
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            return fill() ? encoded[next++] : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, available - next);
            System.arraycopy(encoded, next, b, off, n);
            next += n;
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
