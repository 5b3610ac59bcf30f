package io.github.faceid4j.testing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scan itself: it finds a piece anywhere in a secret, and only such a piece. */
class LeaksTest {

    static final String SECRET = "Vq3JmZ8rT1xK6wP0aL5dN9bF";

    @Test
    void findsAnyPieceOfEightCharactersAndNamesTheSecretWithoutPrintingIt() {
        Leaks leaks = Leaks.of("SecretKey", SECRET);
        assertThatThrownBy(() -> leaks.assertNotIn("log", "key=" + SECRET.substring(0, 20) + "..."))
                .hasMessageContaining("SecretKey").hasMessageNotContaining(SECRET.substring(0, 8));
        assertThatThrownBy(() -> leaks.assertNotIn("log", "x" + SECRET.substring(16) + "y"))
                .hasMessageContaining("characters 16..24");
        assertThatCode(() -> leaks.assertNotIn("log", "key=" + SECRET.substring(3, 10) + " " + SECRET.substring(11, 18)))
                .doesNotThrowAnyException();
    }

    @Test
    void everySecretIsScanned() {
        Leaks leaks = Leaks.of("SecretKey", SECRET).and("session token", "Hs72KdPq0ZmW4cXe");
        assertThatThrownBy(() -> leaks.assertNotIn("log", "token Hs72KdPq"))
                .hasMessageContaining("session token");
    }

    @Test
    void secretsTooShortToScanAreRefused() {
        assertThatThrownBy(() -> Leaks.of("pin", "1234567")).isInstanceOf(IllegalArgumentException.class);
    }
}
