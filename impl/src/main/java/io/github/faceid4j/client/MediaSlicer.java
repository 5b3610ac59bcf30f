package io.github.faceid4j.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.github.faceid4j.model.Media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A streaming pre-pass over the response body, before JSON-B maps it.
 *
 * <p>Why: a finished verification carries megabytes of base64 video and images. Mapped by JSON-B they would become
 * {@code String}s (copies of the body, and more while the parser buffers them). Instead, Jackson's streaming parser
 * walks the body once without materialising string values, and each media value is kept as a {@link Media} slice
 * of the body itself, decoded only when asked. What JSON-B then reads is the body with every media value replaced
 * by a short placeholder: kilobytes instead of megabytes.
 *
 * <p>The walk also validates the whole document, so JSON-B only ever sees complete, well-formed JSON (the JSON-P
 * parser behind it can loop forever skipping an unknown member that is cut off, found by fuzzing), and refuses
 * numbers whose exponent could make a big-decimal conversion run for minutes.
 *
 * <p>Speed: the body's bytes are looked at once, not twice. The end of a media value is found 4 KiB at a time
 * ({@link PlainScanner}), mostly by jumping over the blocks the reader already found plain while the body
 * arrived ({@link PlainBlocks}); the parser is then made to go on from the closing quote ({@link SkippingInput})
 * instead of scanning the megabytes again, which cost more than base64-decoding them. On a 10 MiB video the pass
 * takes about 15 µs once the reader has looked at the blocks (0.4 ms of its time, while the body arrives); the
 * parser's skipping plus a byte-by-byte search for the quote took over 10 ms (docs/performance.md).
 */
final class MediaSlicer {

    /** The members that carry base64 media, at any depth. */
    static final Set<String> MEDIA_MEMBERS = Set.of("VideoBase64", "BestFrameBase64", "CardImageBase64",
            "CardCutImageBase64", "CardBackCutImageBase64", "HeadImageBase64", "CardBackImageBase64");
    /** Placeholders start with a character base64 never uses, so they cannot be mistaken for media. */
    static final char PLACEHOLDER = '#';
    private static final int MAX_EXPONENT = 400;

    private final JsonFactory factory;

