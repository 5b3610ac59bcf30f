package io.github.faceid4j.client;

import io.github.faceid4j.testing.LogCapture;
import io.github.faceid4j.FaceIdTimeoutException;
import io.github.faceid4j.InvalidRequestException;
import io.github.faceid4j.RateLimitTimeoutException;
import io.github.faceid4j.ServiceNotActivatedException;
import io.github.faceid4j.AccountArrearsException;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.VerificationStartService;
import io.github.faceid4j.emulator.FaceIdEmulator;
import io.github.faceid4j.emulator.FaceIdEmulatorExtension;
import io.github.faceid4j.emulator.FlowOutcome;
import io.github.faceid4j.emulator.RecordedRequest;
import io.github.faceid4j.emulator.Scenario;
import io.github.faceid4j.model.MediaInput;
import io.github.faceid4j.model.VerificationResult;
import io.github.faceid4j.model.start.CheckMode;
import io.github.faceid4j.model.start.Edition;
import io.github.faceid4j.model.start.IdCardType;
import io.github.faceid4j.model.start.Language;
import io.github.faceid4j.model.start.LivenessAction;
import io.github.faceid4j.model.start.SecurityLevel;
import io.github.faceid4j.model.start.AutoDowngrade;
import io.github.faceid4j.model.start.StartedVerification;
import io.github.faceid4j.model.start.WebVerificationConfig;
import io.github.faceid4j.model.start.WebVerificationRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ApplyWebVerificationBizTokenIntl through the whole stack against the independent emulator on loopback. */
class StartServiceTest {

    static final String REDIRECT = "https://portal.example.com/verified";

    @RegisterExtension
    static final FaceIdEmulatorExtension EMULATOR = new FaceIdEmulatorExtension();

    static FaceIdServiceBuilder builder() {
        FaceIdEmulator emulator = EMULATOR.get();
        return FaceIdServiceBuilder.create().region("ap-bangkok").endpoint(emulator.endpoint())
                .credentials(Credentials.of(emulator.secretId(), emulator.secretKey()))
                .retryBaseDelay(Duration.ofMillis(10));
    }

    static WebVerificationRequest request() {
        return WebVerificationRequest.builder(REDIRECT).build();
    }

    @Test
    void startsAVerificationThatTheCustomerCompletesAndThePortalFetches() {
        WebVerificationRequest request = WebVerificationRequest.builder(REDIRECT).extra("order-4711")
                .config(WebVerificationConfig.builder().checkMode(CheckMode.OCR_LIVENESS_AND_COMPARE).build())
                .build();
        try (VerificationStartService starts = builder().language("en-US").buildStartService();
             VerificationResultService results = builder().build()) {
            StartedVerification started = starts.start(request);
            assertThat(started.verificationUrl()).isEqualTo(EMULATOR.get().verificationUrl(started.bizToken())
                    .toString());
            assertThat(started.requestId()).isNotBlank();
            assertThat(results.getResult(started.bizToken()).finished()).isFalse();

            EMULATOR.complete(started.bizToken(), FlowOutcome.PASSED);
            VerificationResult result = results.getResult(started.bizToken());
            assertThat(result.passed()).isTrue();
            assertThat(result.extra()).isEqualTo("order-4711");
            assertThat(result.ocrResult()).hasSize(1);
        }
        RecordedRequest apply = EMULATOR.get().requests().get(0);
        assertThat(apply.signatureValid()).isTrue();
        assertThat(apply.header("X-TC-Action")).isEqualTo("ApplyWebVerificationBizTokenIntl");
        assertThat(apply.header("X-TC-Version")).isEqualTo("2018-03-01");
        assertThat(apply.header("X-TC-Region")).isEqualTo("ap-bangkok");
        assertThat(apply.header("X-TC-Language")).isEqualTo("en-US");
    }

