package io.github.faceid4j.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP plumbing the emulator's handlers share: reading a bounded body or form, sending a body with its length,
 * redirecting. Knows nothing of FaceID.
 */
final class Exchanges {

    /** The largest form accepted: a token, an outcome and a code need far less. */
    static final int MAX_FORM = 4096;

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

    /** A 303 to {@code location}, not to be cached. */
    static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(303, -1);
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

    /**
     * The urlencoded form of a POST, or null when it is not one or is larger than {@link #MAX_FORM} bytes. A field
     * sent twice keeps its first value.
     */
    static Map<String, String> form(HttpExchange ex) throws IOException {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            ex.getRequestBody().transferTo(OutputStream.nullOutputStream());
            return null;
        }
        byte[] body = ex.getRequestBody().readNBytes(MAX_FORM + 1);
        if (body.length > MAX_FORM) {
            ex.getRequestBody().transferTo(OutputStream.nullOutputStream());
            return null;
        }
        Map<String, String> fields = new HashMap<>();
        for (String pair : new String(body, StandardCharsets.US_ASCII).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return fields;
    }

    /** A whole number from a form field, or null when it is absent, blank or not a number. */
    static Long longField(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
