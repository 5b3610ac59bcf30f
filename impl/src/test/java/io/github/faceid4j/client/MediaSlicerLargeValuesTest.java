package io.github.faceid4j.client;

import io.github.faceid4j.model.Media;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Media values far larger than the parser's buffer, where the slicer has the parser jump over what it already
 * found to be plain base64 ({@link MediaSlicer#plainStringEnd}, {@link PlainBlocks}): the result must be
 * exactly what a full parse would give, and what a full parse refuses must still be refused.
 */
class MediaSlicerLargeValuesTest {

    private final MediaSlicer slicer = new MediaSlicer(Integer.MAX_VALUE - 8);

    @Test
    void plainStringEndAgreesWithAByteByByteReferenceWithAndWithoutBlocks() {
        Random random = new Random(42);
        byte[] specials = {'"', '\\', 0x00, 0x1f, ' ', '!', (byte) 0x80, (byte) 0xff, '#', '=', '+', '/'};
        for (int trial = 0; trial < 3_000; trial++) {
            int length = random.nextInt(trial < 2_000 ? 64 : 40_000);
            byte[] body = randomBase64(random, length);
            for (int k = random.nextInt(4); k > 0 && length > 0; k--) {
                body[random.nextInt(length)] = specials[random.nextInt(specials.length)];
            }
            int from = length == 0 ? 0 : random.nextInt(length);
            int expected = reference(body, from, length);
            assertThat(MediaSlicer.plainStringEnd(body, from, length)).as("trial %d", trial).isEqualTo(expected);
            assertThat(MediaSlicer.plainStringEnd(body, from, length, blocksReadInChunks(random, body, length)))
                    .as("trial %d with blocks", trial).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7_999, 8_000, 8_001, 100_000, 1_000_003})
    void largePlainValuesAreSlicedExactlyWithAndWithoutBlocks(int videoBytes) throws Exception {
        byte[] video = bytes(videoBytes, 1);
        byte[] frame = bytes(50_001, 2);
        String json = "{\"Response\":{\"ErrorCode\":0,\"VideoBase64\":\"" + b64(video) + "\",\"Extra\":\"x\\\"y\","
                + "\"BestFrameBase64\":\"" + b64(frame) + "\",\"RequestId\":\"r\"}}";
        byte[] body = json.getBytes(StandardCharsets.US_ASCII);
        String expectedJson = "{\"Response\":{\"ErrorCode\":0,\"VideoBase64\":\"#0\",\"Extra\":\"x\\\"y\","
                + "\"BestFrameBase64\":\"#1\",\"RequestId\":\"r\"}}";

        for (PlainBlocks blocks : new PlainBlocks[] {null,
                blocksReadInChunks(new Random(videoBytes), body, body.length)}) {
            MediaSlicer.Sliced sliced = slicer.slice(body, body.length, blocks);
            assertThat(new String(sliced.json(), StandardCharsets.US_ASCII)).isEqualTo(expectedJson);
            assertThat(sliced.media()).hasSize(2);
            assertThat(sliced.media().get(0).toByteArray()).isEqualTo(video);
            assertThat(sliced.media().get(1).toByteArray()).isEqualTo(frame);
        }
    }

    @Test
    void anEscapeDeepInsideALargeValueIsUnescaped() throws Exception {
        String base64 = b64(bytes(60_000, 3));
        int slash = base64.indexOf('/', 30_000);
        assertThat(slash).isPositive();
        String escaped = base64.substring(0, slash) + "\\/" + base64.substring(slash + 1);
        byte[] body = ("{\"VideoBase64\":\"" + escaped + "\",\"BestFrameBase64\":\"" + b64(bytes(20_000, 4)) + "\"}")
                .getBytes(StandardCharsets.US_ASCII);

        MediaSlicer.Sliced sliced = slicer.slice(body, body.length, blocksReadInChunks(new Random(3), body, body.length));

        assertThat(sliced.media().get(0).toBase64()).isEqualTo(base64);
        assertThat(sliced.media().get(1).toByteArray()).isEqualTo(bytes(20_000, 4));
        assertThat(new String(sliced.json(), StandardCharsets.US_ASCII))
                .isEqualTo("{\"VideoBase64\":\"#0\",\"BestFrameBase64\":\"#1\"}");
    }

    @ParameterizedTest
    @ValueSource(ints = {0x01, 0x1f})
    void aControlCharacterDeepInsideALargeValueIsStillRefused(int control) {
        byte[] body = ("{\"VideoBase64\":\"" + b64(bytes(60_000, 5)) + "\"}").getBytes(StandardCharsets.US_ASCII);
        body[50_000] = (byte) control;
        for (PlainBlocks blocks : new PlainBlocks[] {null,
                blocksReadInChunks(new Random(5), body, body.length)}) {
            assertThatThrownBy(() -> slicer.slice(body, body.length, blocks))
                    .isInstanceOf(MediaSlicer.MalformedDocument.class);
        }
    }

    @Test
    void brokenUtf8DeepInsideALargeValueIsStillRefused() {
        byte[] body = ("{\"VideoBase64\":\"" + b64(bytes(60_000, 6)) + "\"}").getBytes(StandardCharsets.US_ASCII);
        body[50_000] = (byte) 0xc3; // a lead byte followed by ASCII
        assertThatThrownBy(() -> slicer.slice(body, body.length, blocksReadInChunks(new Random(6), body, body.length)))
                .isInstanceOf(MediaSlicer.MalformedDocument.class);
    }

    @Test
    void aLargeValueCutOffBeforeItsQuoteIsRefusedAndTheLocationIsABodyOffset() {
        byte[] body = ("{\"VideoBase64\":\"" + b64(bytes(60_000, 7)) + "\",\"Extra\":1}")
                .getBytes(StandardCharsets.US_ASCII);
        int cut = body.length - 15;
        assertThatThrownBy(() -> slicer.slice(body, cut)).isInstanceOf(MediaSlicer.MalformedDocument.class);

        byte[] trailing = ("{\"VideoBase64\":\"" + b64(bytes(60_000, 7)) + "\"} {}").getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> slicer.slice(trailing, trailing.length))
                .isInstanceOf(MediaSlicer.MalformedDocument.class)
                .hasMessageContaining("content after the document");

        byte[] badAfter = ("{\"VideoBase64\":\"" + b64(bytes(60_000, 7)) + "\",\"Extra\":tru}")
                .getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> slicer.slice(badAfter, badAfter.length))
                .isInstanceOf(MediaSlicer.MalformedDocument.class)
                // where the parser gave up, as an offset in the body (not in the shortened stream the parser read)
                .hasMessageContaining("at byte " + badAfter.length);
    }

    @Test
    void theWholeDecoderGivesTheSameResultWithBlocks() {
        ResponseDecoder decoder = new ResponseDecoder();
        byte[] video = bytes(300_000, 8);
        byte[] body = ("{\"Response\":{\"ErrorCode\":0,\"VideoBase64\":\"" + b64(video) + "\",\"RequestId\":\"r\"}}")
                .getBytes(StandardCharsets.US_ASCII);
        Media withBlocks = decoder.decode(200, body, body.length, blocksReadInChunks(new Random(8), body, body.length))
                .videoBase64();
        Media without = decoder.decode(200, body, body.length).videoBase64();
        assertThat(withBlocks.toByteArray()).isEqualTo(video).isEqualTo(without.toByteArray());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 49_151, 49_152, 49_153, 100_000, 1_000_003})
    void spilledBodiesAreSlicedExactlyAsInMemoryAcrossWindowBoundaries(int videoBytes) throws Exception {
        byte[] video = bytes(videoBytes, 1);
        byte[] frame = bytes(50_001, 2);
        byte[] body = ("{\"Response\":{\"ErrorCode\":0,\"VideoBase64\":\"" + b64(video) + "\",\"Extra\":\"x\\\"y\","
                + "\"BestFrameBase64\":\"" + b64(frame) + "\",\"RequestId\":\"r\"}}").getBytes(StandardCharsets.US_ASCII);
        MediaSlicer.Sliced inMemory = slicer.slice(body, body.length);
        for (PlainBlocks blocks : new PlainBlocks[] {null, blocksReadAsSpilled(body)}) {
            try (ResponseBody.Spilled spilled = spilled(body)) {
                MediaSlicer.Sliced sliced = slicer.slice(spilled, blocks);
                assertThat(sliced.json()).isEqualTo(inMemory.json());
                assertThat(sliced.media().get(0).toByteArray()).isEqualTo(video);
                assertThat(sliced.media().get(1).toByteArray()).isEqualTo(frame);
                assertThat(sliced.media().get(1).openStream().readAllBytes()).isEqualTo(frame);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {65_534, 65_535, 65_536, 65_537, 131_072})
    void aSpilledValueWithAnEscapeOrAControlCharacterAtAWindowBoundaryIsHandledAsInMemory(int at) throws Exception {
        String base64 = b64(bytes(150_000, 9));
        int prefix = "{\"VideoBase64\":\"".length();
        byte[] escaped = ("{\"VideoBase64\":\"" + base64.substring(0, at - prefix) + "\\/"
                + base64.substring(at - prefix + 1) + "\"}").getBytes(StandardCharsets.US_ASCII);
        try (ResponseBody.Spilled spilled = spilled(escaped)) {
            assertThat(slicer.slice(spilled, blocksReadAsSpilled(escaped)).media().get(0).toBase64())
                    .isEqualTo(slicer.slice(escaped, escaped.length).media().get(0).toBase64());
        }
        byte[] control = ("{\"VideoBase64\":\"" + base64 + "\"}").getBytes(StandardCharsets.US_ASCII);
        control[at] = 0x01;
        try (ResponseBody.Spilled spilled = spilled(control)) {
            assertThatThrownBy(() -> slicer.slice(spilled, blocksReadAsSpilled(control)))
                    .isInstanceOf(MediaSlicer.MalformedDocument.class);
        }
    }

    private static ResponseBody.Spilled spilled(byte[] body) throws java.io.IOException {
        ResponseBody.Spilled spilled = ResponseBody.Spilled.create(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")));
        spilled.append(body, body.length);
        spilled.complete();
        return spilled;
    }

    /** What the reader learns when it moves the body to a file 64 KiB at a time (as Transport does). */
    private static PlainBlocks blocksReadAsSpilled(byte[] body) {
        PlainBlocks blocks = new PlainBlocks();
        int chunk = 64 * 1024;
        int base = 0;
        for (; body.length - base > chunk; base += chunk) {
            blocks.received(java.util.Arrays.copyOfRange(body, base, base + chunk), base, base + chunk);
        }
        blocks.finished(java.util.Arrays.copyOfRange(body, base, body.length), base, body.length);
        return blocks;
    }

    /** What a reader learns when the body arrives in chunks of random sizes. */
    private static PlainBlocks blocksReadInChunks(Random random, byte[] body, int length) {
        PlainBlocks blocks = new PlainBlocks();
        int received = 0;
        while (received < length) {
            received = Math.min(length, received + 1 + random.nextInt(20_000));
            blocks.received(body, received);
        }
        blocks.finished(body, length);
        return blocks;
    }

    private static int reference(byte[] body, int from, int length) {
        for (int i = from; i < length; i++) {
            int b = body[i] & 0xff;
            if (b == '"') {
                return i;
            }
            if (b == '\\' || b < 0x20 || b >= 0x80) {
                return -1;
            }
        }
        return -1;
    }

    private static byte[] randomBase64(Random random, int length) {
        byte[] alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(StandardCharsets.US_ASCII);
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return b;
    }

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void referenceSanity() {
        byte[] b = "ab\"".getBytes(StandardCharsets.US_ASCII);
        assertThat(reference(b, 0, b.length)).isEqualTo(2);
        assertThat(Arrays.copyOf(b, 2)).hasSize(2);
    }
}