    @Test
    void everyConfigSettingReachesTheServiceUnderItsDocumentedName() {
        WebVerificationConfig config = WebVerificationConfig.builder().autoSkipStartPage(true).autoSkip(false)
                .checkMode(CheckMode.OCR_ONLY).idCardType(IdCardType.HK_ID_CARD).disableCheckOcrWarnings(true)
                .securityLevel(SecurityLevel.ACTION_AND_REFLECTION).skipPrivacyPolicy(true).idCardCutReturn(true)
                .themeColor("#2d72f1").language(Language.TRADITIONAL_CHINESE).autoDowngrade(AutoDowngrade.OFF)
                .actionList(LivenessAction.BLINK, LivenessAction.SHAKE).livenessRetryLimit(99).livenessTimeout(0)
                .selectedWarningCodes(List.of(-9101, -9109)).allowExpiredDocument(true).version(Edition.PLUS)
                .build();
        try (VerificationStartService starts = builder().buildStartService()) {
            // The emulator refuses unknown names, wrong types and values outside the documented ones.
            StartedVerification started = starts.start(WebVerificationRequest.builder(REDIRECT).ruleId("1")
                    .extra("x").config(config).compareImage(MediaInput.ofBytes(new byte[] {1, 2, 3})).build());
            EMULATOR.complete(started.bizToken(), FlowOutcome.PASSED);
        }
        assertThat(EMULATOR.get().requests()).hasSize(1).allSatisfy(r -> assertThat(r.errorCode()).isNull());
    }

