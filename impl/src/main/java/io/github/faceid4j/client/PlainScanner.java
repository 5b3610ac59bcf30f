package io.github.faceid4j.client;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The word-at-a-time scanner behind {@link MediaSlicer} and {@link PlainBlocks}: finds, eight bytes at a time and
 * without a branch per byte, whether a stretch of the body holds a byte that plain base64 never has (a control
 * character, space, '!', the quote, a backslash, or anything from 0x80 up), and where a plain string ends.
 */
final class PlainScanner {

    private PlainScanner() {
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
}
