package io.github.faceid4j.client;

import io.github.faceid4j.model.MediaInput;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A JSON request body with one large string member streamed from its source: the bytes before it ({@code head}),
 * the media's base64 text, the bytes after it ({@code tail}). The signature needs the body's SHA-256 before the
 * body is sent, so the source is read twice: once to hash, once per attempt to send. Neither pass holds more than a
 * buffer of it, so an 8 MB compare image costs kilobytes of heap, not the 8 MB of its text (plus the copies a
 * String, its JSON and its bytes would make).
 */
final class StreamedBody {

    private static final int BUFFER = 64 * 1024;

    private final byte[] head;
    private final MediaInput media;
    private final byte[] tail;
    private final long length;
    private final String sha256Hex;

    /**
     * Hashes the body now, reading the media once.
     *
     * @throws UncheckedIOException when the media cannot be read
     */
    StreamedBody(byte[] head, MediaInput media, byte[] tail) {
        this.head = head.clone();
        this.media = media;
        this.tail = tail.clone();
        this.length = head.length + (media == null ? 0 : media.base64Length()) + tail.length;
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long hashed = write(new OutputStream() {
                @Override
                public void write(int b) {
                    digest.update((byte) b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    digest.update(b, off, len);
                }
            });
            if (hashed != length) {
                throw new IOException("the media gave " + hashed + " bytes of body, " + length + " expected");
            }
            this.sha256Hex = HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("the compare image could not be read", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** Length in bytes: sent as Content-Length, so the connection streams instead of buffering. */
    long length() {
        return length;
    }

    /** Lowercase hex SHA-256 of the body, for the signature. */
    String sha256Hex() {
        return sha256Hex;
    }

    /** Writes the whole body, reading the media anew; returns the bytes written. */
    long write(OutputStream out) throws IOException {
        out.write(head);
        long written = head.length;
        if (media != null) {
            try (InputStream text = media.openBase64()) {
                byte[] buffer = new byte[BUFFER];
                for (int n; (n = text.read(buffer)) > 0; ) {
                    out.write(buffer, 0, n);
                    written += n;
                }
            }
        }
        out.write(tail);
        return written + tail.length;
    }

    /** The body only by its size: it carries a face. */
    @Override
    public String toString() {
        return "StreamedBody[" + length + " bytes]";
    }

    /** Lets Jersey write a {@link StreamedBody}: straight to the connection's stream. */
    @Produces(MediaType.APPLICATION_JSON)
    static final class Writer implements MessageBodyWriter<StreamedBody> {
        @Override
        public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
            return type == StreamedBody.class;
        }

        @Override
        public long getSize(StreamedBody body, Class<?> type, Type genericType, Annotation[] annotations,
                            MediaType mediaType) {
            return body.length;
        }

        @Override
        public void writeTo(StreamedBody body, Class<?> type, Type genericType, Annotation[] annotations,
                            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream out)
                throws IOException {
            long written = body.write(out);
            if (written != body.length) {
                throw new IOException("the compare image changed while it was sent (" + written + " bytes of "
                        + body.length + ")");
            }
        }
    }
}
