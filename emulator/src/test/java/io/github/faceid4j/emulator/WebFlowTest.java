package io.github.faceid4j.emulator;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The whole web flow on 127.0.0.1: Apply, the hosted pages over real HTTP, the result as far as the customer came. */
class WebFlowTest {

    static final String REDIRECT = "https://portal.example.com/verified";

    @RegisterExtension
    static final FaceIdEmulatorExtension EMULATOR = new FaceIdEmulatorExtension();

    private final Browser browser = new Browser();

    /** A signed Apply with {@code fields} as the body's members (JSON text each). */
    static JsonObject apply(String body) throws Exception {
        var call = new TestClient(EMULATOR.get()).call(null);
        call.action = "ApplyWebVerificationBizTokenIntl";
        call.body = body;
        return call.response();
    }

    static String applyToken(String config, String extra) throws Exception {
        String body = "{\"RedirectURL\":\"" + REDIRECT + "\"" + (extra == null ? "" : ",\"Extra\":\"" + extra + "\"")
                + (config == null ? "" : ",\"Config\":" + config) + "}";
        JsonObject r = apply(body);
        assertThat(r.containsKey("Error")).as(r.toString()).isFalse();
        return r.getString("BizToken");
    }

    static JsonObject result(String token) throws Exception {
        return new TestClient(EMULATOR.get()).call(token).response();
    }

    static String errorCodeOf(JsonObject response) {
        return response.containsKey("Error") ? response.getJsonObject("Error").getString("Code") : null;
    }

