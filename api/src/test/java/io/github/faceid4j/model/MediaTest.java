package io.github.faceid4j.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MediaTest {

    @Test
    void sizeIsKnownWithoutDecodingForEveryPaddingLength() {
        for (int n = 0; n < 40; n++) {
            byte[] bytes = new byte[n];
            new Random(n).nextBytes(bytes);
            assertThat(Media.ofBase64(Base64.getEncoder().encodeToString(bytes)).size()).as("length %d", n).isEqualTo(n);
            assertThat(Media.ofBase64(Base64.getEncoder().withoutPadding().encodeToString(bytes)).size())
                    .as("unpadded length %d", n).isEqualTo(n);
        }
    }

    @Test
    void decodesToArrayStreamAndFile(@TempDir Path dir) throws Exception {
        byte[] bytes = new byte[100_003];
        new Random(7).nextBytes(bytes);
        Media media = Media.ofBase64(Base64.getEncoder().encodeToString(bytes));

        assertThat(media.toByteArray()).isEqualTo(bytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(media.writeTo(out)).isEqualTo(bytes.length);
        assertThat(out.toByteArray()).isEqualTo(bytes);
        Path file = dir.resolve("video.mp4");
        assertThat(media.writeTo(file)).isEqualTo(bytes.length);
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes);
        assertThat(dir.toFile().list()).containsExactly("video.mp4");
    }

    @Test
    void sliceOfALargerBufferIsReadInPlace() {
        byte[] body = "{\"VideoBase64\":\"aGVsbG8=\"}".getBytes(StandardCharsets.US_ASCII);
        Media media = Media.ofBase64(body, 16, 8);
        assertThat(media.size()).isEqualTo(5);
        assertThat(new String(media.toByteArray(), StandardCharsets.US_ASCII)).isEqualTo("hello");
        assertThat(media.toBase64()).isEqualTo("aGVsbG8=");
    }

    @Test
    void toStringShowsOnlyTheSize() {
        Media media = Media.ofBytes("secret face".getBytes(StandardCharsets.US_ASCII));
        assertThat(media.toString()).isEqualTo("Media[11 bytes]");
        assertThat(media.toString()).doesNotContain(media.toBase64());
    }

    @Test
    void invalidBase64FailsOnlyWhenDecodedWithATypedError(@TempDir Path dir) {
        Media media = Media.ofBase64("not*base64!");
        assertThatThrownBy(media::toByteArray).isInstanceOf(Media.MediaDecodingException.class);
        assertThatThrownBy(() -> media.writeTo(dir.resolve("x"))).isInstanceOf(Media.MediaDecodingException.class);
        assertThat(dir.toFile().list()).isEmpty();
    }
}
