package io.github.faceid4j.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * An immutable piece of binary media (video, best frame, card image) as the service sent it: base64 text.
 *
 * <p>Nothing is decoded until asked: {@link #size()} is computed from the text alone, {@link #openStream()} and
 * the {@code writeTo} methods decode while they copy, 64 KiB of text at a time into one reused buffer, so the
 * decoded bytes never need to be in memory at once. {@link #toString()} prints only the size: media holds faces and
 * identity documents.
 *
 * <p>The media of a fetched result are slices of its response body, not copies: the body stays in memory while any
 * of them is reachable (docs/performance.md). A service can instead keep large bodies in a file
 * ({@link Source}): then the text is read from there a chunk at a time and is never in memory whole.
 *
 * <p>Standard base64 (RFC 4648, with padding, no line breaks) is expected, as the service sends. Text that is not
 * valid base64 is kept as it came; decoding it throws {@link MediaDecodingException}.
 */
public final class Media {

    private static final Base64.Decoder DECODER = Base64.getDecoder();

    /** Where the ASCII base64 text is: a slice of an array on the heap, or a {@link Source} outside it. */
    private final Source source;
    /** The array behind {@link #source} when it is one, for the whole-text fast path; otherwise {@code null}. */
    private final ArrayText array;
    private final long length;
    private final long size;

    private Media(Source source) throws IOException {
        this.source = source;
        this.array = source instanceof ArrayText a ? a : null;
        this.length = source.length();
        if (length < 0) {
            throw new IllegalArgumentException("a source's length cannot be negative");
        }
        this.size = decodedSize(source, length);
    }

    private static Media ofArray(byte[] ascii, int offset, int length) {
        try {
            return new Media(new ArrayText(ascii, offset, length));
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }

    /**
     * Base64 text kept somewhere other than the heap, typically a region of a file a service spilled a large
     * response to, read a part at a time. Meant for implementations of the service (faceid4j's own reads a
     * read-only mapping, which cannot fail once made); applications need not care where a result's media are kept.
     * A source's content must never change, and reads must be safe from several threads at once. Media over a
     * source that can fail to read make {@link #toByteArray()} and {@link #toBase64()} throw
     * {@link UncheckedIOException}, which media over an array never do.
     */
    public interface Source {
        /**
         * Length of the text, in characters (one ASCII byte each).
         *
         * @return the number of characters
         */
        long length();

        /**
         * Copies {@code count} characters of text starting at {@code position} into {@code into} from
         * {@code offset}; the range lies within the text. Blocks until all are copied.
         *
         * @param position the first character to copy
         * @param into the buffer to copy into
         * @param offset where in {@code into} to start
         * @param count how many characters to copy
         * @throws IOException if the text can no longer be read
         */
        void read(long position, byte[] into, int offset, int count) throws IOException;
    }

    /** A slice of an array: the text of media decoded from a body held in memory. */
    private record ArrayText(byte[] text, int offset, int count) implements Source {
        @Override
        public long length() {
            return count;
        }

        @Override
        public void read(long position, byte[] into, int at, int n) {
            System.arraycopy(text, offset + (int) position, into, at, n);
        }
    }

    /**
     * Media from base64 text as the service sent it.
     *
     * @param base64 the base64 text
     * @return media over the text
     */
    public static Media ofBase64(CharSequence base64) {
        Objects.requireNonNull(base64, "base64");
        byte[] ascii = base64.toString().getBytes(StandardCharsets.ISO_8859_1);
        return ofArray(ascii, 0, ascii.length);
    }

    /**
     * Media over a slice of an ASCII buffer holding base64 text, without copying it. The caller hands the slice
     * over: it must never change afterwards. Meant for decoders that keep the response body and point into it.
     *
     * @param ascii the buffer holding the base64 text
     * @param offset where the text starts in {@code ascii}
     * @param length the text's length in characters
     * @return media over the slice
     */
    public static Media ofBase64(byte[] ascii, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, ascii.length);
        return ofArray(ascii, offset, length);
    }

    /**
     * Media over base64 text kept outside the heap. Reads the text's last characters once, to know its size.
     *
     * @param source where the base64 text is kept
     * @return media over the source
     * @throws IOException if the source cannot be read
     */
    public static Media ofBase64(Source source) throws IOException {
        Objects.requireNonNull(source, "source");
        return new Media(source);
    }

    /**
     * Media holding the given decoded bytes (copied). Useful for tests and for applications building results.
     *
     * @param decoded the decoded bytes
     * @return media holding a copy of them
     */
    public static Media ofBytes(byte[] decoded) {
        byte[] ascii = Base64.getEncoder().encode(decoded);
        return ofArray(ascii, 0, ascii.length);
    }

    /** {@return number of decoded bytes, computed from the base64 text without decoding it} */
    public long size() {
        return size;
    }

    private static long decodedSize(Source source, long length) throws IOException {
        if (length == 0) {
            return 0;
        }
        byte[] tail = new byte[(int) Math.min(2, length)];
        source.read(length - tail.length, tail, 0, tail.length);
        int padding = 0;
        if (tail[tail.length - 1] == '=') {
            padding++;
            if (tail.length > 1 && tail[0] == '=') {
                padding++;
            }
        }
        long full = length / 4 * 3;
        int rest = (int) (length % 4); // only in unpadded text
        return full - padding + (rest == 0 ? 0 : rest - 1);
    }

    /**
     * Length of the base64 text, in characters.
     *
     * @return the number of base64 characters
     */
    public long base64Length() {
        return length;
    }

    /** {@return a stream of the decoded bytes, decoding as it is read, 64 KiB of text at a time} */
    public InputStream openStream() {
        return new DecodingStream();
    }

    /**
     * {@return all decoded bytes in a new array}
     *
     * @throws UncheckedIOException if the media are kept in a file that can no longer be read
     */
    public byte[] toByteArray() {
        if (array == null) {
            return decodeFromSource();
        }
        try {
            ByteBuffer decoded = DECODER.decode(ByteBuffer.wrap(array.text(), array.offset(), array.count()));
            byte[] array = decoded.array();
            // The JDK sizes the array exactly for padded text; copy only in the rare case it did not.
            if (decoded.arrayOffset() == 0 && decoded.remaining() == array.length) {
                return array;
            }
            byte[] exact = new byte[decoded.remaining()];
            decoded.get(exact);
            return exact;
        } catch (IllegalArgumentException e) {
            throw new MediaDecodingException("media is not valid base64: " + e.getMessage(), e);
        }
    }

    /** Media kept outside the heap: decoded a chunk at a time into an array of the exact size. */
    private byte[] decodeFromSource() {
        if (size > Integer.MAX_VALUE - 8) {
            throw new UnsupportedOperationException("media of " + size + " bytes do not fit in an array; use writeTo");
        }
        byte[] decoded = new byte[(int) size];
        int filled = 0;
        Chunks chunks = new Chunks();
        try {
            for (int n; (n = chunks.decodeNext()) > 0; filled += n) {
                if (n > decoded.length - filled) {
                    throw new MediaDecodingException("media is not valid base64: more bytes than its size", null);
                }
                System.arraycopy(chunks.decoded, 0, decoded, filled, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("media could not be read from where they are kept", e);
        }
        return filled == decoded.length ? decoded : Arrays.copyOf(decoded, filled);
    }

    /**
     * {@return the base64 text, as the service sent it}
     *
     * @throws UncheckedIOException if the media are kept in a file that can no longer be read
     */
    public String toBase64() {
        if (array != null) {
            return new String(array.text(), array.offset(), array.count(), StandardCharsets.ISO_8859_1);
        }
        if (length > Integer.MAX_VALUE - 8) {
            throw new UnsupportedOperationException("media text of " + length + " characters does not fit in a String;"
                    + " use openStream or writeTo");
        }
        byte[] text = new byte[(int) length];
        try {
            source.read(0, text, 0, text.length);
        } catch (IOException e) {
            throw new UncheckedIOException("media could not be read from where they are kept", e);
        }
        return new String(text, StandardCharsets.ISO_8859_1);
    }

    /**
     * Decodes into {@code out}, a buffer at a time; does not close it.
     *
     * @param out the stream to write to
     * @return the number of decoded bytes written
     * @throws IOException if {@code out} or the text's source fails
     */
    public long writeTo(OutputStream out) throws IOException {
        Chunks chunks = new Chunks();
        long written = 0;
        for (int n; (n = chunks.decodeNext()) > 0; ) {
            out.write(chunks.decoded, 0, n);
            written += n;
        }
        return written;
    }

    /**
     * Decodes into a file, replacing it if it exists. The bytes go to a temporary file beside the target that is
     * moved into place only when complete, so a failure never leaves a half-written file under the target name.
     *
     * @param file the file to write
     * @return the number of decoded bytes written
     * @throws IOException if the file cannot be written or the text's source fails
     */
    public long writeTo(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temporary = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".part");
        try {
            long written;
            try (OutputStream out = Files.newOutputStream(temporary)) {
                written = writeTo(out);
            }
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return written;
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** Only the size: media are faces and identity documents. */
    @Override
    public String toString() {
        return "Media[" + size() + " bytes]";
    }

    /** Base64 characters decoded per step when streaming: 64 KiB of text, 48 KiB of bytes. A multiple of 4. */
    static final int CHUNK_CHARS = 64 * 1024;

    /**
     * Decodes the text a chunk at a time with the JDK's array decoder, into one reused buffer. The JDK's wrapping
     * decoder stream would do the same job a byte at a time, several times slower than decoding the whole array,
     * which is what this matches. Every chunk but the last is a whole number of 4-character groups, so decoding
     * by chunks accepts and refuses exactly what decoding the whole text at once does; the one thing a chunk
     * cannot see alone, padding before the end of the text, is checked here.
     */
    private final class Chunks {
        private final byte[] chunk = new byte[(int) Math.min(CHUNK_CHARS, length)];
        final byte[] decoded = new byte[chunk.length / 4 * 3 + 3];
        private long position;

        /** Decodes the next chunk into {@link #decoded}; returns how many bytes it holds, 0 at the end. */
        int decodeNext() throws IOException {
            int n = (int) Math.min(chunk.length, length - position);
            if (n == 0) {
                return 0;
            }
            boolean last = position + n == length;
            byte[] text = n == chunk.length ? chunk : new byte[n]; // only the last chunk can be shorter
            source.read(position, text, 0, n);
            position += n;
            if (!last && text[n - 1] == '=') {
                throw new MediaDecodingException("media is not valid base64: padding before the end of the text",
                        null);
            }
            try {
                return DECODER.decode(text, decoded);
            } catch (IllegalArgumentException e) {
                throw new MediaDecodingException("media is not valid base64: " + e.getMessage(), e);
            }
        }
    }

    /** The decoded bytes as a stream, one chunk in memory at a time. */
    private final class DecodingStream extends InputStream {
        private Chunks chunks;
        private int available;
        private int next;

        private boolean fill() throws IOException {
            if (next < available) {
                return true;
            }
            if (chunks == null) {
                chunks = new Chunks();
            }
            available = chunks.decodeNext();
            next = 0;
            return available > 0;
        }

        @Override
        public int read() throws IOException {
            return fill() ? chunks.decoded[next++] & 0xff : -1;
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
            System.arraycopy(chunks.decoded, next, b, off, n);
            next += n;
            return n;
        }

        @Override
        public int available() {
            return available - next;
        }
    }

    /** Thrown when media text is not valid base64. */
    public static final class MediaDecodingException extends UncheckedIOException {
        private static final long serialVersionUID = 1L;

        MediaDecodingException(String message, Throwable cause) {
            super(message, cause instanceof IOException io ? io : new IOException(message, cause));
        }
    }
}
