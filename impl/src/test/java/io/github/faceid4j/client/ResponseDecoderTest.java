package io.github.faceid4j.client;

import io.github.faceid4j.client.internal.Redaction;
import io.github.faceid4j.client.internal.ResultJson;
import io.github.faceid4j.AuthenticationException;
import io.github.faceid4j.BizTokenExpiredException;
import io.github.faceid4j.BizTokenIllegalException;
import io.github.faceid4j.FaceIdDecodingException;
import io.github.faceid4j.FaceIdServiceException;
import io.github.faceid4j.RateLimitExceededException;
import io.github.faceid4j.model.OcrResult;
import io.github.faceid4j.model.VerificationResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResponseDecoderTest {

    final ResponseDecoder decoder = new ResponseDecoder();

    VerificationResult decode(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return decoder.decode(200, body, body.length);
    }

    @Test
    void mapsEveryLevelOfTheSeedExampleAndIgnoresUnknownMembers() {
        VerificationResult result = decode("""
                {"Response":{"ErrorCode":0,"ErrorMsg":"abc","Unknown":{"x":[1,2]},
                 "VerificationDetailList":[{"ErrorCode":0,"ErrorMsg":"abc","LivenessErrorCode":1207,"LivenessErrorMsg":"m",
                   "CompareErrorCode":0,"CompareErrorMsg":"c","ReqTimestamp":1700000000123,"Similarity":92.5,"Seq":"s-1",
                   "LivenessInfoTag":["01","02"],"NewField":true}],
                 "VideoBase64":"aGVsbG8=","BestFrameBase64":null,
                 "OCRResult":[{"IsPass":true,"CardImageBase64":"AAEC","WarnCardInfos":[9102],"OriginalCardInfo":"{}",
                   "CardInfo":{"HKIDCard":{"CnName":"c","EnName":"e","IdNum":"A000000(0)"},
                     "MLIDCard":{"Name":"n","ID":"000000-00-0000","Type":"MyKad"},
                     "IndonesiaIDCard":{"NIK":"0000","RTRW":"001/002"},
                     "PhilippinesVoteID":{"VIN":"v"},"PhilippinesUMID":{"CRN":"crn"},
                     "SingaporeIDCard":{"NRICCode":"S0000000A"},
                     "GeneralCard":{"FullName":"f","Address":{"City":"Test City","LineOne":"1 Example Street"}}},
                   "NormalCardInfo":{"HMTPermitCard":{"Number":"H000"},"MainlandIDCard":{"ValidDate":"2030"}},
                   "RequestId":"ocr-1"}],
                 "Extra":"x","RequestId":"req-1"}}
                """);
        assertThat(result.passed()).isTrue();
        assertThat(result.requestId()).isEqualTo("req-1");
        assertThat(result.extra()).isEqualTo("x");
        assertThat(result.bestFrameBase64()).isNull();
        assertThat(result.videoBase64().toByteArray()).asString().isEqualTo("hello");
        var attempt = result.attempts().get(0);
        assertThat(attempt.livenessErrorCode()).isEqualTo(1207L);
        assertThat(attempt.livenessOutcome().orElseThrow().description()).isEqualTo("No eye closing detected");
        assertThat(attempt.reqTimestamp()).isEqualTo(1700000000123L);
        assertThat(attempt.similarity()).isEqualTo(92.5f);
        assertThat(attempt.livenessInfoTag()).containsExactly("01", "02");
        OcrResult ocr = result.ocrResult().get(0);
        assertThat(ocr.passed()).isTrue();
        assertThat(ocr.cardImageBase64().size()).isEqualTo(3);
        assertThat(ocr.warnings()).extracting(w -> w.code()).containsExactly(9102L);
        assertThat(ocr.cardInfo().hkidCard().idNum()).isEqualTo("A000000(0)");
        assertThat(ocr.cardInfo().mlidCard().id()).isEqualTo("000000-00-0000");
        assertThat(ocr.cardInfo().indonesiaIDCard().nik()).isEqualTo("0000");
        assertThat(ocr.cardInfo().indonesiaIDCard().rtrw()).isEqualTo("001/002");
        assertThat(ocr.cardInfo().philippinesVoteID().vin()).isEqualTo("v");
        assertThat(ocr.cardInfo().philippinesUMID().crn()).isEqualTo("crn");
        assertThat(ocr.cardInfo().singaporeIDCard().nricCode()).isEqualTo("S0000000A");
        assertThat(ocr.cardInfo().generalCard().address().city()).isEqualTo("Test City");
        assertThat(ocr.normalCardInfo().hmtPermitCard().number()).isEqualTo("H000");
        assertThat(ocr.normalCardInfo().mainlandIDCard().validDate()).isEqualTo("2030");
        assertThat(ocr.requestId()).isEqualTo("ocr-1");
    }

    @Test
    void absentAndNullMembersStayNull() {
        VerificationResult result = decode("{\"Response\":{\"RequestId\":\"r\",\"ErrorCode\":null}}");
        assertThat(result.errorCode()).isNull();
        assertThat(result.verificationDetailList()).isNull();
        assertThat(result.ocrResult()).isNull();
        assertThat(result.finished()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "InvalidParameterValue.BizTokenExpired, " + "io.github.faceid4j.BizTokenExpiredException",
            "InvalidParameterValue.BizTokenIllegal, io.github.faceid4j.BizTokenIllegalException",
            "AuthFailure.SignatureFailure, io.github.faceid4j.AuthenticationException",
            "AuthFailure.SecretIdNotFound, io.github.faceid4j.AuthenticationException",
            "RequestLimitExceeded, io.github.faceid4j.RateLimitExceededException",
            "FailedOperation.RequestLimitExceeded, io.github.faceid4j.RateLimitExceededException",
            "InternalError, io.github.faceid4j.FaceIdServiceException"})
    void apiErrorsBecomeTypedServiceExceptions(String code, Class<?> type) {
        assertThatThrownBy(() -> decode("{\"Response\":{\"Error\":{\"Code\":\"" + code + "\",\"Message\":\"m\"},\"RequestId\":\"rq-9\"}}"))
                .isExactlyInstanceOf(type)
                .isInstanceOfSatisfying(FaceIdServiceException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(code);
                    assertThat(e.requestId()).isEqualTo("rq-9");
                    assertThat(e.serviceMessage()).isEqualTo("m");
                    assertThat(e.getMessage()).contains(code, "rq-9");
                });
    }

    @Test
    void transientCodesAreMarked() {
        assertThat(FaceIdServiceException.from("InternalError", "", "").isTransient()).isTrue();
        assertThat(FaceIdServiceException.from("RequestLimitExceeded.UinLimitExceeded", "", "").isTransient()).isTrue();
        assertThat(FaceIdServiceException.from("ServiceUnavailable", "", "").isTransient()).isTrue();
        assertThat(FaceIdServiceException.from("AuthFailure.SignatureFailure", "", "")).isInstanceOf(AuthenticationException.class);
        assertThat(FaceIdServiceException.from("AuthFailure.SignatureFailure", "", "").isTransient()).isFalse();
        assertThat(FaceIdServiceException.from("InvalidParameterValue.BizTokenExpired", "", "").isTransient()).isFalse();
        assertThat(FaceIdServiceException.from("InvalidParameterValue.BizTokenExpired", "", ""))
                .isInstanceOf(BizTokenExpiredException.class);
        assertThat(FaceIdServiceException.from("InvalidParameterValue.BizTokenIllegal", "", ""))
                .isInstanceOf(BizTokenIllegalException.class);
        assertThat(FaceIdServiceException.from("RequestLimitExceeded", "", "")).isInstanceOf(RateLimitExceededException.class);
    }

    @Test
    void brokenBodiesBecomeDecodingExceptionsWithAMaskedExcerpt() {
        String truncated = "{\"Response\":{\"ErrorCode\":0,\"OCRResult\":[{\"CardInfo\":{\"MLIDCard\":{\"Name\":\"SYNTHETIC PERS";
        assertThatThrownBy(() -> decode(truncated)).isInstanceOfSatisfying(FaceIdDecodingException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(200);
            assertThat(e.bodyExcerpt()).startsWith("{\"Response\":{\"ErrorCode\":0").doesNotContain("SYNTHETIC");
            assertThat(e.getMessage()).doesNotContain("SYNTHETIC");
        });
        assertThatThrownBy(() -> decode("{\"Response\":{\"ErrorCode\":\"abc SYNTHETIC\"}}"))
                .isInstanceOf(FaceIdDecodingException.class).hasMessageNotContaining("SYNTHETIC");
        assertThatThrownBy(() -> decode("")).isInstanceOf(FaceIdDecodingException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> decode("{}")).isInstanceOf(FaceIdDecodingException.class).hasMessageContaining("no Response");
        assertThatThrownBy(() -> decode("[1,2]")).isInstanceOf(FaceIdDecodingException.class);
        assertThatThrownBy(() -> decode("<html>oops</html>")).isInstanceOfSatisfying(FaceIdDecodingException.class,
                e -> assertThat(e.bodyExcerpt()).isEqualTo("<html>oops</html>"));
        byte[] html = "<html><body>502 Bad Gateway</body></html>".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> decoder.decode(502, html, html.length)).isInstanceOfSatisfying(FaceIdDecodingException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(502);
            assertThat(e.isTransient()).isTrue();
            assertThat(e.getMessage()).contains("HTTP 502", "Bad Gateway");
        });
    }

    @Test
    void excerptIsBounded() {
        String big = "x".repeat(10_000);
        byte[] body = big.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> decoder.decode(200, body, body.length)).isInstanceOfSatisfying(FaceIdDecodingException.class,
                e -> assertThat(e.bodyExcerpt().length()).isLessThanOrEqualTo(ResponseDecoder.EXCERPT_CHARS + 3));
    }

    @Test
    void requestBodyUsesTheApiName() {
        assertThat(new String(new ResultRequest().body("EE13636D-1985"), StandardCharsets.UTF_8)).isEqualTo("{\"BizToken\":\"EE13636D-1985\"}");
    }

    @Test
    void resultJsonWritesTheApiNamesAndMediaAsChosen() {
        VerificationResult result = decode("{\"Response\":{\"ErrorCode\":0,\"VideoBase64\":\"aGVsbG8=\",\"RequestId\":\"r\","
                + "\"OCRResult\":[{\"CardInfo\":{\"MLIDCard\":{\"ID\":\"1\"}}}]}}");
        String json = ResultJson.writer(m -> "<" + m.size() + " bytes>", false).toJson(result);
        assertThat(json).contains("\"ErrorCode\":0", "\"VideoBase64\":\"<5 bytes>\"", "\"OCRResult\":[", "\"MLIDCard\":{\"ID\":\"1\"}",
                "\"RequestId\":\"r\"").doesNotContain("aGVsbG8=", "passed", "attempts");
    }

    @Test
    void mediaAreSlicesOfTheBodyEvenWithEscapesAndAtAnyDepth() {
        VerificationResult result = decode("{\"Response\":{\"VideoBase64\":\"aGVs\\/G8=\",\"BestFrameBase64\":\"\","
                + "\"OCRResult\":[{\"HeadImageBase64\":\"AAEC\",\"CardInfo\":{\"GeneralCard\":{\"FullName\":\"#0\"}}}],"
                + "\"Extra\":\"#1\",\"RequestId\":\"r\"}}");
        assertThat(result.videoBase64().toBase64()).isEqualTo("aGVs/G8=");
        assertThat(result.bestFrameBase64().size()).isZero();
        assertThat(result.ocrResult().get(0).headImageBase64().toByteArray()).containsExactly(0, 1, 2);
        assertThat(result.ocrResult().get(0).cardInfo().generalCard().fullName()).isEqualTo("#0");
        assertThat(result.extra()).isEqualTo("#1");
    }

    @Test
    void documentsThatWouldStallTheParserAreRefusedQuickly() {
        // an unknown member cut off mid-array: the JSON-P parser's skip loops forever on this (found by fuzzing)
        assertThatThrownBy(() -> decode("{\"Response\":{\"Unknown\":[1,2")).isInstanceOf(FaceIdDecodingException.class);
        assertThatThrownBy(() -> decode("{\"Response\":{\"Unknown\":{\"a\":")).isInstanceOf(FaceIdDecodingException.class);
        // exponents whose big-decimal conversion to a Long would run for minutes
        assertThatThrownBy(() -> decode("{\"Response\":{\"ErrorCode\":1e999999999}}")).isInstanceOf(FaceIdDecodingException.class);
        assertThatThrownBy(() -> decode("{\"Response\":{\"ErrorCode\":1e-999999999}}")).isInstanceOf(FaceIdDecodingException.class);
        assertThatThrownBy(() -> decode("{\"Response\":{}} trailing")).isInstanceOf(FaceIdDecodingException.class);
        assertThatThrownBy(() -> decode("[".repeat(10_000))).isInstanceOf(FaceIdDecodingException.class);
    }

    @Test
    void aLongUnterminatedStringIsADecodingFailureEvenOnASmallThreadStack() throws Exception {
        // a string of 800 characters, unterminated, inside the excerpt: the excerpt's masking once recursed once
        // per character (regex) and overflowed a 256 KiB stack, as some servers' request threads have
        String json = "{\"Response\":{\"ErrorMsg\":\"" + "a\\\"".repeat(300);
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
        Thread small = new Thread(null, () -> {
            try {
                decode(json);
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "small-stack", 256 * 1024);
        small.start();
        small.join();
        assertThat(thrown.get()).isInstanceOf(FaceIdDecodingException.class);
        assertThat(((FaceIdDecodingException) thrown.get()).bodyExcerpt()).startsWith("{\"Response\":{\"ErrorMsg\":\"***")
                .doesNotContain("a\\\"a");
    }

    private static String excerpt(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return Redaction.bodyExcerpt(bytes, bytes.length, 200);
    }

    @Test
    void excerptsMaskEveryStringValueAndKeepNames() {
        assertThat(excerpt("{\"Name\" : \"Jane \\\"Q\\\" Doe\",\"Id\":\"X1\",\"N\":[\"a\",\"b\"],\"k\":1}"))
                .isEqualTo("{\"Name\" : \"***\",\"Id\":\"***\",\"N\":[\"***\",\"***\"],\"k\":1}");
        assertThat(excerpt("{\"a\":\"open"))
                .isEqualTo("{\"a\":\"***");
        assertThat(excerpt("<html>\"x\"</html>"))
                .isEqualTo("<html>\"x\"</html>");
    }

    @Test
    void aValueOfTheWrongTypeIsReportedWithItsPathButNotItsValue() {
        byte[] body = "{\"Response\":{\"ErrorCode\":\"Alice1234\",\"RequestId\":\"r\"}}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new ResponseDecoder().decode(200, body, body.length))
                .isInstanceOf(io.github.faceid4j.FaceIdDecodingException.class)
                .hasMessageContaining("expected shape at ").hasMessageContaining("ErrorCode")
                .hasMessageNotContaining("Alice1234");
        byte[] nested = ("{\"Response\":{\"ErrorCode\":0,\"VerificationDetailList\":[{\"Similarity\":\"Bob5678\"}],"
                + "\"RequestId\":\"r\"}}").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new ResponseDecoder().decode(200, nested, nested.length))
                .isInstanceOf(io.github.faceid4j.FaceIdDecodingException.class)
                .hasMessageContaining("Similarity").hasMessageNotContaining("Bob5678");
    }
}
