package io.github.faceid4j.client;

import java.util.Arrays;

/**
 * Which 4 KiB blocks of a body hold no special byte (see {@link PlainScanner}), learnt by the reader a block at a
 * time as the body arrives. Looking at each block while it is still in the cache, and while the reader would
 * otherwise wait for the network, makes the later search for the end of a multi-megabyte media value almost
 * free: it jumps over the blocks known to be plain. Not thread-safe; written by the reader, then read by the
 * slicer on the same thread.
 */
final class PlainBlocks {
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
        if (PlainScanner.anySpecial(data, (block << SHIFT) - base, end - base)) {
            if (block >>> 6 >= special.length) {
                special = Arrays.copyOf(special, Math.max(special.length * 2, (block >>> 6) + 1));
            }
            special[block >>> 6] |= 1L << block;
        }
    }
}
