package io.github.faceid4j.benchmarks;

import io.github.faceid4j.client.BenchAccess;
import io.github.faceid4j.client.Credentials;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The floor: the leanest way to get the decoded video out of the same answer. One signed POST with the JDK's
 * {@link HttpURLConnection} (the connector Jersey uses by default, with the same keep-alive cache), the body read
 * into one array of exactly Content-Length bytes, the video's span found by a byte search (the closing quote eight
 * bytes at a time) and base64-decoded from the array in place with the JDK's decoder. No JSON parsing, no model,
 * no validation: nothing a real client could leave out is here.
 */
public final class Floor {

    private static final byte[] VIDEO_KEY = "\"VideoBase64\":\"".getBytes(StandardCharsets.US_ASCII);

    private final URI endpoint;
    private final BenchAccess.Signer signer;

    public Floor(URI endpoint, Credentials credentials) {
        this.endpoint = endpoint;
        this.signer = new BenchAccess.Signer(credentials);
    }

    /** The raw body of one call, exactly Content-Length bytes. */
    public byte[] fetch(String bizToken) throws IOException {
        byte[] request = ("{\"BizToken\":\"" + bizToken + "\"}").getBytes(StandardCharsets.UTF_8);
        long now = System.currentTimeMillis() / 1000;
        HttpURLConnection c = (HttpURLConnection) endpoint.toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setConnectTimeout(5_000);
        c.setReadTimeout(30_000);
        // No fixed-length streaming mode: buffered, the few request bytes are written right after the headers (two
        // segments, as Jersey's, seen with ss, and no stall); streamed, Nagle's algorithm held them back ~1 ms a call.
        c.setRequestProperty("Content-Type", BenchAccess.CONTENT_TYPE);
        c.setRequestProperty("X-TC-Action", BenchAccess.ACTION);
        c.setRequestProperty("X-TC-Version", BenchAccess.VERSION);
        c.setRequestProperty("X-TC-Region", "ap-singapore");
        c.setRequestProperty("X-TC-Timestamp", Long.toString(now));
        c.setRequestProperty("Authorization", signer.authorization(endpoint, now, request));
        try (OutputStream out = c.getOutputStream()) {
            out.write(request);
        }
        if (c.getResponseCode() != 200) {
            throw new IOException("HTTP " + c.getResponseCode());
        }
        int length = c.getContentLength();
        if (length < 0) {
            throw new IOException("no Content-Length");
        }
        byte[] body = new byte[length];
        try (InputStream in = c.getInputStream()) {
            int n = in.readNBytes(body, 0, length);
            if (n != length) {
                throw new IOException("short body: " + n + " of " + length);
            }
        }
        return body;
    }

    /** Fetch, then decode the video: what the harness times. */
    public byte[] fetchAndDecodeVideo(String bizToken) throws IOException {
        return decodeVideo(fetch(bizToken));
    }

    public static byte[] decodeVideo(byte[] body) throws IOException {
        int start = indexOf(body, VIDEO_KEY);
        if (start < 0) {
            throw new IOException("no VideoBase64 in the body");
        }
        start += VIDEO_KEY.length;
        int end = closingQuote(body, start);
        ByteBuffer decoded = Base64.getDecoder().decode(ByteBuffer.wrap(body, start, end - start));
        return decoded.array();
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * The first '"' from {@code from}, eight bytes per step (a byte-by-byte loop takes longer than the JDK's
     * base64 decoding of the same span on this machine, and the floor must not be slowed by its own search).
     */
    static int closingQuote(byte[] body, int from) throws IOException {
        int i = from;
        for (int last = body.length - Long.BYTES; i <= last; i += Long.BYTES) {
            long x = (long) LONGS.get(body, i) ^ 0x2222222222222222L;
            if (((x - 0x0101010101010101L) & ~x & 0x8080808080808080L) != 0) {
                break;
            }
        }
        for (; i < body.length; i++) {
            if (body[i] == '"') {
                return i;
            }
        }
        throw new IOException("the video is not terminated");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
