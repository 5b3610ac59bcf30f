package io.github.faceid4j.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The HTTP plumbing of the emulator's handlers: reading a bounded body, sending a body with its length. Knows
 * nothing of FaceID.
 */
final class Exchanges {

    private Exchanges() {
    }

    /** Sends a status and body with {@code Content-Length}; an empty body as {@code Content-Length: 0}. */
    static void send(HttpExchange ex, int status, String contentType, ResponseBody body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        long length = body.length();
        ex.sendResponseHeaders(status, length == 0 ? -1 : length); // -1: "no body", sent as Content-Length: 0
        if (length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                body.writeTo(out);
            }
        }
    }

    /** The body, or null when it is larger than {@code max}. */
    static byte[] readLimited(InputStream in, int max) throws IOException {
        try (in) {
            byte[] b = in.readNBytes(max + 1);
            if (b.length > max) {
                in.transferTo(OutputStream.nullOutputStream()); // drain, so the answer can still be read
                return null;
            }
            return b;
        }
    }
}