    MediaSlicer(int maxDocumentBytes) {
        this.factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(Math.max(maxDocumentBytes, StreamReadConstraints.DEFAULT_MAX_STRING_LEN))
                        .maxNestingDepth(64)
                        .build())
                .build();
    }

    /** The body with media values replaced by placeholders, and the media in placeholder order. */
    record Sliced(byte[] json, List<Media> media) {
    }

    /** A problem in the document; the message names no value. */
    static final class MalformedDocument extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedDocument(String message) {
            super(message, null, false, false);
        }
    }

    /** See {@link PlainScanner#plainStringEnd}; for a body in one array. */
    static int plainStringEnd(byte[] body, int from, int length, PlainBlocks plain) {
        return PlainScanner.plainStringEnd(new ResponseBody.InMemory(body, length), from, plain,
                new ResponseBody.Window());
    }

    static int plainStringEnd(byte[] body, int from, int length) {
        return plainStringEnd(body, from, length, null);
    }

    Sliced slice(byte[] body, int length) throws MalformedDocument {
        return slice(body, length, null);
    }

    Sliced slice(byte[] body, int length, PlainBlocks plain) throws MalformedDocument {
        return slice(new ResponseBody.InMemory(body, length), plain);
    }

    /**
     * @param plain what the reader learnt of the body while it arrived ({@link PlainBlocks}), or {@code null}:
     *              lets the search for the end of each media value pass over most of it
     */
    Sliced slice(ResponseBody body, PlainBlocks plain) throws MalformedDocument {
        int length = body.length();
        List<Media> media = new ArrayList<>();
        ByteArrayOutputStream json = new ByteArrayOutputStream(Math.min(length, 16 * 1024));
        ResponseBody.Window window = new ResponseBody.Window();
        int copied = 0;
        SkippingInput input = new SkippingInput(body);
        try (JsonParser parser = factory.createParser(input)) {
            JsonToken token = parser.nextToken();
            if (token != JsonToken.START_OBJECT) {
                throw new MalformedDocument("the document is not a JSON object");
            }
            int depth = 0;
            while (true) {
                switch (token) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case VALUE_STRING -> {
                        if (parser.getParsingContext().inObject() && MEDIA_MEMBERS.contains(parser.currentName())) {
                            int quote = input.bodyOffset(parser.currentTokenLocation().getByteOffset());
                            int end = PlainScanner.plainStringEnd(body, quote + 1, plain, window);
                            if (end >= 0) {
                                // the usual case, plain base64: the parser need not scan megabytes again
                                media.add(body.media(quote + 1, end - quote - 1));
                                input.skipTo(end);
                            } else if ((end = closingQuote(body, quote + 1, window)) < 0) {
                                // escaped characters (e.g. "\/"): rare; let the parser unescape this one value
                                media.add(Media.ofBase64(parser.getText()));
                                end = endOfEscapedString(body, quote + 1, window);
                            } else {
                                // not plain ASCII: the parser checks it as it reads on; kept as it came
                                media.add(body.media(quote + 1, end - quote - 1));
                            }
                            copy(body, copied, quote, json, window);
                            json.write(('"' + String.valueOf(PLACEHOLDER) + (media.size() - 1) + '"')
                                    .getBytes(StandardCharsets.US_ASCII));
                            copied = end + 1;
                        }
                    }
                    case VALUE_NUMBER_FLOAT -> checkExponent(parser.getText());
                    default -> {
                    }
                }
                if (depth == 0) {
                    break;
                }
                token = parser.nextToken();
                if (token == null) {
                    throw new MalformedDocument("the document ends before it is complete");
                }
            }
            int end = input.bodyOffset(parser.currentLocation().getByteOffset());
            if (parser.nextToken() != null) {
                throw new MalformedDocument("there is content after the document");
            }
            copy(body, copied, end, json, window);
        } catch (IOException e) {
            // Jackson's messages quote parts of the document; keep only the kind of problem and where
            throw new MalformedDocument("the document is not well-formed JSON (" + e.getClass().getSimpleName()
                    + problemLocation(e, input) + ")");
        }
        return new Sliced(json.toByteArray(), media);
    }

    /** Appends body bytes {@code [from, to)} to {@code out}. */
    private static void copy(ResponseBody body, int from, int to, ByteArrayOutputStream out, ResponseBody.Window w) {
        for (int i = from; i < to; ) {
            int n = Math.min(to - i, ResponseBody.MAX_WINDOW);
            body.window(i, i + n, w);
            out.write(w.data, i - w.base, n);
            i += n;
        }
    }

    private static String problemLocation(IOException e, SkippingInput input) {
        if (e instanceof JsonProcessingException p && p.getLocation() != null && p.getLocation().getByteOffset() >= 0) {
            return " at byte " + input.bodyOffset(p.getLocation().getByteOffset());
        }
        return "";
    }

    /** Index of the closing quote, or -1 when the string holds an escape (or is not terminated). */
    private static int closingQuote(ResponseBody body, int from, ResponseBody.Window w) {
        int length = body.length();
        for (int start = from; start < length; start += ResponseBody.MAX_WINDOW) {
            int end = Math.min(length, start + ResponseBody.MAX_WINDOW);
            body.window(start, end, w);
            for (int i = start; i < end; i++) {
                byte b = w.data[i - w.base];
                if (b == '"') {
                    return i;
                }
                if (b == '\\') {
                    return -1;
                }
            }
        }
        return -1;
    }

    private static int endOfEscapedString(ResponseBody body, int from, ResponseBody.Window w)
            throws MalformedDocument {
        int length = body.length();
        boolean escaped = false;
        for (int start = from; start < length; start += ResponseBody.MAX_WINDOW) {
            int end = Math.min(length, start + ResponseBody.MAX_WINDOW);
            body.window(start, end, w);
            for (int i = start; i < end; i++) {
                byte b = w.data[i - w.base];
                if (escaped) {
                    escaped = false;
                } else if (b == '\\') {
                    escaped = true;
                } else if (b == '"') {
                    return i;
                }
            }
        }
        throw new MalformedDocument("a media value is not terminated");
    }

    private static void checkExponent(String number) throws MalformedDocument {
        int e = Math.max(number.indexOf('e'), number.indexOf('E'));
        if (e < 0) {
            return;
        }
        String exponent = number.substring(e + 1);
        if (exponent.length() > 5 || Math.abs(Integer.parseInt(exponent)) > MAX_EXPONENT) {
            throw new MalformedDocument("a number's exponent is out of range");
        }
    }
}