    @Test
    void applyAnswersABizTokenAndAUrlOnTheEmulator() throws Exception {
        JsonObject r = apply("{\"RedirectURL\":\"" + REDIRECT + "\"}");
        String token = r.getString("BizToken");
        assertThat(token).matches("[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}");
        assertThat(r.getString("VerificationURL")).isEqualTo(EMULATOR.get().endpoint() + "/verify/" + token)
                .isEqualTo(r.getString("VerificationUrl"));
        assertThat(r.getString("RequestId")).isNotBlank();
        RecordedRequest recorded = EMULATOR.get().requests().get(0);
        assertThat(recorded.bizToken()).isEqualTo(token);
        assertThat(recorded.header("X-TC-Action")).isEqualTo("ApplyWebVerificationBizTokenIntl");
        assertThat(EMULATOR.get().verificationUrl(token).toString()).isEqualTo(r.getString("VerificationURL"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{}|MissingParameter",
        "{\"RedirectURL\":null}|MissingParameter",
        "{\"RedirectURL\":5}|InvalidParameter",
        "{\"RedirectURL\":\"portal/verified\"}|InvalidParameterValue",
        "{\"RedirectURL\":\"ftp://portal.example.com/x\"}|InvalidParameterValue",
        "{\"RedirectURL\":\"https://p.example.com\",\"BizToken\":\"x\"}|UnknownParameter",
        "{\"RedirectURL\":\"https://p.example.com\",\"CompareImageBase64\":\"data:image/jpeg;base64,AAAA\"}|InvalidParameterValue",
        "{\"RedirectURL\":\"https://p.example.com\",\"CompareImageBase64\":\"AAA\"}|InvalidParameterValue",
        "{\"RedirectURL\":\"https://p.example.com\",\"Config\":{\"CheckMode\":5}}|InvalidParameterValue",
        "{\"RedirectURL\":\"https://p.example.com\",\"Config\":{\"CheckMode\":\"2\"}}|InvalidParameter",
        "{\"RedirectURL\":\"https://p.example.com\",\"Config\":{\"SecurityLevel\":0}}|InvalidParameterValue",
        "{\"RedirectURL\":\"https://p.example.com\",\"Config\":{\"LivenessRetryLimit\":100}}|InvalidParameterValue",
        "{\"RedirectURL\":\"https://p.example.com\",\"Config\":{\"LivenessTimeout\":601}}|InvalidParameterValue",
        "{\"RedirectURL\":\"https://p.example.com\",\"Config\":{\"ActionList\":\"blink,wink\"}}|InvalidParameterValue",
        "{\"RedirectURL\":\"https://p.example.com\",\"Config\":{\"ActionList\":\"blink,nod,shake\"}}|InvalidParameterValue",
        "{\"RedirectURL\":\"https://p.example.com\",\"Config\":{\"Language\":\"fr\"}}|InvalidParameterValue",
        "{\"RedirectURL\":\"https://p.example.com\",\"Config\":{\"IDCardType\":\"Passport\"}}|InvalidParameterValue",
        "{\"RedirectURL\":\"https://p.example.com\",\"Config\":{\"Version\":\"GOLD\"}}|InvalidParameterValue",
        "{\"RedirectURL\":\"https://p.example.com\",\"Config\":{\"AutoSkip\":\"yes\"}}|InvalidParameter",
        "{\"RedirectURL\":\"https://p.example.com\",\"Config\":{\"Colour\":\"#000000\"}}|UnknownParameter",
        "{\"RedirectURL\":\"https://p.example.com\",\"Config\":[]}|InvalidParameter",
        "[]|InvalidParameter",
        "{\"RedirectURL\":\"https://p.example.com\",\"Config\":{\"CheckMode\":1,\"SecurityLevel\":4,\"AutoDowngrade\":2,"
                + "\"ActionList\":\"blink,nod\",\"LivenessRetryLimit\":99,\"LivenessTimeout\":0,\"Language\":\"zh-tc\","
                + "\"IDCardType\":\"HKIDCard\",\"Version\":\"PLUS\",\"ThemeColor\":\"#2d72f1\","
                + "\"SelectedWarningCodes\":\"-9101,-9102\",\"AllowExpiredDocument\":true,\"AutoSkip\":false,"
                + "\"AutoSkipStartPage\":true,\"SkipPrivacyPolicy\":true,\"IdCardCutReturn\":true,"
                + "\"DisableCheckOcrWarnings\":false},\"RuleId\":\"1\",\"Extra\":\"x\",\"CompareImageBase64\":\"AAAA\"}|"})
    void applyIsCheckedAsTheDocumentsSay(String body, String code) throws Exception {
        assertThat(errorCodeOf(apply(body))).isEqualTo(code);
    }

    @Test
    void extraOfMoreThanAThousandCharactersIsRefused() throws Exception {
        assertThat(errorCodeOf(apply("{\"RedirectURL\":\"" + REDIRECT + "\",\"Extra\":\"" + "x".repeat(1_000)
                + "\"}"))).isNull();
        assertThat(errorCodeOf(apply("{\"RedirectURL\":\"" + REDIRECT + "\",\"Extra\":\"" + "x".repeat(1_001)
                + "\"}"))).isEqualTo("InvalidParameterValue");
    }

    @Test
    void aCompareImageOfEightMegabytesIsTakenAndOneByteMoreIsNot() throws Exception {
        String eight = Base64.getEncoder().encodeToString(new byte[6 * 1024 * 1024]); // 8 MiB of text
        assertThat(errorCodeOf(apply("{\"RedirectURL\":\"" + REDIRECT + "\",\"CompareImageBase64\":\"" + eight
                + "\"}"))).isNull();
        String over = Base64.getEncoder().encodeToString(new byte[6 * 1024 * 1024 + 1]);
        assertThat(errorCodeOf(apply("{\"RedirectURL\":\"" + REDIRECT + "\",\"CompareImageBase64\":\"" + over
                + "\"}"))).isEqualTo("InvalidParameterValue");
    }

    @Test
    void applyIsSignatureChecked() throws Exception {
        var call = new TestClient(EMULATOR.get()).call(null);
        call.action = "ApplyWebVerificationBizTokenIntl";
        call.body = "{\"RedirectURL\":\"" + REDIRECT + "\"}";
        call.tamperAfterSigning = true;
        assertThat(call.errorCode()).isEqualTo("AuthFailure.SignatureFailure");
        call = new TestClient(EMULATOR.get()).call(null);
        call.action = "ApplyWebVerificationBizTokenIntl";
        call.body = "{\"RedirectURL\":\"" + REDIRECT + "\"}";
        call.secretKey = "wrong";
        assertThat(call.errorCode()).isEqualTo("AuthFailure.SignatureFailure");
    }

    @Test
    void theCustomerPassesThroughEveryPage() throws Exception {
        String token = applyToken("{\"CheckMode\":1}", "correlation-42");
        assertThat(result(token).getInt("ErrorCode")).isEqualTo(17);

        Browser.Page start = browser.get(EMULATOR.get().verificationUrl(token));
        assertThat(start.status()).isEqualTo(200);
        assertThat(start.contentType()).startsWith("text/html");
        assertThat(start.body()).doesNotContainIgnoringCase("<script").contains("photograph an identity document");
        assertThat(result(token).getInt("ErrorCode")).as("opened, not finished").isEqualTo(17);

        Browser.Page customer = browser.submit(start.form(), Map.of());
        assertThat(customer.status()).isEqualTo(200);
        assertThat(customer.body()).contains("value=\"passed\"", "value=\"liveness-failed\"",
                "value=\"compare-failed\"", "value=\"abandoned\"", "value=\"timed-out\"")
                .doesNotContainIgnoringCase("<script");

        Browser.Page done = browser.submit(customer.form(), Map.of("outcome", "passed", "code", "1005"));
        assertThat(done.status()).isEqualTo(303);
        Browser.Page resultPage = browser.follow(done);
        assertThat(resultPage.body()).contains("Verification passed", "Next");
        Browser.Page next = browser.submit(resultPage.form(), Map.of());
        assertThat(next.status()).isEqualTo(303);
        assertThat(next.location()).isEqualTo(REDIRECT + "?token=" + token);

        JsonObject r = result(token);
        assertThat(r.getInt("ErrorCode")).isZero();
        assertThat(r.getString("Extra")).isEqualTo("correlation-42");
        assertThat(r.getJsonArray("OCRResult")).hasSize(1);
        assertThat(r.getString("VideoBase64")).isNotEmpty();
        JsonObject detail = r.getJsonArray("VerificationDetailList").getJsonObject(0);
        assertThat(detail.getInt("LivenessErrorCode")).isZero();
        assertThat(detail.getInt("CompareErrorCode")).isZero();
        assertThat(detail.getJsonNumber("Similarity").doubleValue()).isGreaterThanOrEqualTo(70);
        // fetched again: the same outcome
        assertThat(result(token).getInt("ErrorCode")).isZero();
    }

    @Test
    void autoSkipGoesStraightToTheRedirectOnSuccessOnly() throws Exception {
        String config = "{\"AutoSkip\":true,\"AutoSkipStartPage\":true}";
        String passing = applyToken(config, null);
        Browser.Page start = browser.get(EMULATOR.get().verificationUrl(passing));
        assertThat(start.status()).as("no start page").isEqualTo(303);
        Browser.Page customer = browser.follow(start);
        Browser.Page done = browser.submit(customer.form(), Map.of("outcome", "passed"));
        assertThat(done.location()).isEqualTo(REDIRECT + "?token=" + passing);

        String failing = applyToken(config, null);
        customer = browser.follow(browser.get(EMULATOR.get().verificationUrl(failing)));
        done = browser.submit(customer.form(), Map.of("outcome", "liveness-failed", "code", "1207"));
        assertThat(done.location()).as("the result page first").endsWith("/verify/" + failing + "/result");
        assertThat(result(failing).getInt("ErrorCode")).isEqualTo(1207);
    }

    @Test
    void withoutAutoSkipEvenASuccessShowsTheResultPage() throws Exception {
        String token = applyToken(null, null);
        Browser.Page customer = browser.submit(browser.get(EMULATOR.get().verificationUrl(token)).form(), Map.of());
        Browser.Page done = browser.submit(customer.form(), Map.of("outcome", "passed"));
        assertThat(done.location()).endsWith("/verify/" + token + "/result");
    }

    @Test
    void aLivenessFailureCarriesTheChosenCode() throws Exception {
        String token = applyToken(null, null);
        Browser.Page customer = browser.submit(browser.get(EMULATOR.get().verificationUrl(token)).form(), Map.of());
        assertThat(customer.body()).contains("<option value=\"1207\">");
        Browser.Page done = browser.submit(customer.form(), Map.of("outcome", "liveness-failed", "code", "1207"));
        assertThat(browser.follow(done).body()).contains("Verification not passed", "1207");
        JsonObject r = result(token);
        assertThat(r.getInt("ErrorCode")).isEqualTo(1207);
        JsonObject detail = r.getJsonArray("VerificationDetailList").getJsonObject(0);
        assertThat(detail.getInt("LivenessErrorCode")).isEqualTo(1207);
        assertThat(detail.get("CompareErrorCode")).isEqualTo(JsonValue.NULL);
        assertThat(r.get("OCRResult")).as("check mode 2 reads no document").isEqualTo(JsonValue.NULL);
    }

    @Test
    void automationCompletesWithoutABrowser() throws Exception {
        URI complete = URI.create(EMULATOR.get().endpoint() + "/emulator/complete");
        String abandoned = applyToken(null, null);
        Browser.Page answer = browser.post(complete, "token=" + abandoned + "&outcome=abandoned");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/json");
        JsonObject json = TestClient.json(answer.body().getBytes());
        assertThat(json.getInt("errorCode")).isEqualTo(1410);
        assertThat(json.getString("redirect")).isEqualTo(REDIRECT + "?token=" + abandoned);
        JsonObject r = result(abandoned);
        assertThat(r.getInt("ErrorCode")).isEqualTo(1410);
        assertThat(r.get("VideoBase64")).isEqualTo(JsonValue.NULL);
        assertThat(r.getJsonArray("VerificationDetailList")).isEmpty();

        String timedOut = applyToken(null, null);
        assertThat(browser.post(complete, "token=" + timedOut + "&outcome=timed-out").status()).isEqualTo(200);
        assertThat(result(timedOut).getInt("ErrorCode")).isEqualTo(1409);

        String compare = applyToken(null, null);
        assertThat(browser.post(complete, "token=" + compare + "&outcome=compare-failed").status()).isEqualTo(200);
        JsonObject detail = result(compare).getJsonArray("VerificationDetailList").getJsonObject(0);
        assertThat(detail.getInt("CompareErrorCode")).isEqualTo(2015);
        assertThat(detail.getJsonNumber("Similarity").doubleValue()).isLessThan(70);

        String liveness = applyToken(null, null);
        assertThat(browser.post(complete, "token=" + liveness + "&outcome=liveness-failed&code=1003").status())
                .isEqualTo(200);
        assertThat(result(liveness).getInt("ErrorCode")).isEqualTo(1003);
    }

    @Test
    void automationRefusesWhatTheFlowCannotDo() throws Exception {
        URI complete = URI.create(EMULATOR.get().endpoint() + "/emulator/complete");
        String token = applyToken("{\"CheckMode\":3}", null);
        assertThat(browser.post(complete, "token=nope&outcome=passed").status()).isEqualTo(404);
        assertThat(browser.post(complete, "token=" + token + "&outcome=fainted").status()).isEqualTo(400);
        assertThat(browser.post(complete, "token=" + token + "&outcome=liveness-failed&code=2015").status())
                .as("a comparison code for a liveness failure").isEqualTo(400);
        assertThat(browser.post(complete, "token=" + token + "&outcome=compare-failed").status())
                .as("check mode 3 compares nothing").isEqualTo(400);
        assertThat(browser.get(complete).status()).isEqualTo(405);
        assertThat(browser.post(complete, "token=" + token + "&outcome=passed").status()).isEqualTo(200);
        Browser.Page again = browser.post(complete, "token=" + token + "&outcome=abandoned");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("already completed");
        assertThat(result(token).getInt("ErrorCode")).as("the first outcome stays").isZero();
        assertThat(browser.get(URI.create(EMULATOR.get().endpoint() + "/verify/NOT-A-TOKEN")).status())
                .isEqualTo(404);
    }

    @Test
    void theJUnitExtensionCompletesToo() throws Exception {
        String token = applyToken(null, "via-extension");
        EMULATOR.complete(token, FlowOutcome.TIMED_OUT);
        assertThat(result(token).getInt("ErrorCode")).isEqualTo(1409);
        String other = applyToken(null, null);
        EMULATOR.complete(other, FlowOutcome.LIVENESS_FAILED, 1207);
        assertThat(result(other).getInt("ErrorCode")).isEqualTo(1207);
        assertThatThrownBy(() -> EMULATOR.complete(other, FlowOutcome.PASSED))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already completed");
        assertThatThrownBy(() -> EMULATOR.complete("unknown", FlowOutcome.PASSED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTokenNotUsedWithinTenMinutesExpires() throws Exception {
        String unused = applyToken(null, null);
        String opened = applyToken(null, null);
        EMULATOR.advanceClock(Duration.ofMinutes(9));
        assertThat(browser.get(EMULATOR.get().verificationUrl(opened)).status()).isEqualTo(200);
        EMULATOR.advanceClock(Duration.ofMinutes(2));

        assertThat(browser.get(EMULATOR.get().verificationUrl(unused)).status()).isEqualTo(410);
        assertThat(browser.post(URI.create(EMULATOR.get().endpoint() + "/emulator/complete"),
                "token=" + unused + "&outcome=passed").status()).isEqualTo(410);
        assertThat(result(unused).getInt("ErrorCode")).isEqualTo(15);

        assertThat(result(opened).getInt("ErrorCode")).as("used in time: still running").isEqualTo(17);
        EMULATOR.complete(opened, FlowOutcome.PASSED);
        assertThat(result(opened).getInt("ErrorCode")).isZero();
    }

    @Test
    void resultsCanBeFetchedForThreeDays() throws Exception {
        String token = applyToken(null, null);
        EMULATOR.complete(token, FlowOutcome.PASSED);
        EMULATOR.advanceClock(Duration.ofDays(3).minusMinutes(1));
        assertThat(result(token).getInt("ErrorCode")).isZero();
        EMULATOR.advanceClock(Duration.ofMinutes(2));
        assertThat(errorCodeOf(result(token))).isEqualTo("InvalidParameterValue.BizTokenExpired");
        assertThat(browser.get(EMULATOR.get().verificationUrl(token)).status()).isEqualTo(410);
    }

    @ParameterizedTest
    @CsvSource({"1, true, true, true", "2, false, true, true", "3, false, true, false", "4, true, false, false"})
    void theCheckModeShapesTheResult(int mode, boolean ocr, boolean liveness, boolean compare) throws Exception {
        String token = applyToken("{\"CheckMode\":" + mode + "}", null);
        EMULATOR.complete(token, FlowOutcome.PASSED);
        JsonObject r = result(token);
        assertThat(r.getInt("ErrorCode")).isZero();
        assertThat(r.get("OCRResult") != JsonValue.NULL).as("OCR").isEqualTo(ocr);
        assertThat(r.get("VideoBase64") != JsonValue.NULL).as("video").isEqualTo(liveness);
        assertThat(r.getJsonArray("VerificationDetailList").isEmpty()).isEqualTo(!liveness);
        if (liveness) {
            JsonObject detail = r.getJsonArray("VerificationDetailList").getJsonObject(0);
            assertThat(detail.get("Similarity") != JsonValue.NULL).as("similarity").isEqualTo(compare);
        }
        assertThat(r.get("Extra")).as("no Extra given").isEqualTo(JsonValue.NULL);
    }

    @Test
    void eachActionHasItsOwnBudget() throws Exception {
        try (FaceIdEmulator one = FaceIdEmulator.builder().rateLimitPerSecond(1).build().start()) {
            TestClient client = new TestClient(one);
            assertThat(client.call("passed-1").errorCode()).isNull();
            var applying = client.call(null);
            applying.action = "ApplyWebVerificationBizTokenIntl";
            applying.body = "{\"RedirectURL\":\"" + REDIRECT + "\"}";
            // Within the same second as the result call (unless this machine took a second between the two).
            assertThat(applying.errorCode()).isNull();
            assertThat(one.maxRequestsInAnyOneSecondWindow()).isEqualTo(1);
        }
    }

    @Test
    void resetForgetsStartedVerificationsAndTheClock() throws Exception {
        String token = applyToken(null, null);
        EMULATOR.advanceClock(Duration.ofMinutes(11));
        EMULATOR.get().reset();
        assertThat(browser.get(EMULATOR.get().verificationUrl(token)).status()).isEqualTo(404);
        String fresh = applyToken(null, null);
        assertThat(browser.get(EMULATOR.get().verificationUrl(fresh)).status()).as("clock back").isEqualTo(200);
    }

    @Test
    void applyCanBeScriptedOneCallAtATime() throws Exception {
        EMULATOR.get().scriptApply(Scenario.apiError("UnauthorizedOperation.Arrears", "The account is in arrears."),
                Scenario.internalError(), Scenario.passed());
        String body = "{\"RedirectURL\":\"" + REDIRECT + "\"}";
        assertThat(errorCodeOf(apply(body))).isEqualTo("UnauthorizedOperation.Arrears");
        assertThat(errorCodeOf(apply(body))).isEqualTo("InternalError");
        assertThat(errorCodeOf(apply(body))).isNull();
        assertThat(errorCodeOf(apply(body))).as("script used up").isNull();
        assertThat(EMULATOR.get().requests()).extracting(RecordedRequest::errorCode)
                .containsExactly("UnauthorizedOperation.Arrears", "InternalError", null, null);
    }

    @Test
    void theCompareImageIsKeptByItsDigest() throws Exception {
        byte[] image = SyntheticMedia.jpeg(40, 30, 0x112233, 0x445566, SyntheticMedia.Shape.CIRCLE);
        JsonObject r = apply("{\"RedirectURL\":\"" + REDIRECT + "\",\"CompareImageBase64\":\""
                + Base64.getEncoder().encodeToString(image) + "\"}");
        assertThat(EMULATOR.get().compareImageSha256(r.getString("BizToken")))
                .contains(TestClient.sha256(image));
        assertThat(EMULATOR.get().compareImageSha256(applyToken(null, null))).isEmpty();
    }
}
