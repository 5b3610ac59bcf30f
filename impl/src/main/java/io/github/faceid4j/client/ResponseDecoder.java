package io.github.faceid4j.client;

import io.github.faceid4j.client.internal.Redaction;
import io.github.faceid4j.client.internal.WireNames;
import io.github.faceid4j.FaceIdDecodingException;
import io.github.faceid4j.FaceIdServiceException;
import io.github.faceid4j.model.VerificationResult;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;

import java.io.ByteArrayInputStream;

/**
 * Turns an HTTP answer into a result or the right exception. JSON-B (Yasson) maps straight into the model's
 * records; names come from {@link WireNames}. Unknown members are ignored, absent ones stay {@code null}.
 */
final class ResponseDecoder {

    static final int EXCERPT_CHARS = 200;

    private final Jsonb jsonb;

    private final MediaSlicer slicer;

    ResponseDecoder() {
        this(Integer.MAX_VALUE - 8);
    }

    ResponseDecoder(int maxDocumentBytes) {
        this.slicer = new MediaSlicer(maxDocumentBytes);
        this.jsonb = WireNames.jsonb(new JsonbConfig().withAdapters(new MediaAdapter()));
    }

    VerificationResult decode(int status, byte[] body, int length) {
        return decode(status, body, length, null);
    }

    VerificationResult decode(int status, byte[] body, int length, PlainBlocks plain) {
        return decode(status, new ResponseBody.InMemory(body, length), plain);
    }

    /**
     * Decodes a body and gives it up ({@link ResponseBody#close()}).
     *
     * @param plain what the reader learnt of the body as it arrived, or {@code null} (see {@link MediaSlicer})
     */
    VerificationResult decode(int status, ResponseBody body, PlainBlocks plain) {
        try (body) {
            return decodeOrThrow(status, body, plain);
        }
    }

    private VerificationResult decodeOrThrow(int status, ResponseBody body, PlainBlocks plain) {
        if (status != 200) {
            throw new FaceIdDecodingException("FaceID answered with an HTTP error status", status, excerpt(body), null);
        }
        if (body.length() == 0) {
            throw new FaceIdDecodingException("FaceID answered with an empty body", status, "", null);
        }
        MediaSlicer.Sliced sliced;
        try {
            sliced = slicer.slice(body, plain);
        } catch (MediaSlicer.MalformedDocument e) {
            throw new FaceIdDecodingException("FaceID response is not valid JSON: " + e.getMessage(), status,
                    excerpt(body), null);
        }
        Wire.Envelope envelope;
        try {
            envelope = MediaAdapter.withMedia(sliced.media(),
                    () -> jsonb.fromJson(new ByteArrayInputStream(sliced.json()), Wire.Envelope.class));
        } catch (JsonbException | ClassCastException | jakarta.json.JsonException e) {
            // Yasson's messages may quote the offending value, which can be personal data: keep only the path to it.
            throw new FaceIdDecodingException("FaceID response is not valid JSON of the expected shape" + path(e), status,
                    excerpt(body), null);
        }
        if (envelope == null || envelope.response() == null) {
            throw new FaceIdDecodingException("FaceID response has no Response object", status, excerpt(body), null);
        }
        Wire.Payload payload = envelope.response();
        if (payload.error() != null) {
            throw FaceIdServiceException.from(payload.error().code(), payload.error().message(), payload.requestId());
        }
        return payload.toResult();
    }

    /** A masked excerpt of the body's beginning (see {@link Redaction#bodyExcerpt}). */
    private static String excerpt(ResponseBody body) {
        byte[] head = body.head(EXCERPT_CHARS * 4);
        return Redaction.bodyExcerpt(head, head.length, EXCERPT_CHARS);
    }

    private static final java.util.regex.Pattern PROPERTY = java.util.regex.Pattern.compile("property '([A-Za-z0-9]+)'");

    /** Where in the document decoding failed, e.g. {@code " at Response.ErrorCode"}; names only, never values. */
    private static String path(Throwable e) {
        StringBuilder path = new StringBuilder();
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            java.util.regex.Matcher m = PROPERTY.matcher(String.valueOf(t.getMessage()));
            if (m.find() && path.indexOf(m.group(1)) < 0) {
                path.append(path.length() == 0 ? "" : ".").append(m.group(1));
            }
        }
        return path.length() == 0 ? "" : " at " + path;
    }
}
