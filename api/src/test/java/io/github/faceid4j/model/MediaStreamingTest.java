package io.github.faceid4j.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Streaming decodes by chunks of {@link Media#CHUNK_CHARS}: the same bytes, and the same refusals, as decoding at once. */
class MediaStreamingTest {

    private static final int CHUNK = Media.CHUNK_CHARS;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, CHUNK / 4 * 3 - 1, CHUNK / 4 * 3, CHUNK / 4 * 3 + 1, CHUNK / 4 * 3 * 2,
            CHUNK / 4 * 3 * 2 + 2, 1_000_001})
    void streamsGiveWhatTheArrayGives(int n) throws IOException {
        byte[] bytes = random(n);
        for (Base64.Encoder encoder : new Base64.Encoder[] {Base64.getEncoder(), Base64.getEncoder().withoutPadding()}) {
            byte[] text = encoder.encode(bytes);
            byte[] body = new byte[text.length + 10];
            System.arraycopy(text, 0, body, 5, text.length);
            Media media = Media.ofBase64(body, 5, text.length);

            assertThat(media.toByteArray()).isEqualTo(bytes);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            assertThat(media.writeTo(out)).isEqualTo(n);
            assertThat(out.toByteArray()).isEqualTo(bytes);
            try (InputStream in = media.openStream()) {
                assertThat(in.readAllBytes()).isEqualTo(bytes);
                assertThat(in.read()).isEqualTo(-1);
            }
            try (InputStream in = media.openStream()) {
                ByteArrayOutputStream single = new ByteArrayOutputStream();
                for (int b; (b = in.read()) >= 0; ) {
                    single.write(b);
                }
                assertThat(single.toByteArray()).isEqualTo(bytes);
            }
        }
    }

    @Test
    void paddingAtAChunkBoundaryIsRefusedAsWhenDecodedAtOnce() {
        // two padded texts glued together, the first ending exactly where a chunk ends
        String first = Base64.getEncoder().encodeToString(random(CHUNK / 4 * 3 - 1)); // ends in "="
        assertThat(first).hasSize(CHUNK).endsWith("=");
        Media media = Media.ofBase64(first + Base64.getEncoder().encodeToString(random(10)));

        assertThatThrownBy(media::toByteArray).isInstanceOf(Media.MediaDecodingException.class);
        assertThatThrownBy(() -> media.writeTo(new ByteArrayOutputStream()))
                .isInstanceOf(Media.MediaDecodingException.class);
        assertThatThrownBy(() -> media.openStream().readAllBytes()).isInstanceOf(Media.MediaDecodingException.class);
    }

    @Test
    void aBadCharacterInALaterChunkFailsOnlyWhenReached() throws IOException {
        byte[] text = Base64.getEncoder().encode(random(CHUNK * 2));
        text[CHUNK + 17] = '*';
        Media media = Media.ofBase64(text, 0, text.length);
        assertThat(media.size()).isEqualTo(CHUNK * 2);
        try (InputStream in = media.openStream()) {
            assertThat(in.readNBytes(CHUNK / 4 * 3)).hasSize(CHUNK / 4 * 3); // the first chunk is fine
            assertThatThrownBy(in::read).isInstanceOf(Media.MediaDecodingException.class);
        }
        assertThatThrownBy(media::toByteArray).isInstanceOf(Media.MediaDecodingException.class);
    }

    @Test
    void nonAsciiTextIsRefusedToo() {
        Media media = Media.ofBase64(new String("AAAA\u00e9AAA".getBytes(StandardCharsets.ISO_8859_1),
                StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> media.writeTo(new ByteArrayOutputStream()))
                .isInstanceOf(Media.MediaDecodingException.class);
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }
}
