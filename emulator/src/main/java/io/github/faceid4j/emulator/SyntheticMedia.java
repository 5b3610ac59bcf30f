package io.github.faceid4j.emulator;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Synthetic images and video: real, decodable formats (so clients can hand them to image code), but drawn from
 * arithmetic only: no face, no document, nothing of a person.
 */
final class SyntheticMedia {

    /** Decoded size of the video in {@link Scenario#passed()}. */
    static final int DEFAULT_VIDEO_BYTES = 64 * 1024;

    private static final int MAX_CACHED_VIDEOS = 6;

    // Images are drawn once per JVM; base64 of each.
    private static volatile Images images;

    // Base64 per video size, so perf tests measure the client and not the emulator re-encoding 20 MiB per call.
    // Small LRU: a handful of sizes (1/10/20 MiB) is the expected use.
    private static final Map<Long, byte[]> VIDEO_BASE64 = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, byte[]> eldest) {
            return size() > MAX_CACHED_VIDEOS;
        }
    };

    private SyntheticMedia() {
    }

    record Images(String bestFrame, String cardFront, String cardFrontCut, String cardBack, String cardBackCut,
                  String head) {
    }

    static Images images() {
        Images i = images;
        if (i == null) {
            synchronized (SyntheticMedia.class) {
                i = images;
                if (i == null) {
                    i = new Images(
                            jpegBase64(160, 120, 0x2d72f1, 0xf1c40f, Shape.CIRCLE),
                            jpegBase64(200, 126, 0x16a085, 0xecf0f1, Shape.RECTANGLE),
                            jpegBase64(180, 112, 0x16a085, 0xbdc3c7, Shape.RECTANGLE),
                            jpegBase64(200, 126, 0x8e44ad, 0xecf0f1, Shape.STRIPES),
                            jpegBase64(180, 112, 0x8e44ad, 0xbdc3c7, Shape.STRIPES),
                            jpegBase64(60, 80, 0xd35400, 0x34495e, Shape.CIRCLE));
                    images = i;
                }
            }
        }
        return i;
    }

    enum Shape { CIRCLE, RECTANGLE, STRIPES }

    /**
     * A small JPEG: a diagonal gradient between two colours with one geometric shape on top. Pixels are set
     * directly instead of through Graphics2D so that no AWT toolkit or graphics environment is ever initialised.
     */
    static byte[] jpeg(int width, int height, int fromRgb, int toRgb, Shape shape) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double t = (x + y) / (double) (width + height - 2);
                int rgb = blend(fromRgb, toRgb, t);
                if (inside(shape, x, y, width, height)) {
                    rgb = blend(rgb, 0xffffff - rgb, 0.8);
                }
                img.setRGB(x, y, rgb);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(img, "jpg", out)) {
                throw new IllegalStateException("No JPEG writer in this JDK");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String jpegBase64(int w, int h, int from, int to, Shape shape) {
        return Base64.getEncoder().encodeToString(jpeg(w, h, from, to, shape));
    }

    private static boolean inside(Shape shape, int x, int y, int w, int h) {
        return switch (shape) {
            case CIRCLE -> {
                double dx = x - w / 2.0;
                double dy = y - h / 2.0;
                double r = Math.min(w, h) / 3.0;
                yield dx * dx + dy * dy <= r * r;
            }
            case RECTANGLE -> x > w / 10 && x < w * 4 / 10 && y > h / 5 && y < h * 4 / 5;
            case STRIPES -> (y / Math.max(1, h / 8)) % 2 == 0 && x > w / 8 && x < w * 7 / 8;
        };
    }

    private static int blend(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 0xff) * (1 - t) + ((b >> 16) & 0xff) * t);
        int g = (int) Math.round(((a >> 8) & 0xff) * (1 - t) + ((b >> 8) & 0xff) * t);
        int bl = (int) Math.round((a & 0xff) * (1 - t) + (b & 0xff) * t);
        return (r << 16) | (g << 8) | bl;
    }

    /**
     * An MP4-looking byte sequence of exactly {@code size} bytes: an {@code ftyp} box, an {@code mdat} box header,
     * then deterministic pseudo-random payload (so a content sniffer says "MP4" and compressors cannot shrink it).
     * Sizes below the 32-byte header get a prefix of that header.
     */
    static byte[] video(long size) {
        if (size < 0 || size > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException("video size out of range: " + size);
        }
        byte[] v = new byte[(int) size];
        byte[] header = new byte[32];
        putInt(header, 0, 24);
        putAscii(header, 4, "ftypisom");
        putInt(header, 12, 0x200);
        putAscii(header, 16, "isommp41");
        putInt(header, 24, (int) Math.max(8, size - 24));
        putAscii(header, 28, "mdat");
        System.arraycopy(header, 0, v, 0, (int) Math.min(size, header.length));
        long state = 0x9E3779B97F4A7C15L; // fixed seed: identical bytes on every run
        for (int i = header.length; i < v.length; i++) {
            // xorshift64*: fast, deterministic, good enough to look incompressible
            state ^= state >>> 12;
            state ^= state << 25;
            state ^= state >>> 27;
            v[i] = (byte) ((state * 0x2545F4914F6CDD1DL) >>> 56);
        }
        return v;
    }

    /** Base64 (ASCII bytes) of {@link #video(long)}, cached per size. */
    static byte[] videoBase64(long size) {
        synchronized (VIDEO_BASE64) {
            byte[] cached = VIDEO_BASE64.get(size);
            if (cached != null) {
                return cached;
            }
        }
        // Encode outside the lock: two threads may both encode a new size once; that is cheaper than serialising.
        byte[] encoded = Base64.getEncoder().encode(video(size));
        synchronized (VIDEO_BASE64) {
            VIDEO_BASE64.putIfAbsent(size, encoded);
            return VIDEO_BASE64.get(size);
        }
    }

    /**
     * {@code length} base64 characters (rounded up to a multiple of 4) generated while writing: for the oversized
     * body fault, whose point is to be larger than anything worth holding in memory.
     */
    static ResponseBody.Part generatedBase64(long length) {
        long total = (length + 3) / 4 * 4;
        byte[] block = Base64.getEncoder().encode(video(48 * 1024)); // 65,536 chars, a multiple of 4
        return new ResponseBody.Part() {
            @Override
            public long length() {
                return total;
            }

            @Override
            public void writeTo(OutputStream out) throws IOException {
                long remaining = total;
                while (remaining > 0) {
                    int n = (int) Math.min(block.length, remaining);
                    out.write(block, 0, n);
                    remaining -= n;
                }
            }
        };
    }

    private static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    private static void putAscii(byte[] b, int off, String s) {
        byte[] a = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(a, 0, b, off, a.length);
    }
}
