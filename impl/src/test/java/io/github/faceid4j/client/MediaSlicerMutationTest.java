package io.github.faceid4j.client;

import io.github.faceid4j.model.Media;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The slicer's parts one contract at a time, written for the mutants PIT found surviving (docs/testing.md): the
 * word scanner ({@link PlainScanner#anySpecial}, {@link MediaSlicer#plainStringEnd}) against a byte-by-byte
 * reference at every offset, the block index ({@link PlainBlocks}) as the reader fills it, that a block
 * the index calls plain is really jumped over, the exponent rule's bounds, a media value that is not ASCII kept
 * exactly as it came, and where a problem at the very first byte is reported.
 */
class MediaSlicerMutationTest {

    private static final int BLOCK = PlainBlocks.SIZE;
    private static final byte[] SPECIAL = {'"', '\\', 0x00, 0x1f, ' ', '!', (byte) 0x80, (byte) 0xc3, (byte) 0xff};
    /** Plain bytes, among them the neighbours of the special ones ('#' after the quote, '[' and ']' around '\'). */
    private static final byte[] PLAIN = {'#', '$', '[', ']', 'A', 'z', '0', '9', '+', '/', '=', '~', 0x7f};

    private final MediaSlicer slicer = new MediaSlicer(64 * 1024 * 1024);

    // --- the word scanner ---

    @Test
    void anySpecialFindsEachSpecialByteAtEveryOffsetAndNothingInPlainText() {
        Random random = new Random(1);
        for (int length = 0; length <= 40; length++) {
            for (int from = 0; from <= 3 && from <= length; from++) {
                byte[] body = randomBase64(random, length);
                // plain bytes of every kind and specials outside [from, length - 1) do not count
                for (int i = 0; i < length; i++) {
                    body[i] = i % 3 == 0 ? PLAIN[random.nextInt(PLAIN.length)] : body[i];
                }
                if (from > 0) {
                    body[from - 1] = '"';
                }
                int to = Math.max(from, length - 1);
                if (to < length) {
                    body[to] = '\\';
                }
                assertThat(PlainScanner.anySpecial(body, from, to)).as("plain, length %d from %d", length, from)
                        .isFalse();
                for (int at = from; at < to; at++) {
                    for (byte special : SPECIAL) {
                        byte[] marked = body.clone();
                        marked[at] = special;
                        assertThat(PlainScanner.anySpecial(marked, from, to))
                                .as("0x%02x at %d of [%d, %d)", special & 0xff, at, from, to).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void plainStringEndOverASpilledBodyFindsEveryQuoteWithAndWithoutTheIndex() throws Exception {
        byte[] body = randomBase64(new Random(2), 200_000);
        int[] quotes = {5, BLOCK, 3 * BLOCK + 17, 64 * 1024 - 1, 64 * 1024, 100_000, 199_999};
        for (int q : quotes) {
            body[q] = '"';
        }
        body[150_000] = ' '; // special but not an end: the search goes on
        body[150_001] = '!';
        PlainBlocks index = new PlainBlocks();
        index.finished(body, body.length);
        try (ResponseBody.Spilled spilled = spilled(body)) {
            for (PlainBlocks plain : new PlainBlocks[] {null, index}) {
                int from = 1;
                for (int q : quotes) {
                    assertThat(PlainScanner.plainStringEnd(spilled, from, plain, new ResponseBody.Window()))
                            .as("from %d, index %s", from, plain != null).isEqualTo(q);
                    assertThat(MediaSlicer.plainStringEnd(body, from, body.length, plain)).isEqualTo(q);
                    from = q + 1;
                }
            }
        }
    }

    @Test
    void aBlockTheIndexCallsPlainIsJumpedOverNotReadAgain() {
        // the index was learnt from a body whose block 5 has a '!' (special, not an end) and whose other blocks
        // are plain; the search then runs over a body with quotes in blocks 2 and 5: it reads blocks 0 and 5 only
        byte[] learnt = randomBase64(new Random(3), 8 * BLOCK);
        learnt[5 * BLOCK + 3] = '!';
        PlainBlocks index = new PlainBlocks();
        index.finished(learnt, learnt.length);
        byte[] searched = learnt.clone();
        searched[2 * BLOCK + 100] = '"';
        searched[5 * BLOCK + 7] = '"';

        assertThat(MediaSlicer.plainStringEnd(searched, 1, searched.length, index)).isEqualTo(5 * BLOCK + 7);
        assertThat(MediaSlicer.plainStringEnd(searched, 1, searched.length)).isEqualTo(2 * BLOCK + 100);
    }

    // --- the block index ---

    @Test
    void theIndexCallsPlainExactlyTheBlocksLookedAtThatHaveNoSpecialByte() {
        byte[] body = bodyWithSpecials(5 * BLOCK + 100);
        boolean[] special = {false, true, false, true, false, true};
        for (int step : new int[] {1_000, BLOCK, 3 * BLOCK + 1, body.length}) {
            PlainBlocks index = new PlainBlocks();
            for (int received = Math.min(step, body.length); ; received = Math.min(body.length, received + step)) {
                index.received(body, received);
                for (int k = 0; k <= 6; k++) {
                    boolean lookedAt = k < received / BLOCK;
                    assertThat(index.isPlain(k)).as("block %d after %d bytes", k, received)
                            .isEqualTo(lookedAt && !special[k]);
                }
                if (received == body.length) {
                    break;
                }
            }
            index.finished(body, body.length);
            assertIndex(index, special, "in steps of " + step);
        }
    }

    @Test
    void aLastBlockThatIsPlainIsPlainOnceTheBodyIsFinishedAndNoBlockLiesPastTheEnd() {
        byte[] body = randomBase64(new Random(4), 2 * BLOCK + 10);
        PlainBlocks unseen = new PlainBlocks();
        unseen.finished(body, body.length); // no received(...) before: finished looks at every block
        assertIndex(unseen, new boolean[] {false, false, false}, "finished only");

        PlainBlocks seen = new PlainBlocks();
        seen.received(body, body.length);
        assertThat(seen.isPlain(2)).isFalse(); // the partial block: not looked at before the body is complete
        seen.finished(body, body.length);
        assertIndex(seen, new boolean[] {false, false, false}, "received, then finished");

        byte[] whole = randomBase64(new Random(5), 3 * BLOCK); // a length that ends a block: no partial block
        PlainBlocks aligned = new PlainBlocks();
        aligned.finished(whole, whole.length);
        assertIndex(aligned, new boolean[] {false, false, false}, "block-aligned length");
    }

    @Test
    void theIndexOfABodyKeptInTheReadersMovingBufferIsTheSameAsOfTheWholeBody() {
        byte[] body = bodyWithSpecials(5 * BLOCK + 100);
        boolean[] special = {false, true, false, true, false, true};
        int chunk = 2 * BLOCK; // as the reader does when it moves the body to a file: its buffer starts at base
        PlainBlocks index = new PlainBlocks();
        int base = 0;
        for (; body.length - base > chunk; base += chunk) {
            index.received(Arrays.copyOfRange(body, base, base + chunk), base, base + chunk);
        }
        index.finished(Arrays.copyOfRange(body, base, body.length), base, body.length);
        assertIndex(index, special, "moving buffer");
    }

    @Test
    void everyBlockSpecialIsRecordedAndTheIndexGrowsByDoubling() {
        // every block has a special byte (a JSON document without media looks like this): 40 words of bits
        int blocks = 40 * 64;
        byte[] text = randomBase64(new Random(6), blocks * BLOCK);
        for (int k = 0; k < blocks; k++) {
            text[k * BLOCK + 1] = '"';
        }
        new PlainBlocks().finished(text, text.length); // warm-up: compiled code allocates nothing
        PlainBlocks all = new PlainBlocks();
        long allocated = allocatedBy(() -> all.finished(text, text.length));
        for (int k = 0; k < blocks; k++) {
            assertThat(all.isPlain(k)).as("block %d", k).isFalse();
        }
        // 16 words, then 32, then 64: under a kilobyte of copies, not one copy per new word (~7 KB) or more
        assertThat(allocated).as("bytes allocated by the index of %d special blocks", blocks).isLessThan(3 * 1024);
    }

    @Test
    void moreThan1024BlocksAreIndexedPlainOrSpecialPastTheFirstBits() {
        // more than 1,024 blocks, all plain: past what the first 16 words of bits cover
        byte[] plain = randomBase64(new Random(7), 1030 * BLOCK);
        PlainBlocks wide = new PlainBlocks();
        wide.finished(plain, plain.length);
        assertThat(wide.isPlain(1023)).isTrue();
        assertThat(wide.isPlain(1024)).isTrue();
        assertThat(wide.isPlain(1029)).isTrue();
        assertThat(wide.isPlain(1030)).isFalse();

        // the first special block is the first of word 16: the bits must grow by exactly that word
        plain[1024 * BLOCK + 5] = '\\';
        PlainBlocks grown = new PlainBlocks();
        grown.finished(plain, plain.length);
        assertThat(grown.isPlain(1023)).isTrue();
        assertThat(grown.isPlain(1024)).isFalse();
        assertThat(grown.isPlain(1025)).isTrue();
    }

    @Test
    void aSpecialBlockFarAheadIsRecordedAndTheIndexStaysSmall() {
        // the first special block 2,112 blocks in (bit word 33, past twice the first 16 words)
        int far = 33 * 64;
        byte[] sparse = randomBase64(new Random(8), (far + 2) * BLOCK);
        sparse[far * BLOCK + 9] = '\\';
        new PlainBlocks().finished(sparse, sparse.length); // warm-up
        PlainBlocks index = new PlainBlocks();
        long allocated = allocatedBy(() -> index.finished(sparse, sparse.length));
        assertThat(index.isPlain(far - 1)).isTrue();
        assertThat(index.isPlain(far)).isFalse();
        assertThat(index.isPlain(far + 1)).isTrue();
        // a bit per block: 8.6 MB of body cost a few hundred bytes of index, not a long per block
        assertThat(allocated).as("bytes allocated by the index").isLessThan(3 * 1024);
    }

    private static long allocatedBy(Runnable action) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        action.run();
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        return allocated;
    }

    // --- the walk ---

    @ParameterizedTest
    @ValueSource(strings = {"1.5e3", "2E+400", "2e-400", "-7.25E-12", "1e00399", "3e00001", "1.0"})
    void numbersWithinTheExponentRuleAreAccepted(String number) throws Exception {
        byte[] body = ("{\"Response\":{\"Score\":" + number + ",\"RequestId\":\"r\"}}").getBytes(StandardCharsets.US_ASCII);
        assertThat(new String(slicer.slice(body, body.length).json(), StandardCharsets.US_ASCII))
                .isEqualTo(new String(body, StandardCharsets.US_ASCII));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e401", "1E-401", "2e000001", "5e+000400"})
    void numbersOutsideTheExponentRuleAreRefused(String number) {
        byte[] body = ("{\"Response\":{\"Score\":" + number + "}}").getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> slicer.slice(body, body.length))
                .isInstanceOf(MediaSlicer.MalformedDocument.class)
                .hasMessage("a number's exponent is out of range");
    }

    @Test
    void aMediaValueThatIsNotAsciiIsKeptExactlyAsItCame() throws Exception {
        // not base64, so decoding it later fails; but the slicer must not change it (e.g. by decoding UTF-8)
        byte[] value = "QUJD\u00e9RA==\u20ac!".getBytes(StandardCharsets.UTF_8);
        byte[] body = concat("{\"Response\":{\"VideoBase64\":\"".getBytes(StandardCharsets.US_ASCII), value,
                "\",\"BestFrameBase64\":\"QUJD\"}}".getBytes(StandardCharsets.US_ASCII));
        PlainBlocks index = new PlainBlocks();
        index.finished(body, body.length);
        for (PlainBlocks plain : new PlainBlocks[] {null, index}) {
            MediaSlicer.Sliced sliced = slicer.slice(body, body.length, plain);
            Media video = sliced.media().get(0);
            assertThat(video.base64Length()).isEqualTo(value.length);
            assertThat(video.toBase64()).isEqualTo(new String(value, StandardCharsets.ISO_8859_1));
            assertThat(sliced.media().get(1).toByteArray()).isEqualTo("ABC".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(sliced.json(), StandardCharsets.US_ASCII))
                    .isEqualTo("{\"Response\":{\"VideoBase64\":\"#0\",\"BestFrameBase64\":\"#1\"}}");
        }
    }

    @Test
    void aValueWithAnEscapeAfterNonAsciiIsUnescapedByTheParser() throws Exception {
        byte[] body = "{\"VideoBase64\":\"QU\u00e9\\/JD\"}".getBytes(StandardCharsets.UTF_8);
        MediaSlicer.Sliced sliced = slicer.slice(body, body.length);
        assertThat(sliced.media().get(0).toBase64()).isEqualTo("QU\u00e9/JD");
        assertThat(new String(sliced.json(), StandardCharsets.US_ASCII)).isEqualTo("{\"VideoBase64\":\"#0\"}");
    }

    @Test
    void aProblemAtTheFirstByteIsReportedAtByteZero() {
        byte[] body = "]".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> slicer.slice(body, body.length))
                .isInstanceOf(MediaSlicer.MalformedDocument.class)
                .hasMessage("the document is not well-formed JSON (JsonParseException at byte 0)");
    }

    // --- helpers ---

    /** Base64 with a '"' as the last byte of block 1, a '\' first in block 3, a 0x80 in the partial block 5. */
    private static byte[] bodyWithSpecials(int length) {
        byte[] body = randomBase64(new Random(9), length);
        body[2 * BLOCK - 1] = '"';
        body[3 * BLOCK] = '\\';
        body[5 * BLOCK + 50] = (byte) 0x80;
        return body;
    }

    private static void assertIndex(PlainBlocks index, boolean[] special, String how) {
        for (int k = 0; k < special.length; k++) {
            assertThat(index.isPlain(k)).as("block %d, %s", k, how).isEqualTo(!special[k]);
        }
        assertThat(index.isPlain(special.length)).as("the block past the end, %s", how).isFalse();
    }

    private static ResponseBody.Spilled spilled(byte[] body) throws java.io.IOException {
        ResponseBody.Spilled spilled = ResponseBody.Spilled.create(Path.of(System.getProperty("java.io.tmpdir")));
        spilled.append(body, body.length);
        spilled.complete();
        return spilled;
    }

    private static byte[] randomBase64(Random random, int length) {
        byte[] alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
                .getBytes(StandardCharsets.US_ASCII);
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return b;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
