package io.github.faceid4j.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every built-in scenario over real HTTP on loopback. */
class ScenarioResponsesTest {

    @RegisterExtension
    static FaceIdEmulatorExtension emulator = new FaceIdEmulatorExtension();

    private TestClient client() {
        return new TestClient(emulator.get());
    }

    @Test
    void passedCarriesTheFullSyntheticResult() throws Exception {
        HttpResponse<byte[]> http = client().call("passed-1").send();
        assertThat(http.statusCode()).isEqualTo(200);
        assertThat(http.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(http.headers().firstValueAsLong("Content-Length")).hasValue(http.body().length);
        JsonObject r = TestClient.json(http.body()).getJsonObject("Response");

        assertThat(r.getInt("ErrorCode")).isZero();
        assertThat(r.getString("ErrorMsg")).isEqualTo("Success");
        JsonArray details = r.getJsonArray("VerificationDetailList");
        assertThat(details).hasSize(2);
        JsonObject failedAttempt = details.getJsonObject(0);
        assertThat(failedAttempt.getInt("LivenessErrorCode")).isEqualTo(1207);
        assertThat(failedAttempt.isNull("CompareErrorCode")).isTrue();
        assertThat(failedAttempt.isNull("Similarity")).isTrue();
        JsonObject success = details.getJsonObject(1);
        assertThat(success.getInt("ErrorCode")).isZero();
        assertThat(success.getJsonNumber("Similarity").doubleValue()).isEqualTo(92.5);
        assertThat(success.getJsonNumber("ReqTimestamp").longValue())
                .isBetween(System.currentTimeMillis() - 120_000, System.currentTimeMillis());
        UUID.fromString(success.getString("Seq"));
        assertThat(success.getJsonArray("LivenessInfoTag")).isEmpty();
        assertThat(failedAttempt.getJsonArray("LivenessInfoTag").getString(0)).isEqualTo("02");

        byte[] video = Base64.getDecoder().decode(r.getString("VideoBase64"));
        assertThat(video).hasSize(SyntheticMedia.DEFAULT_VIDEO_BYTES);
        assertThat(new String(video, 4, 4, StandardCharsets.US_ASCII)).isEqualTo("ftyp");
        assertJpeg(r.getString("BestFrameBase64"));

        JsonObject ocr = r.getJsonArray("OCRResult").getJsonObject(0);
        assertThat(ocr.getBoolean("IsPass")).isTrue();
        for (String f : new String[] {"CardImageBase64", "CardCutImageBase64", "CardBackImageBase64",
                "CardBackCutImageBase64", "HeadImageBase64"}) {
            assertJpeg(ocr.getString(f));
        }
        JsonObject cardInfo = ocr.getJsonObject("CardInfo");
        assertThat(cardInfo.isNull("HKIDCard")).isTrue();
        assertThat(cardInfo.getJsonObject("MLIDCard").getString("Name")).isEqualTo(SyntheticPerson.NAME);
        assertThat(cardInfo.getJsonObject("MLIDCard").getString("ID")).isEqualTo(SyntheticPerson.ID_NUMBER);
        assertThat(cardInfo.getJsonObject("MLIDCard").getString("Address")).isEqualTo(SyntheticPerson.ADDRESS);
        assertThat(cardInfo.getJsonObject("MLIDCard").getString("Birthday")).isEqualTo(SyntheticPerson.BIRTHDAY);
        JsonObject general = cardInfo.getJsonObject("GeneralCard");
        assertThat(general.getString("FullName")).isEqualTo(SyntheticPerson.NAME);
        assertThat(general.getString("FullNameLocal")).isEqualTo(SyntheticPerson.NAME_LOCAL);
        assertThat(general.getJsonObject("Address").getString("FormattedAddress")).isEqualTo(SyntheticPerson.ADDRESS);
        assertThat(general.getJsonObject("Address").isNull("LineThree")).isTrue();
        assertThat(ocr.getJsonObject("NormalCardInfo").getJsonObject("MLIDCard").getString("ID"))
                .isEqualTo(SyntheticPerson.ID_NUMBER);
        assertThat(ocr.getJsonArray("WarnCardInfos").getJsonNumber(0).longValue()).isEqualTo(9102);
        JsonObject original = TestClient.json(ocr.getString("OriginalCardInfo").getBytes(StandardCharsets.UTF_8));
        assertThat(original.getString("Name")).isEqualTo(SyntheticPerson.NAME);
        UUID.fromString(ocr.getString("RequestId"));

        assertThat(r.getString("Extra")).isEqualTo("synthetic-extra");
        assertThat(r.getJsonObject("FutureField").getInt("x")).isEqualTo(1);
        UUID.fromString(r.getString("RequestId"));
        assertThat(r.getString("RequestId")).isNotEqualTo(ocr.getString("RequestId"));
    }

    private static void assertJpeg(String base64) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
        assertThat(img).isNotNull();
    }

