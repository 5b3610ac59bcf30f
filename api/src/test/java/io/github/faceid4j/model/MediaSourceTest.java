package io.github.faceid4j.model;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Media over a {@link Media.Source} (text kept off the heap) behave exactly as media over an array. */
class MediaSourceTest {

    /** Text in an array, read only through the source interface; counts the largest single read. */
    static final class ArraySource implements Media.Source {
        final byte[] text;
        final AtomicLong largestRead = new AtomicLong();
        volatile boolean broken;

        ArraySource(byte[] text) {
            this.text = text;
        }

        @Override
        public long length() {
            return text.length;
        }

        @Override
        public void read(long position, byte[] into, int offset, int length) throws IOException {
            if (broken) {
                throw new IOException("gone");
            }
            largestRead.accumulateAndGet(length, Math::max);
            System.arraycopy(text, (int) position, into, offset, length);
        }
    }

    @Test
    void everyWayOfReadingGivesWhatArrayMediaGive() throws IOException {
        Random random = new Random(11);
        for (int size : new int[] {0, 1, 2, 3, 4, 49_151, 49_152, 49_153, 200_000, 1_000_001}) {
            byte[] decoded = new byte[size];
            random.nextBytes(decoded);
            byte[] text = Base64.getEncoder().encode(decoded);
            ArraySource source = new ArraySource(text);
            Media media = Media.ofBase64(source);
            Media array = Media.ofBase64(text, 0, text.length);

            assertThat(media.size()).as("size %d", size).isEqualTo(array.size()).isEqualTo(size);
            assertThat(media.base64Length()).isEqualTo(text.length);
            assertThat(media.toByteArray()).isEqualTo(decoded);
            assertThat(media.openStream().readAllBytes()).isEqualTo(decoded);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(media.writeTo(out)).isEqualTo(size);
            assertThat(out.toByteArray()).isEqualTo(decoded);
            assertThat(media.toBase64()).isEqualTo(new String(text, StandardCharsets.US_ASCII));
            assertThat(media.toString()).isEqualTo("Media[" + size + " bytes]");
        }
    }

    @Test
    void streamingReadsTheSourceAChunkAtATime() throws IOException {
        byte[] decoded = new byte[3_000_000];
        new Random(12).nextBytes(decoded);
        ArraySource source = new ArraySource(Base64.getEncoder().encode(decoded));
        Media media = Media.ofBase64(source);

        media.writeTo(java.io.OutputStream.nullOutputStream());
        assertThat(source.largestRead.get()).isLessThanOrEqualTo(64 * 1024);
        media.toByteArray();
        assertThat(source.largestRead.get()).as("even into one array, the text is read in chunks")
                .isLessThanOrEqualTo(64 * 1024);
    }

    @Test
    void invalidTextIsRefusedAsFromAnArray() throws IOException {
        byte[] text = "AAAA=AAA".getBytes(StandardCharsets.US_ASCII); // padding before the end
        Media media = Media.ofBase64(new ArraySource(text));
        assertThatThrownBy(media::toByteArray).isInstanceOf(Media.MediaDecodingException.class);
        byte[] bad = "AA*A".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> Media.ofBase64(new ArraySource(bad)).toByteArray())
                .isInstanceOf(Media.MediaDecodingException.class);
        assertThatThrownBy(() -> Media.ofBase64(bad, 0, bad.length).toByteArray())
                .isInstanceOf(Media.MediaDecodingException.class);
    }

    @Test
    void aSourceThatCanNoLongerBeReadFailsWithAnIoError() throws IOException {
        ArraySource source = new ArraySource(Base64.getEncoder().encode(new byte[100]));
        Media media = Media.ofBase64(source);
        source.broken = true;
        assertThatThrownBy(media::toByteArray).isInstanceOf(UncheckedIOException.class)
                .isNotInstanceOf(Media.MediaDecodingException.class);
        assertThatThrownBy(media::toBase64).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> media.writeTo(java.io.OutputStream.nullOutputStream())).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> media.openStream().read()).isInstanceOf(IOException.class);
        assertThat(media.size()).as("known without reading").isEqualTo(100);
    }
}
