package io.github.faceid4j.cli;

import io.github.faceid4j.emulator.FaceIdEmulator;
import io.github.faceid4j.emulator.FaceIdEmulatorExtension;
import io.github.faceid4j.emulator.FlowOutcome;
import io.github.faceid4j.emulator.RecordedRequest;
import io.github.faceid4j.emulator.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code faceid apply} against the emulator: the answer, --json, and exit codes as for {@code result}. */
class ApplyCommandTest {

    @RegisterExtension
    static final FaceIdEmulatorExtension EMULATOR = new FaceIdEmulatorExtension();

    static Map<String, String> env() {
        return Map.of("TENCENTCLOUD_SECRET_ID", FaceIdEmulator.DEFAULT_SECRET_ID,
                "TENCENTCLOUD_SECRET_KEY", FaceIdEmulator.DEFAULT_SECRET_KEY);
    }

    Cli.Run apply(String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "apply";
        all[1] = "--region";
        all[2] = "ap-jakarta";
        all[3] = "--endpoint";
        all[4] = EMULATOR.get().endpoint().toString();
        System.arraycopy(args, 0, all, 5, args.length);
        return Cli.run(env(), all);
    }

    @Test
    void printsTheBizTokenAndTheVerificationUrlAndTheResultFollows() {
        Cli.Run run = apply("--redirect-url", "https://portal.example.com/back", "--check-mode", "1",
                "--id-card-type", "MLIDCard", "--extra", "cli-order-7", "--rule-id", "1");
        assertThat(run.exitCode()).as(run.all()).isZero();
        Matcher m = Pattern.compile("BizToken\\s+(\\S+)").matcher(run.out());
        assertThat(m.find()).as(run.out()).isTrue();
        String token = m.group(1);
        assertThat(run.out()).contains("VerificationURL  " + EMULATOR.get().verificationUrl(token));

        EMULATOR.complete(token, FlowOutcome.PASSED);
        Cli.Run result = Cli.run(env(), "result", token, "--region", "ap-jakarta", "--endpoint",
                EMULATOR.get().endpoint().toString(), "--json", "--reveal-pii");
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("\"Extra\": \"cli-order-7\"").contains("\"OCRResult\"");
        RecordedRequest sent = EMULATOR.get().requests().get(0);
        assertThat(sent.header("X-TC-Action")).isEqualTo("ApplyWebVerificationBizTokenIntl");
        assertThat(sent.header("X-TC-Region")).isEqualTo("ap-jakarta");
    }

    @Test
    void jsonUsesTheApiNames(@TempDir Path dir) throws Exception {
        byte[] image = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3, 4, 5};
        Path file = Files.write(dir.resolve("me.jpg"), image);
        Cli.Run run = apply("--redirect-url", "http://127.0.0.1:8080/back", "--compare-image", file.toString(),
                "--json");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out().strip()).matches("\\{\"BizToken\":\"[0-9A-F-]{36}\",\"VerificationURL\":\"http://127"
                + "\\.0\\.0\\.1:\\d+/verify/[0-9A-F-]{36}\",\"RequestId\":\"[0-9a-f-]{36}\"}");
        String token = run.out().substring(run.out().indexOf(":\"") + 2, run.out().indexOf("\","));
        assertThat(EMULATOR.get().compareImageSha256(token))
                .contains(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image)));
    }

    @Test
    void validationErrorsAreExit2AndNothingIsSent(@TempDir Path dir) {
        String[][] wrong = {
            {"--redirect-url", "http://portal.example.com/back"},
            {"--redirect-url", "https://portal.example.com/back?x=1"},
            {"--redirect-url", "https://portal.example.com/back", "--check-mode", "5"},
            {"--redirect-url", "https://portal.example.com/back", "--extra", "x".repeat(1001)},
            {"--redirect-url", "https://portal.example.com/back", "--compare-image", dir.resolve("none.jpg").toString()},
            {"--check-mode", "2"},
        };
        for (String[] args : wrong) {
            Cli.Run run = apply(args);
            assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run.all()).isEqualTo(2);
            assertThat(run.err()).startsWith("error: ");
        }
        Cli.Run image = apply("--redirect-url", "https://portal.example.com/back", "--compare-image",
                dir.resolve("none.jpg").toString());
        assertThat(image.err()).contains("--compare-image (CompareImageBase64)", "nothing was sent");
        assertThat(apply("--redirect-url", "http://portal.example.com/back").err()).contains("--redirect-url");
        assertThat(EMULATOR.get().requests()).isEmpty();
    }

    @Test
    void serviceErrorsAreExit3() {
        EMULATOR.get().scriptApply(Scenario.apiError("UnauthorizedOperation.Nonactivated",
                "The service has not been activated."));
        Cli.Run run = apply("--redirect-url", "https://portal.example.com/back");
        assertThat(run.exitCode()).as(run.all()).isEqualTo(3);
        assertThat(run.err()).contains("UnauthorizedOperation.Nonactivated", "hint: the account cannot use FaceID");
        assertThat(EMULATOR.get().requests()).hasSize(1);
    }

    @Test
    void noAnswerIsExit4() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
        Cli.Run run = Cli.run(env(), "apply", "--region", "ap-jakarta", "--endpoint", "http://127.0.0.1:" + port,
                "--redirect-url", "https://portal.example.com/back", "--timeout", "2s");
        assertThat(run.exitCode()).as(run.all()).isEqualTo(4);
    }
}
