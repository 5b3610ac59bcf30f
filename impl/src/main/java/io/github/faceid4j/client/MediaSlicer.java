package io.github.faceid4j.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.github.faceid4j.model.Media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
 * ({@link #plainStringEnd}), mostly by jumping over the blocks the reader already found plain while the body
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
                            int end = plainStringEnd(body, quote + 1, plain, window);
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

    /**
     * The body as the parser reads it, a buffer at a time, except that the rest of a media value the parser has
     * not reached yet can be jumped over: once {@link #plainStringEnd} has found where a plain value ends, the
     * parser goes on from its closing quote instead of scanning megabytes of base64 a second time. What it then
     * sees is the same document with that value shortened, which is still valid JSON, as every skipped byte is
     * printable ASCII other than a quote or backslash. Parser offsets are offsets in this stream; add what was
     * skipped before them to get body offsets.
     */
    private static final class SkippingInput extends InputStream {
        private static final int READ_SIZE = 1024;
        private final ResponseBody body;
        private final ResponseBody.Window window = new ResponseBody.Window();
        private final int length;
        private int position;
        private long skipped;

        SkippingInput(ResponseBody body) {
            this.body = body;
            this.length = body.length();
        }

        /** The body offset of a parser offset at or after the last skip. */
        int bodyOffset(long streamOffset) {
            return (int) (streamOffset + skipped);
        }

        /** The parser's next read starts at {@code offset}, if it has not read that far yet. */
        void skipTo(int offset) {
            if (offset > position) {
                skipped += offset - position;
                position = offset;
            }
        }

        private final byte[] one = new byte[1];

        @Override
        public int read() {
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int len) {
            if (len == 0) {
                return 0;
            }
            if (position >= length) {
                return -1;
            }
            // At most READ_SIZE at a time: what the parser holds past the start of a media value it scans byte by byte
            // before a skip can take effect, so the less it holds, the less it scans (Jackson asks for 8,000).
            int n = Math.min(Math.min(len, length - position), READ_SIZE);
            body.window(position, position + n, window);
            System.arraycopy(window.data, position - window.base, into, offset, n);
            position += n;
            return n;
        }
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long BACKSLASHES = 0x5c5c5c5c5c5c5c5cL;
    /** Every byte below 0x23 is a control character, space, '!' or the quote: one test finds them all. */
    private static final long BELOW_0X23 = 0x2323232323232323L;

    /**
     * Index of the closing quote of a string whose content starts at {@code from}, when every byte before it is
     * printable ASCII other than a backslash, as base64 always is; -1 otherwise (escapes, control characters,
     * non-ASCII, or no closing quote), for the careful path to handle.
     *
     * <p>The string is taken 4 KiB block by block. A block that {@code plain} (if given) already found free of
     * {@linkplain #specialBits special} bytes is passed over; any other block is first tested whole, with one
     * branch-free loop that the JIT compiles to vector instructions; only a block that has such a byte is then
     * read word by word, and the word that has it byte by byte. The search goes on if that byte was a space or '!'.
     */
    static int plainStringEnd(ResponseBody body, int from, PlainBlocks plain, ResponseBody.Window w) {
        int length = body.length();
        int i = from;
        while (i < length) {
            int blockEnd = Math.min(length, (i | PlainBlocks.MASK) + 1);
            if (plain != null && (i & PlainBlocks.MASK) == 0 && plain.isPlain(i >>> PlainBlocks.SHIFT)) {
                i = blockEnd;
                continue;
            }
            body.window(i, blockEnd, w);
            byte[] data = w.data;
            int base = w.base;
            if (!anySpecial(data, i - base, blockEnd - base)) {
                i = blockEnd;
                continue;
            }
            for (int last = blockEnd - Long.BYTES; i <= last; i += Long.BYTES) {
                if ((specialBits((long) LONGS.get(data, i - base)) & HIGH_BITS) != 0) {
                    break;
                }
            }
            for (int bytes = Math.min(blockEnd, i + Long.BYTES); i < bytes; i++) {
                int b = data[i - base] & 0xff;
                if (b == '"') {
                    return i;
                }
                if (b == '\\' || b < 0x20 || b >= 0x80) {
                    return -1;
                }
            }
        }
        return -1;
    }

    static int plainStringEnd(byte[] body, int from, int length, PlainBlocks plain) {
        return plainStringEnd(new ResponseBody.InMemory(body, length), from, plain, new ResponseBody.Window());
    }

    static int plainStringEnd(byte[] body, int from, int length) {
        return plainStringEnd(body, from, length, null);
    }

    /**
     * Top bit set in every byte of the word that is below 0x23 (control characters, space, '!' and the quote: the
     * byte borrows into its top bit when 0x23 is subtracted, and the lowest such byte always does), from 0x80 up
     * (its top bit is set already) or a backslash (the classic "has a zero byte" test on the word xor-ed with
     * backslashes); a higher byte may be marked falsely after a true one, never when there is none. Base64 has
     * none of these bytes.
     */
    private static long specialBits(long word) {
        long backslashes = word ^ BACKSLASHES;
        return (word - BELOW_0X23) | word | ((backslashes - ONES) & ~backslashes);
    }

    /** Whether {@code body[from, to)} has a special byte: one pass without branches, vectorised by the JIT. */
    static boolean anySpecial(byte[] body, int from, int to) {
        long bits = 0;
        int i = from;
        for (int limit = to - (Long.BYTES - 1); i < limit; i += Long.BYTES) {
            bits |= specialBits((long) LONGS.get(body, i));
        }
        for (; i < to; i++) {
            bits |= specialBits(body[i] & 0xffL | 0x4141414141414100L); // the byte among seven plain ones
        }
        return (bits & HIGH_BITS) != 0;
    }

    /**
     * Which 4 KiB blocks of a body hold no {@linkplain #specialBits special} byte, learnt by the reader a block at a
     * time as the body arrives. Looking at each block while it is still in the cache, and while the reader would
     * otherwise wait for the network, makes the later search for the end of a multi-megabyte media value almost
     * free: it jumps over the blocks known to be plain. Not thread-safe; written by the reader, then read by the
     * slicer on the same thread.
     */
    static final class PlainBlocks {
        static final int SHIFT = 12;
        static final int SIZE = 1 << SHIFT;
        static final int MASK = SIZE - 1;

        private long[] special = new long[16];
        /** Blocks [0, classified) have been looked at. */
        private int classified;

        /** The body's first {@code received} bytes are in {@code body}: looks at every block now complete. */
        void received(byte[] body, int received) {
            received(body, 0, received);
        }

        /**
         * The body's bytes up to {@code received} have arrived, and those from {@code base} on are in
         * {@code data[i - base]} (the reader's buffer when it does not keep the body in one array): looks at every
         * block now complete. The blocks not yet looked at must all start at or after {@code base}.
         */
        void received(byte[] data, int base, int received) {
            int complete = received >>> SHIFT;
            for (int k = classified; k < complete; k++) {
                classify(data, base, k, (k + 1) << SHIFT);
            }
            classified = Math.max(classified, complete);
        }

        /** The body is complete at {@code length} bytes: looks at the last, partial block too. */
        void finished(byte[] body, int length) {
            finished(body, 0, length);
        }

        /** As {@link #finished(byte[], int)}, for bytes from {@code base} on held in {@code data[i - base]}. */
        void finished(byte[] data, int base, int length) {
            received(data, base, length);
            if ((length & MASK) != 0 && classified == length >>> SHIFT) {
                classify(data, base, classified, length);
                classified++;
            }
        }

        boolean isPlain(int block) {
            int word = block >>> 6;
            return block < classified && (word >= special.length || (special[word] & (1L << block)) == 0);
        }

        private void classify(byte[] data, int base, int block, int end) {
            if (anySpecial(data, (block << SHIFT) - base, end - base)) {
                if (block >>> 6 >= special.length) {
                    special = Arrays.copyOf(special, Math.max(special.length * 2, (block >>> 6) + 1));
                }
                special[block >>> 6] |= 1L << block;
            }
        }
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
