package io.github.faceid4j.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class SyntheticMediaTest {

    @Test
    void imagesAreDecodableJpegs() throws Exception {
        var images = SyntheticMedia.images();
        for (String b64 : new String[] {images.bestFrame(), images.cardFront(), images.cardFrontCut(),
                images.cardBack(), images.cardBackCut(), images.head()}) {
            byte[] jpeg = Base64.getDecoder().decode(b64);
            assertThat(jpeg).startsWith((byte) 0xFF, (byte) 0xD8, (byte) 0xFF);
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(jpeg));
            assertThat(img).isNotNull();
            assertThat(img.getWidth()).isGreaterThan(10);
        }
    }

    @Test
    void videoHasExactSizeAnMp4HeaderAndIsDeterministic() {
        byte[] v = SyntheticMedia.video(100_000);
        assertThat(v).hasSize(100_000);
        assertThat(new String(v, 4, 8, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ftypisom");
        assertThat(new String(v, 28, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("mdat");
        assertThat(SyntheticMedia.video(100_000)).isEqualTo(v);
        assertThat(SyntheticMedia.video(0)).isEmpty();
        assertThat(SyntheticMedia.video(5)).containsExactly(0, 0, 0, 24, 'f');
    }

    @Test
    void videoBase64IsCachedPerSize() {
        byte[] a = SyntheticMedia.videoBase64(1234);
        assertThat(SyntheticMedia.videoBase64(1234)).isSameAs(a);
        assertThat(Base64.getDecoder().decode(a)).isEqualTo(SyntheticMedia.video(1234));
    }

    @Test
    void generatedBase64IsValidAndRoundedToFour() throws Exception {
        var part = SyntheticMedia.generatedBase64(200_001);
        assertThat(part.length()).isEqualTo(200_004);
        var out = new java.io.ByteArrayOutputStream();
        part.writeTo(out);
        assertThat(out.size()).isEqualTo(200_004);
        Base64.getDecoder().decode(out.toByteArray()); // throws if invalid
    }
}
