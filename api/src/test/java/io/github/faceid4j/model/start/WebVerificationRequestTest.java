package io.github.faceid4j.model.start;

import io.github.faceid4j.InvalidRequestException;
import io.github.faceid4j.model.MediaInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checks point 2 of issue 14 asks for, each failing with the field's API name and nothing else to send. */
class WebVerificationRequestTest {

    private static final String OK_URL = "https://portal.example.com/verified";

    @ParameterizedTest
    @ValueSource(strings = {"https://portal.example.com/verified", "https://portal.example.com",
        "HTTPS://portal.example.com:8443/a/b", "http://127.0.0.1:8080/back", "http://localhost/back",
        "http://[::1]:9000/back", "http://127.0.0.2/back"})
    void acceptsHttpsAndLoopbackHttp(String url) {
        assertThat(WebVerificationRequest.builder(url).build().redirectUrl()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "/verified", "portal.example.com/verified", "http://portal.example.com/back",
        "http://10.0.0.1/back", "http://localhost.evil.example/back", "ftp://portal.example.com/x",
        "javascript:alert(1)", "https://portal.example.com/back?session=1", "https://portal.example.com/back#x",
        "https://user:pw@portal.example.com/back", "https://portal example.com/"})
    void refusesAnythingElseAsRedirectUrl(String url) {
        assertThatThrownBy(() -> WebVerificationRequest.builder(url))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("RedirectURL");
                    assertThat(e.attempts()).isZero();
                    assertThat(e.getMessage()).startsWith("RedirectURL: ");
                });
    }

    @Test
    void redirectUrlIsRequired() {
        assertThatThrownBy(() -> WebVerificationRequest.builder(null))
                .isInstanceOfSatisfying(InvalidRequestException.class, e ->
                        assertThat(e.field()).isEqualTo("RedirectURL"));
    }

    @Test
    void extraUpToOneThousandCharacters() {
        String max = "x".repeat(1_000);
        assertThat(WebVerificationRequest.builder(OK_URL).extra(max).build().extra()).contains(max);
        // characters, not UTF-16 units: 1,000 emoji are 2,000 chars in Java and still allowed
        String emoji = "\uD83D\uDE00".repeat(1_000);
        assertThatCode(() -> WebVerificationRequest.builder(OK_URL).extra(emoji)).doesNotThrowAnyException();
        assertThatThrownBy(() -> WebVerificationRequest.builder(OK_URL).extra(max + "y"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("Extra");
                    assertThat(e.getMessage()).contains("1000", "1001").doesNotContain("xxxx");
                });
    }

    @Test
    void compareImageAtMostEightMegabytesOfBase64() {
        long largestImage = WebVerificationRequest.MAX_COMPARE_IMAGE_BASE64 / 4 * 3; // 6 MiB encode to 8 MiB
        InputStream never = InputStream.nullInputStream();
        MediaInput fits = MediaInput.ofStream(() -> never, largestImage);
        assertThat(fits.base64Length()).isEqualTo(8L * 1024 * 1024);
        assertThatCode(() -> WebVerificationRequest.builder(OK_URL).compareImage(fits)).doesNotThrowAnyException();

        MediaInput tooLarge = MediaInput.ofStream(() -> never, largestImage + 1);
        assertThatThrownBy(() -> WebVerificationRequest.builder(OK_URL).compareImage(tooLarge))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("CompareImageBase64");
                    assertThat(e.getMessage()).contains("8388612");
                });
    }

    @Test
    void compareImageFromAFileIsMeasuredOnTheFileSystem(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.jpg");
        try (var f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(7L * 1024 * 1024); // sparse: no 7 MiB written
        }
        assertThatThrownBy(() -> WebVerificationRequest.builder(OK_URL).compareImage(MediaInput.ofPath(big)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e ->
                        assertThat(e.field()).isEqualTo("CompareImageBase64"));
        assertThatThrownBy(() -> WebVerificationRequest.builder(OK_URL)
                .compareImage(MediaInput.ofPath(dir.resolve("missing.jpg"))))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("CompareImageBase64");
                    assertThat(e.getMessage()).contains("cannot be read");
                });
        assertThatThrownBy(() -> WebVerificationRequest.builder(OK_URL).compareImage(MediaInput.ofBytes(new byte[0])))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"data:image/jpeg;base64,/9j/4AAQ", "/9j/4AAQ=", "/9j/\n4AAQ", "/9j-4AAQ", "=AAA",
        "/9j/4A==AAA", "abc"})
    void compareImageTextMustBeBase64(String text) {
        assertThatThrownBy(() -> WebVerificationRequest.builder(OK_URL).compareImage(MediaInput.ofBase64(text)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo("CompareImageBase64");
                    assertThat(e.getMessage()).doesNotContain(text);
                });
    }

    @Test
    void validBase64TextIsAccepted() {
        String text = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5});
        MediaInput image = MediaInput.ofBase64(text);
        assertThat(WebVerificationRequest.builder(OK_URL).compareImage(image).build().compareImage()).contains(image);
        assertThat(image.size()).isEqualTo(5);
    }

    @Test
    void oneOrTwoDifferentKnownActions() {
        assertThat(WebVerificationConfig.builder().actionList(LivenessAction.BLINK).build().actionList())
                .containsExactly(LivenessAction.BLINK);
        assertThat(WebVerificationConfig.builder().actionList(LivenessAction.NOD, LivenessAction.of("shake")).build()
                .actionList()).containsExactly(LivenessAction.NOD, LivenessAction.SHAKE);
        for (List<LivenessAction> wrong : List.of(List.<LivenessAction>of(),
                List.of(LivenessAction.BLINK, LivenessAction.NOD, LivenessAction.SHAKE),
                List.of(LivenessAction.BLINK, LivenessAction.BLINK), List.of(LivenessAction.of("wink")))) {
            assertThatThrownBy(() -> WebVerificationConfig.builder().actionList(wrong))
                    .as(wrong.toString())
                    .isInstanceOfSatisfying(InvalidRequestException.class, e ->
                            assertThat(e.field()).isEqualTo("Config.ActionList"));
        }
    }

    @Test
    void livenessRetryLimitOneToNinetyNine() {
        assertThat(WebVerificationConfig.builder().livenessRetryLimit(1).livenessRetryLimit(99).build()
                .livenessRetryLimit()).isEqualTo(99);
        for (int wrong : new int[] {0, 100, -1}) {
            assertThatThrownBy(() -> WebVerificationConfig.builder().livenessRetryLimit(wrong))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e ->
                            assertThat(e.field()).isEqualTo("Config.LivenessRetryLimit"));
        }
    }

    @Test
    void livenessTimeoutZeroToSixHundred() {
        assertThat(WebVerificationConfig.builder().livenessTimeout(0).livenessTimeout(600).build().livenessTimeout())
                .isEqualTo(600);
        for (int wrong : new int[] {-1, 601}) {
            assertThatThrownBy(() -> WebVerificationConfig.builder().livenessTimeout(wrong))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e ->
                            assertThat(e.field()).isEqualTo("Config.LivenessTimeout"));
        }
    }

    @Test
    void themeColorAndWarningCodes() {
        assertThatThrownBy(() -> WebVerificationConfig.builder().themeColor("blue"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e ->
                        assertThat(e.field()).isEqualTo("Config.ThemeColor"));
        assertThatThrownBy(() -> WebVerificationConfig.builder().selectedWarningCodes(List.of(9101)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e ->
                        assertThat(e.field()).isEqualTo("Config.SelectedWarningCodes"));
        assertThat(WebVerificationConfig.builder().themeColor("#2d72f1").selectedWarningCodes(List.of(-9101, -9102))
                .build().selectedWarningCodes()).containsExactly(-9101, -9102);
    }

    @Test
    void toStringShowsNeitherImageNorExtraNorThePath() {
        byte[] image = "synthetic-image-bytes".getBytes();
        WebVerificationRequest request = WebVerificationRequest.builder("https://portal.example.com/s/customer-4711")
                .compareImage(MediaInput.ofBytes(image)).extra("customer-4711@example.com").ruleId("rule-1")
                .config(WebVerificationConfig.builder().checkMode(CheckMode.OCR_ONLY).language(Language.THAI).build())
                .build();
        String text = request.toString();
        assertThat(text).doesNotContain("4711", Base64.getEncoder().encodeToString(image), "synthetic")
                .contains("portal.example.com", "MediaInput[21 bytes]", "Extra=***", "CheckMode=4", "Language=th",
                        "RuleId=rule-1");
    }

    @Test
    void startedVerificationMasksTheTokenEverywhere() {
        StartedVerification started = new StartedVerification("A1B2C3D4-SECRET-PART",
                "https://kyc.example.com/v/A1B2C3D4-SECRET-PART?lang=en", "req-1");
        assertThat(started.toString()).doesNotContain("SECRET").contains("A1B2...", "kyc.example.com", "req-1");
        assertThat(started.verificationUri().getHost()).isEqualTo("kyc.example.com");
        assertThat(new StartedVerification("abcd", null, null).toString()).contains("bizToken=***")
                .doesNotContain("abcd");
    }

    @Test
    void mediaInputEncodesAFileAsItIsRead(@TempDir Path dir) throws IOException {
        byte[] bytes = new byte[200_001];
        new java.util.Random(7).nextBytes(bytes);
        Path file = Files.write(dir.resolve("img.jpg"), bytes);
        MediaInput input = MediaInput.ofPath(file);
        assertThat(input.size()).isEqualTo(bytes.length);
        String expected = Base64.getEncoder().encodeToString(bytes);
        assertThat(input.base64Length()).isEqualTo(expected.length());
        try (InputStream in = input.openBase64()) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo(expected);
        }
        try (InputStream in = input.openStream()) { // reopened: as a retry would
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        assertThat(input.toString()).isEqualTo("MediaInput[200001 bytes, file]");
        assertThat(MediaInput.ofBase64(expected).openStream().readAllBytes()).isEqualTo(bytes);
    }

    @Test
    void aSourceGivingOtherThanItsSizeFailsInsteadOfSendingSomethingElse() {
        byte[] bytes = new byte[100];
        MediaInput tooFew = MediaInput.ofStream(() -> new ByteArrayInputStream(bytes), 101);
        assertThatThrownBy(() -> tooFew.openBase64().readAllBytes()).isInstanceOf(IOException.class)
                .hasMessageContaining("100 of 101");
        MediaInput tooMany = MediaInput.ofStream(() -> new ByteArrayInputStream(bytes), 99);
        assertThatThrownBy(() -> tooMany.openBase64().readAllBytes()).isInstanceOf(IOException.class)
                .hasMessageContaining("more than the 99");
    }
}
