package io.github.faceid4j.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EmulatorMainTest {

    @Test
    void parsesOptions() {
        try (FaceIdEmulator e = EmulatorMain.parse("--port", "0", "--secret-id", "AKIDX", "--secret-key", "k",
                "--session-token", "t", "--rate-limit", "5").build()) {
            assertThat(e.secretId()).isEqualTo("AKIDX");
            assertThat(e.secretKey()).isEqualTo("k");
            assertThat(e.sessionToken()).contains("t");
            assertThat(e.rateLimitPerSecond()).isEqualTo(5);
        }
        assertThat(EmulatorMain.parse("--help")).isNull();
        assertThatThrownBy(() -> EmulatorMain.parse("--port")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmulatorMain.parse("--port", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EmulatorMain.parse("--bogus")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bannerShowsEndpointAndIdButNeverACustomKey() {
        try (FaceIdEmulator custom = EmulatorMain.parse("--secret-id", "AKIDX", "--secret-key", "very-secret")
                .build().start()) {
            String banner = banner(custom);
            assertThat(banner).contains(custom.endpoint().toString(), "AKIDX").doesNotContain("very-secret");
        }
        try (FaceIdEmulator defaults = EmulatorMain.parse().build().start()) {
            assertThat(banner(defaults)).contains(FaceIdEmulator.DEFAULT_SECRET_ID, "synthetic");
        }
    }

    private static String banner(FaceIdEmulator e) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EmulatorMain.printBanner(e, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
