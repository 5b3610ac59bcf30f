package io.github.faceid4j.client;

import io.github.faceid4j.AuthenticationException;
import io.github.faceid4j.BizTokenExpiredException;
import io.github.faceid4j.BizTokenIllegalException;
import io.github.faceid4j.FaceIdConfigurationException;
import io.github.faceid4j.InvalidBizTokenException;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.emulator.FaceIdEmulator;
import io.github.faceid4j.emulator.FaceIdEmulatorExtension;
import io.github.faceid4j.emulator.RecordedRequest;
import io.github.faceid4j.emulator.Scenario;
import io.github.faceid4j.emulator.SyntheticPerson;
import io.github.faceid4j.model.OcrResult;
import io.github.faceid4j.model.VerificationOutcome;
import io.github.faceid4j.model.VerificationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The whole stack (signing, HTTP, JSON, model) against the independent emulator on loopback. */
class ServiceAgainstEmulatorTest {

    @RegisterExtension
    static final FaceIdEmulatorExtension EMULATOR = new FaceIdEmulatorExtension();

    static FaceIdServiceBuilder builder() {
        FaceIdEmulator emulator = EMULATOR.get();
        return FaceIdServiceBuilder.create()
                .region("ap-singapore")
                .endpoint(emulator.endpoint())
                .credentials(Credentials.of(emulator.secretId(), emulator.secretKey()));
    }