    @Test
    void passedWithVideoOfSizeHasExactlyThatManyBytes() throws Exception {
        long size = 1024 * 1024 + 1; // odd size: base64 padding must be right
        emulator.get().script("big", Scenario.passedWithVideoOfSize(size));
        HttpResponse<byte[]> http = client().call("big").send();
        assertThat(http.headers().firstValueAsLong("Content-Length")).hasValue(http.body().length);
        JsonObject r = TestClient.json(http.body()).getJsonObject("Response");
        byte[] video = Base64.getDecoder().decode(r.getString("VideoBase64"));
        assertThat(video).hasSize((int) size);
        assertThat(r.getInt("ErrorCode")).isZero();
    }

    @Test
    void failedVerification() throws Exception {
        JsonObject r = client().call("failed-1").response();
        assertThat(r.getInt("ErrorCode")).isEqualTo(1005);
        assertThat(r.getJsonArray("VerificationDetailList")).isNotEmpty();
        assertThat(r.getJsonArray("OCRResult").getJsonObject(0).getBoolean("IsPass")).isFalse();
        assertThat(r.getJsonArray("OCRResult").getJsonObject(0).isNull("CardInfo")).isTrue();
    }

    @Test
    void notFinished() throws Exception {
        JsonObject r = client().call("unfinished-1").response();
        assertThat(r.getInt("ErrorCode")).isEqualTo(17);
        assertThat(r.isNull("VideoBase64")).isTrue();
        assertThat(r.isNull("OCRResult")).isTrue();
        assertThat(r.containsKey("RequestId")).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "passed-a, ",
            "PASSED-upper, ",
            "failed-a, ",
            "unfinished-a, ",
            "expired-a, InvalidParameterValue.BizTokenExpired",
            "illegal-a, InvalidParameterValue.BizTokenIllegal",
            "ratelimited-a, RequestLimitExceeded",
            "internal-a, InternalError",
            "EE13636D-1985-42CA-BD61-73F4C8B687E6, InvalidParameterValue.BizTokenIllegal"})
    void tokenConventions(String token, String expectedError) throws Exception {
        JsonObject r = client().call(token).response();
        if (expectedError == null) {
            assertThat(r.containsKey("Error")).isFalse();
            assertThat(r.containsKey("ErrorCode")).isTrue();
        } else {
            assertThat(r.getJsonObject("Error").getString("Code")).isEqualTo(expectedError);
            assertThat(r.getJsonObject("Error").getString("Message")).isNotBlank();
            UUID.fromString(r.getString("RequestId"));
        }
    }

    @Test
    void conventionNamesForCommandLineUse() {
        assertThat(Scenario.forToken("slow-1").description()).isEqualTo("slow(PT3S, passed)");
        assertThat(Scenario.forToken("malformed-1").description()).isEqualTo("malformedBody");
        assertThat(Scenario.forToken(null).description()).isEqualTo(Scenario.illegal().description());
    }

    @Test
    void apiErrorsAnswerHttp200WithErrorObject() throws Exception {
        emulator.get().script("t", Scenario.apiError("OperationDenied", "Operation denied."));
        HttpResponse<byte[]> http = client().call("t").send();
        assertThat(http.statusCode()).isEqualTo(200);
        JsonObject r = TestClient.json(http.body()).getJsonObject("Response");
        assertThat(r.keySet()).containsExactly("Error", "RequestId");
        assertThat(r.getJsonObject("Error").getString("Code")).isEqualTo("OperationDenied");
        assertThat(r.getJsonObject("Error").getString("Message")).isEqualTo("Operation denied.");
        assertThat(emulator.get().requests().get(0).errorCode()).isEqualTo("OperationDenied");
    }

    @Test
    void scriptedSequenceRepeatsItsLastScenario() throws Exception {
        emulator.get().script("seq", Scenario.notFinished(), Scenario.internalError(), Scenario.passed());
        TestClient c = client();
        assertThat(c.call("seq").response().getInt("ErrorCode")).isEqualTo(17);
        assertThat(c.call("seq").errorCode()).isEqualTo("InternalError");
        assertThat(c.call("seq").response().getInt("ErrorCode")).isZero();
        assertThat(c.call("seq").response().getInt("ErrorCode")).isZero();
        // Scripts override conventions and are per token.
        emulator.get().script("passed-but-scripted", Scenario.expired());
        assertThat(c.call("passed-but-scripted").errorCode()).isEqualTo("InvalidParameterValue.BizTokenExpired");
        assertThat(c.call("passed-other").errorCode()).isNull();
    }

    @Test
    void slowWaitsThenAnswers() throws Exception {
        emulator.get().script("s", Scenario.slow(Duration.ofMillis(300), Scenario.notFinished()));
        long start = System.nanoTime();
        JsonObject r = client().call("s").response();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(r.getInt("ErrorCode")).isEqualTo(17);
    }

    @Test
    void malformedBodyIsTruncatedJson() throws Exception {
        HttpResponse<byte[]> http = client().call("malformed-1").send();
        assertThat(http.statusCode()).isEqualTo(200);
        assertThat(http.body()).isNotEmpty();
        assertThatThrownBy(() -> TestClient.json(http.body())).isInstanceOf(JsonParsingException.class);
    }

    @Test
    void emptyBody() throws Exception {
        emulator.get().script("e", Scenario.emptyBody());
        HttpResponse<byte[]> http = client().call("e").send();
        assertThat(http.statusCode()).isEqualTo(200);
        assertThat(http.body()).isEmpty();
    }

    @Test
    void htmlErrorPage() throws Exception {
        emulator.get().script("h", Scenario.html(502));
        HttpResponse<byte[]> http = client().call("h").send();
        assertThat(http.statusCode()).isEqualTo(502);
        assertThat(http.headers().firstValue("Content-Type")).contains("text/html");
        assertThat(new String(http.body(), StandardCharsets.UTF_8)).contains("<html>", "502 Bad Gateway");
    }

    @Test
    void anyStatusAndBody() throws Exception {
        emulator.get().script("st", Scenario.httpStatus(503, "{\"oops\":true}"), Scenario.httpStatus(429, "slow down"));
        HttpResponse<byte[]> first = client().call("st").send();
        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(TestClient.json(first.body()).getBoolean("oops")).isTrue();
        HttpResponse<byte[]> second = client().call("st").send();
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(new String(second.body(), StandardCharsets.UTF_8)).isEqualTo("slow down");
    }

    @Test
    void truncatedMidBodyBreaksTheConnection() throws Exception {
        emulator.get().script("cut", Scenario.truncatedMidBody());
        HttpResponse<java.io.InputStream> http = TestClient.HTTP.send(client().call("cut").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(http.statusCode()).isEqualTo(200);
        long promised = http.headers().firstValueAsLong("Content-Length").orElseThrow();
        byte[] buffer = new byte[8192];
        long received = 0;
        try (var in = http.body()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                received += n;
            }
            throw new AssertionError("stream ended normally after " + received + " of " + promised + " bytes");
        } catch (IOException expected) {
            // the connection ended before Content-Length bytes arrived
        }
        assertThat(received).isGreaterThan(0).isLessThan(promised);
        assertThat(emulator.get().requests()).extracting(RecordedRequest::outcome).containsExactly("truncatedMidBody");
    }

    @Test
    void truncatedMidBodyStillHealthyAfterwards() throws Exception {
        emulator.get().script("cut", Scenario.truncatedMidBody());
        assertThatThrownBy(() -> client().call("cut").send()).isInstanceOf(IOException.class);
        assertThat(client().call("passed-after").errorCode()).isNull();
    }

    @Test
    void oversizedBodyIsValidJsonLargerThanTheLimit() throws Exception {
        long limit = 3_000_000;
        emulator.get().script("huge", Scenario.oversizedBody(limit));
        HttpResponse<byte[]> http = client().call("huge").send();
        assertThat(http.body().length).isGreaterThan((int) limit);
        assertThat(http.headers().firstValueAsLong("Content-Length")).hasValue(http.body().length);
        JsonObject r = TestClient.json(http.body()).getJsonObject("Response");
        assertThat(r.getString("VideoBase64")).hasSize(3_000_000);
        Base64.getDecoder().decode(r.getString("VideoBase64"));
    }

    @Test
    void recordsEachRequest() throws Exception {
        TestClient c = client();
        c.call("passed-log").send();
        var bad = c.call("expired-log");
        bad.secretKey = "wrong";
        bad.send();
        var requests = emulator.get().requests();
        assertThat(requests).hasSize(2);
        RecordedRequest ok = requests.get(0);
        assertThat(ok.bizToken()).isEqualTo("passed-log");
        assertThat(ok.signatureValid()).isTrue();
        assertThat(ok.accepted()).isTrue();
        assertThat(ok.errorCode()).isNull();
        assertThat(ok.outcome()).isEqualTo("passed");
        assertThat(ok.method()).isEqualTo("POST");
        assertThat(ok.header("x-tc-action")).isEqualTo("GetWebVerificationResultIntl");
        assertThat(ok.header("Authorization")).startsWith("TC3-HMAC-SHA256 ");
        assertThat(ok.toString()).doesNotContain("TC3-HMAC-SHA256").contains("<redacted>");
        assertThat(ok.arrival()).isBeforeOrEqualTo(java.time.Instant.now());
        RecordedRequest rejected = requests.get(1);
        assertThat(rejected.signatureValid()).isFalse();
        assertThat(rejected.accepted()).isFalse();
        assertThat(rejected.errorCode()).isEqualTo("AuthFailure.SignatureFailure");
        assertThat(emulator.get().requestsFor("passed-log")).containsExactly(ok);
    }

    @Test
    void startsEachTestClean() {
        // The extension resets before each test: no leftovers from other tests' scripts or requests.
        assertThat(emulator.get().requests()).isEmpty();
        assertThat(emulator.get().rateLimitedCount()).isZero();
    }

    @Test
    void resultFieldsNeverCarryUnexpectedJsonTypes() throws Exception {
        JsonObject r = client().call("passed-types").response();
        assertThat(r.get("ErrorCode").getValueType()).isEqualTo(JsonValue.ValueType.NUMBER);
        assertThat(r.get("VerificationDetailList").getValueType()).isEqualTo(JsonValue.ValueType.ARRAY);
        assertThat(r.get("OCRResult").getValueType()).isEqualTo(JsonValue.ValueType.ARRAY);
    }
}