    @Test
    void aCompareImageFromAFileArrivesExactlyAsItIsOnDisk(@TempDir Path dir) throws Exception {
        byte[] image = new byte[6 * 1024 * 1024]; // the largest the service takes: 8 MiB of base64
        new Random(14).nextBytes(image);
        Path file = Files.write(dir.resolve("photo.jpg"), image);
        try (VerificationStartService starts = builder().buildStartService()) {
            StartedVerification started = starts.start(WebVerificationRequest.builder(REDIRECT)
                    .compareImage(MediaInput.ofPath(file)).build());
            assertThat(EMULATOR.get().compareImageSha256(started.bizToken()))
                    .contains(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(image)));
        }
        RecordedRequest apply = EMULATOR.get().requests().get(0);
        assertThat(apply.signatureValid()).isTrue();
        assertThat(Long.parseLong(apply.header("Content-Length"))).as("streamed with its length, not chunked")
                .isGreaterThan(8L * 1024 * 1024);
        assertThat(apply.header("Transfer-Encoding")).isNull();
    }

    @Test
    void transientErrorsAreRetriedAndAccountProblemsAreNot() {
        try (VerificationStartService starts = builder().maxAttempts(3).buildStartService()) {
            EMULATOR.get().scriptApply(Scenario.internalError(), Scenario.passed());
            assertThat(starts.start(request()).bizToken()).isNotBlank();
            assertThat(EMULATOR.get().requests()).hasSize(2);

            EMULATOR.get().reset();
            EMULATOR.get().scriptApply(Scenario.apiError("UnauthorizedOperation.Nonactivated",
                    "The service is not activated."));
            assertThatThrownBy(() -> starts.start(request()))
                    .isInstanceOfSatisfying(ServiceNotActivatedException.class, e -> {
                        assertThat(e.attempts()).isEqualTo(1);
                        assertThat(e.isTransient()).isFalse();
                    });
            assertThat(EMULATOR.get().requests()).hasSize(1);

            EMULATOR.get().reset();
            EMULATOR.get().scriptApply(Scenario.apiError("UnauthorizedOperation.Arrears", "In arrears."));
            assertThat(starts.startAsync(request()).toCompletableFuture())
                    .failsWithin(10, TimeUnit.SECONDS).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .withCauseInstanceOf(AccountArrearsException.class);
            assertThat(EMULATOR.get().requests()).hasSize(1);
        }
    }

    @Test
    void applyHasItsOwnRateBudget() {
        FaceIdServiceBuilder builder = builder().rateLimit(1, Duration.ofSeconds(30))
                .rateLimitMaxWait(Duration.ofMillis(50));
        try (VerificationResultService results = builder.build();
             VerificationStartService starts = builder.buildStartService()) {
            assertThat(results.getResult("passed-1").passed()).isTrue();
            assertThat(starts.start(request()).bizToken()).as("not paced by the result call").isNotBlank();
            assertThatThrownBy(() -> starts.start(request())).isInstanceOf(RateLimitTimeoutException.class);
        }
        assertThat(EMULATOR.get().requests()).hasSize(2);
    }

    @Test
    void theCallDeadlineHoldsForApplyToo() {
        EMULATOR.get().scriptApply(Scenario.slow(Duration.ofSeconds(5), Scenario.passed()));
        try (VerificationStartService starts = builder().callTimeout(Duration.ofMillis(500)).buildStartService()) {
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> starts.start(request())).isInstanceOf(FaceIdTimeoutException.class);
            assertThat(System.nanoTime() - t0).as("sanity bound").isLessThan(TimeUnit.SECONDS.toNanos(4));
        }
    }

    @Test
    void asyncStartsToo() throws Exception {
        try (VerificationStartService starts = builder().buildStartService()) {
            StartedVerification started = starts.startAsync(request()).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(started.bizToken()).isNotBlank();
            assertThat(starts.startAsync(null).toCompletableFuture()).isCompletedExceptionally();
        }
    }

    @Test
    void nothingIsSentForARequestThatCannotBeRead(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("photo.jpg"), new byte[] {1, 2, 3});
        WebVerificationRequest request = WebVerificationRequest.builder(REDIRECT).compareImage(MediaInput.ofPath(file))
                .build();
        Files.delete(file);
        try (VerificationStartService starts = builder().buildStartService()) {
            assertThatThrownBy(() -> starts.start(request)).isInstanceOfSatisfying(InvalidRequestException.class,
                    e -> {
                        assertThat(e.field()).isEqualTo("CompareImageBase64");
                        assertThat(e.attempts()).isZero();
                    });
            assertThatThrownBy(() -> starts.start(null)).isInstanceOf(InvalidRequestException.class);
        }
        assertThat(EMULATOR.get().requests()).isEmpty();
    }

    @Test
    void logsNeitherExtraNorImageNorTheRedirect() {
        WebVerificationRequest request = WebVerificationRequest.builder("https://portal.example.com/s/private-path")
                .extra("customer-secret-extra").compareImage(MediaInput.ofBytes("face-bytes".getBytes())).build();
        String logs;
        try (LogCapture log = new LogCapture();
             VerificationStartService starts = builder().logRequests(true).buildStartService()) {
            StartedVerification started = starts.start(request);
            logs = log.text();
            assertThat(logs).contains("ApplyWebVerificationBizTokenIntl")
                    .doesNotContain(started.bizToken());
        }
        assertThat(logs).doesNotContain("customer-secret-extra", "private-path",
                java.util.Base64.getEncoder().encodeToString("face-bytes".getBytes()), "Signature=");
    }

    @Test
    void configurationProblemsFailAtBuild() {
        assertThatThrownBy(() -> builder().region("ap-tokyo").buildStartService())
                .isInstanceOfSatisfying(io.github.faceid4j.FaceIdConfigurationException.class,
                        e -> assertThat(e.key()).isEqualTo("region"));
    }

    @Test
    void closedMeansClosed() {
        VerificationStartService starts = builder().buildStartService();
        starts.close();
        assertThatThrownBy(() -> starts.start(request())).isInstanceOf(IllegalStateException.class);
        assertThat(starts.startAsync(request()).toCompletableFuture()).isCompletedExceptionally();
        assertThat(catchCompletion(starts)).isInstanceOf(IllegalStateException.class);
    }

    private static Throwable catchCompletion(VerificationStartService starts) {
        try {
            starts.startAsync(request()).toCompletableFuture().join();
            return null;
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    /**
     * The image is hashed and sent from the file, never held as base64 text: the calling thread, which makes the
     * first attempt of a synchronous call, allocates a small fraction of the 8 MiB of text (a buffered body, a String
     * or a JSON document of it would each allocate at least that much).
     */
    @Test
    void anEightMegabyteBodyIsStreamedNotHeld(@TempDir Path dir) throws Exception {
        byte[] image = new byte[6 * 1024 * 1024];
        new Random(8).nextBytes(image);
        Path file = Files.write(dir.resolve("photo.jpg"), image);
        WebVerificationRequest request = WebVerificationRequest.builder(REDIRECT).compareImage(MediaInput.ofPath(file))
                .build();
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        try (VerificationStartService starts = builder().buildStartService()) {
            starts.start(request); // warm-up: Jersey's and JSON-B's first-use costs are not the body's
            long before = threads.getCurrentThreadAllocatedBytes();
            StartedVerification started = starts.start(request);
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertThat(EMULATOR.get().compareImageSha256(started.bizToken())).isPresent();
            assertThat(allocated).as("bytes allocated by the caller's thread for one Apply of 8 MiB of base64")
                    .isLessThan(2L * 1024 * 1024);
        }
    }
}