    @Test
    void fetchesAPassedResultWithEveryLevelOfTheModel() throws Exception {
        try (VerificationResultService service = builder().language("en-US").build()) {
            VerificationResult result = service.getResult("passed-1");

            assertThat(result.passed()).isTrue();
            assertThat(result.outcome()).contains(VerificationOutcome.SUCCESS);
            assertThat(result.requestId()).isNotBlank();
            assertThat(result.attempts()).isNotEmpty();
            assertThat(result.attempts()).anySatisfy(a -> assertThat(a.samePerson()).isTrue());
            assertThat(result.videoBase64().size()).isPositive();
            byte[] video = result.videoBase64().toByteArray();
            assertThat(new String(video, 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("ftyp");
            byte[] frame = result.bestFrameBase64().toByteArray();
            assertThat(frame[0] & 0xff).isEqualTo(0xFF); // JPEG SOI
            assertThat(frame[1] & 0xff).isEqualTo(0xD8);
            OcrResult ocr = result.ocrResult().get(0);
            assertThat(ocr.passed()).isTrue();
            assertThat(ocr.cardInfo().mlidCard().name()).isEqualTo(SyntheticPerson.NAME);
            assertThat(ocr.cardInfo().generalCard().address()).isNotNull();
            assertThat(ocr.warnings()).isNotEmpty();
            assertThat(result.toString()).doesNotContain(SyntheticPerson.NAME, SyntheticPerson.ID_NUMBER);

            RecordedRequest request = EMULATOR.get().requests().get(0);
            assertThat(request.signatureValid()).isTrue();
            assertThat(request.header("X-TC-Action")).isEqualTo("GetWebVerificationResultIntl");
            assertThat(request.header("X-TC-Version")).isEqualTo("2018-03-01");
            assertThat(request.header("X-TC-Region")).isEqualTo("ap-singapore");
            assertThat(request.header("X-TC-Language")).isEqualTo("en-US");
            assertThat(request.header("X-TC-Token")).isNull();
            // the documented value in lower case, as Jersey writes a media type (no space after ';'); the emulator
            // verifies the signature over it strictly (values lower-cased, as documented)
            assertThat(request.header("Content-Type")).isEqualTo("application/json;charset=utf-8");
            assertThat(request.header("Authorization")).startsWith("TC3-HMAC-SHA256 Credential=" + EMULATOR.get().secretId() + "/");
            assertThat(Long.parseLong(request.header("X-TC-Timestamp"))).isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(60L));
        }
    }

    @Test
    void failedAndUnfinishedVerificationsAreResultsNotErrors() {
        try (VerificationResultService service = builder().build()) {
            VerificationResult failed = service.getResult("failed-1");
            assertThat(failed.passed()).isFalse();
            assertThat(failed.finished()).isTrue();
            VerificationResult unfinished = service.getResult("unfinished-1");
            assertThat(unfinished.finished()).isFalse();
            assertThat(unfinished.outcome()).contains(VerificationOutcome.NOT_FINISHED);
        }
    }

    @Test
    void typedServiceErrorsAfterExactlyOneAttempt() {
        try (VerificationResultService service = builder().build()) {
            assertThatThrownBy(() -> service.getResult("expired-1")).isInstanceOfSatisfying(BizTokenExpiredException.class, e -> {
                assertThat(e.errorCode()).isEqualTo("InvalidParameterValue.BizTokenExpired");
                assertThat(e.requestId()).isNotBlank();
                assertThat(e.attempts()).isEqualTo(1);
            });
            assertThatThrownBy(() -> service.getResult("illegal-1")).isInstanceOf(BizTokenIllegalException.class);
            assertThat(EMULATOR.get().requests()).hasSize(2);
        }
    }

    @Test
    void wrongSecretKeyIsAnAuthenticationErrorAndIsNotRetried() {
        try (VerificationResultService service = builder()
                .credentials(Credentials.of(EMULATOR.get().secretId(), "not-the-key")).build()) {
            assertThatThrownBy(() -> service.getResult("passed-1")).isInstanceOfSatisfying(AuthenticationException.class, e -> {
                assertThat(e.errorCode()).isEqualTo("AuthFailure.SignatureFailure");
                assertThat(e.attempts()).isEqualTo(1);
                assertThat(e.getMessage()).doesNotContain("not-the-key");
            });
            assertThat(EMULATOR.get().requests()).hasSize(1);
        }
    }

    @Test
    void aClockFiveMinutesOffIsRefused() {
        Clock skewed = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10));
        try (VerificationResultService service = builder().clock(skewed).build()) {
            assertThatThrownBy(() -> service.getResult("passed-1")).isInstanceOfSatisfying(AuthenticationException.class,
                    e -> assertThat(e.errorCode()).isEqualTo("AuthFailure.SignatureExpire"));
        }
    }

    @Test
    void temporaryCredentialsSendTheSessionToken() {
        try (FaceIdEmulator withToken = FaceIdEmulator.builder().sessionToken("session-token-synthetic").build().start();
             VerificationResultService right = FaceIdServiceBuilder.create().region("ap-jakarta").endpoint(withToken.endpoint())
                     .credentials(Credentials.of(withToken.secretId(), withToken.secretKey(), "session-token-synthetic")).build();
             VerificationResultService wrong = FaceIdServiceBuilder.create().region("ap-jakarta").endpoint(withToken.endpoint())
                     .credentials(Credentials.of(withToken.secretId(), withToken.secretKey(), "stale-token")).build()) {
            assertThat(right.getResult("passed-1").passed()).isTrue();
            assertThat(withToken.requests().get(0).header("X-TC-Token")).isEqualTo("session-token-synthetic");
            assertThatThrownBy(() -> wrong.getResult("passed-1")).isInstanceOfSatisfying(AuthenticationException.class,
                    e -> assertThat(e.errorCode()).isEqualTo("AuthFailure.TokenFailure"));
        }
    }

    @Test
    void badTokensAreRejectedBeforeAnythingIsSent() {
        try (VerificationResultService service = builder().build()) {
            assertThatThrownBy(() -> service.getResult(null)).isInstanceOf(InvalidBizTokenException.class);
            assertThatThrownBy(() -> service.getResult("  ")).isInstanceOf(InvalidBizTokenException.class);
            assertThatThrownBy(() -> service.getResult("x".repeat(129))).isInstanceOf(InvalidBizTokenException.class)
                    .hasMessageContaining("128");
            assertThatThrownBy(() -> service.getResult("abc\"}")).isInstanceOf(InvalidBizTokenException.class)
                    .hasMessageNotContaining("abc\"}");
            assertThat(service.getResultAsync(" ").toCompletableFuture()).isCompletedExceptionally();
            assertThat(EMULATOR.get().requests()).isEmpty();
        }
    }

    @Test
    void configurationIsCheckedWhenTheServiceIsBuilt() {
        assertThatThrownBy(() -> builder().region("ap-guangzhou").build()).isInstanceOfSatisfying(
                FaceIdConfigurationException.class, e -> assertThat(e.key()).isEqualTo("region"));
        assertThatThrownBy(() -> builder().region(null).build()).isInstanceOf(FaceIdConfigurationException.class)
                .hasMessageContaining("region");
        assertThatThrownBy(() -> builder().endpoint("http://faceid.example.com").build())
                .isInstanceOfSatisfying(FaceIdConfigurationException.class, e -> assertThat(e.key()).isEqualTo("endpoint"));
        assertThatThrownBy(() -> builder().endpoint("ftp://x").build()).isInstanceOf(FaceIdConfigurationException.class);
        assertThatThrownBy(() -> builder().endpoint("https://faceid.tencentcloudapi.com/v1?x=1").build())
                .isInstanceOf(FaceIdConfigurationException.class);
        assertThatThrownBy(() -> builder().readTimeout(Duration.ZERO).build()).isInstanceOfSatisfying(
                FaceIdConfigurationException.class, e -> assertThat(e.key()).isEqualTo("readTimeout"));
        FaceIdServiceBuilder broken = builder().region("nowhere").connectTimeout(Duration.ofSeconds(-1)).credentials(null);
        assertThat(broken.problems()).extracting(FaceIdConfigurationException::key)
                .containsExactly("region", "credentials", "connectTimeout");
        assertThat(builder().endpoint("http://faceid.example.com").allowInsecureHttp(true).problems()).isEmpty();
        assertThat(builder().endpoint("https://faceid.intl.tencentcloudapi.com").problems()).isEmpty();
        assertThat(builder().endpoint("http://localhost:1").problems()).isEmpty();
        assertThat(builder().endpoint("http://[::1]:1").problems()).isEmpty();
    }

    @Test
    void asyncCallsCompleteWithResultsAndWithUnwrappedTypedErrors() throws Exception {
        try (VerificationResultService service = builder().build()) {
            CompletionStage<VerificationResult> passed = service.getResultAsync("passed-1");
            assertThat(passed.toCompletableFuture().get(10, TimeUnit.SECONDS).passed()).isTrue();
            CompletionStage<VerificationResult> expired = service.getResultAsync("expired-1");
            assertThatThrownBy(() -> expired.toCompletableFuture().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(BizTokenExpiredException.class);
            Throwable[] seen = new Throwable[1];
            service.getResultAsync("illegal-1").handle((r, e) -> seen[0] = e).toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(seen[0]).isInstanceOf(BizTokenIllegalException.class);
        }
    }

    @Test
    void closeReleasesEveryThreadAndLaterCallsFail() throws Exception {
        VerificationResultService service = builder().build();
        service.getResult("passed-1");
        service.getResultAsync("passed-2").toCompletableFuture().get(10, TimeUnit.SECONDS);
        service.close();
        service.close(); // idempotent
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline && ownThreads() > 0) {
            Thread.sleep(20);
        }
        assertThat(ownThreads()).isZero();
        assertThatThrownBy(() -> service.getResult("passed-1")).isInstanceOf(IllegalStateException.class);
    }

    static long ownThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && (t.getName().startsWith("faceid-io-") || t.getName().startsWith("faceid-timer-")))
                .count();
    }

    @Test
    void scriptedScenariosWork() {
        EMULATOR.get().script("custom-1", Scenario.notFinished(), Scenario.passed());
        try (VerificationResultService service = builder().build()) {
            assertThat(service.getResult("custom-1").finished()).isFalse();
            assertThat(service.getResult("custom-1").passed()).isTrue();
        }
    }
}
