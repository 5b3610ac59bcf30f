package io.github.faceid4j.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
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

    Sliced slice(byte[] body, int length) throws MalformedDocument {
        List<Media> media = new ArrayList<>();
        ByteArrayOutputStream json = new ByteArrayOutputStream(Math.min(length, 16 * 1024));
        int copied = 0;
        try (JsonParser parser = factory.createParser(body, 0, length)) {
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
                            int quote = (int) parser.currentTokenLocation().getByteOffset();
                            int end = closingQuote(body, quote + 1, length);
                            if (end < 0) {
                                // escaped characters (e.g. "\/"): rare; let the parser unescape this one value
                                media.add(Media.ofBase64(parser.getText()));
                                end = endOfEscapedString(body, quote + 1, length);
                            } else {
                                media.add(Media.ofBase64(body, quote + 1, end - quote - 1));
                            }
                            json.write(body, copied, quote - copied);
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
            int end = (int) parser.currentLocation().getByteOffset();
            if (parser.nextToken() != null) {
                throw new MalformedDocument("there is content after the document");
            }
            json.write(body, copied, end - copied);
        } catch (IOException e) {
            // Jackson's messages quote parts of the document; keep only the kind of problem and where
            throw new MalformedDocument("the document is not well-formed JSON (" + e.getClass().getSimpleName()
                    + problemLocation(e) + ")");
        }
        return new Sliced(json.toByteArray(), media);
    }

    private static String problemLocation(IOException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonProcessingException p && p.getLocation() != null) {
            return " at byte " + p.getLocation().getByteOffset();
        }
        return "";
    }

    /** Index of the closing quote, or -1 when the string holds an escape. */
    private static int closingQuote(byte[] body, int from, int length) {
        for (int i = from; i < length; i++) {
            byte b = body[i];
            if (b == '"') {
                return i;
            }
            if (b == '\\') {
                return -1;
            }
        }
        return -1;
    }

    private static int endOfEscapedString(byte[] body, int from, int length) throws MalformedDocument {
        for (int i = from; i < length; i++) {
            if (body[i] == '\\') {
                i++;
            } else if (body[i] == '"') {
                return i;
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
