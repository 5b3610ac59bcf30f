package io.github.faceid4j.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each check the service makes before looking at the BizToken, and the code it answers. */
class AuthenticationTest {

    static FaceIdEmulator emulator;
    TestClient client;

    @BeforeAll
    static void start() {
        emulator = FaceIdEmulator.builder().rateLimitPerSecond(1_000).build().start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @BeforeEach
    void clean() {
        emulator.reset();
        client = new TestClient(emulator);
    }

    @Test
    void correctRequestIsAccepted() throws Exception {
        assertThat(client.call("passed-1").errorCode()).isNull();
        assertThat(emulator.requests().get(0).signatureValid()).isTrue();
    }

    @Test
    void bothRegionsAreAccepted() throws Exception {
        var jakarta = client.call("passed-1");
        jakarta.region = "ap-jakarta";
        assertThat(jakarta.errorCode()).isNull();
    }

    @Test
    void actionIsChecked() throws Exception {
        var wrong = client.call("passed-1");
        wrong.action = "GetWebVerificationResult";
        assertThat(wrong.errorCode()).isEqualTo("InvalidAction");
        var missing = client.call("passed-1");
        missing.action = null;
        assertThat(missing.errorCode()).isEqualTo("MissingParameter");
    }

    @Test
    void versionIsChecked() throws Exception {
        var wrong = client.call("passed-1");
        wrong.version = "2017-03-12";
        assertThat(wrong.errorCode()).isEqualTo("NoSuchVersion");
        var missing = client.call("passed-1");
        missing.version = null;
        assertThat(missing.errorCode()).isEqualTo("MissingParameter");
    }

    @Test
    void regionIsChecked() throws Exception {
        var wrong = client.call("passed-1");
        wrong.region = "ap-guangzhou";
        assertThat(wrong.errorCode()).isEqualTo("UnsupportedRegion");
        var missing = client.call("passed-1");
        missing.region = null;
        assertThat(missing.errorCode()).isEqualTo("MissingParameter");
    }

    @Test
    void timestampMustBeWithinFiveMinutes() throws Exception {
        // on a pinned clock: the wall clock moving on between "now" and the request's arrival (a loaded machine)
        // would otherwise shift the boundary under the test
        Instant fixed = Instant.parse("2026-11-30T12:00:00Z");
        try (FaceIdEmulator pinned = FaceIdEmulator.builder().clock(Clock.fixed(fixed, ZoneOffset.UTC)).build()
                .start()) {
            TestClient c = new TestClient(pinned);
            long now = fixed.getEpochSecond();
            for (long offset : new long[] {-301, 301}) {
                var off = c.call("passed-1");
                off.timestamp = now + offset;
                assertThat(off.errorCode()).as("%+d s", offset).isEqualTo("AuthFailure.SignatureExpire");
            }
            for (long offset : new long[] {-300, -240, 0, 300}) {
                var within = c.call("passed-1");
                within.timestamp = now + offset;
                assertThat(within.errorCode()).as("%+d s", offset).isNull();
            }
        }
    }

    @Test
    void timestampFollowsTheEmulatorClock() throws Exception {
        Instant fixed = Instant.parse("2019-02-25T17:24:25Z");
        try (FaceIdEmulator pinned = FaceIdEmulator.builder().clock(Clock.fixed(fixed, ZoneOffset.UTC)).build()
                .start()) {
            TestClient c = new TestClient(pinned);
            var then = c.call("passed-1");
            then.timestamp = fixed.getEpochSecond() - 10;
            assertThat(then.errorCode()).isNull();
            assertThat(c.call("passed-1").errorCode()).isEqualTo("AuthFailure.SignatureExpire");
            assertThat(pinned.requests().get(0).arrival()).isEqualTo(fixed);
        }
    }

    @Test
    void scopeDateIsTheUtcDateEvenWhereTheJvmZoneIsAlreadyOnTheNextDay() throws Exception {
        // 23:59:30 UTC is 08:59:30 the next day in the build's test zone (Asia/Tokyo, see the parent POM)
        Instant lateUtc = Instant.parse("2019-02-25T23:59:30Z");
        try (FaceIdEmulator pinned = FaceIdEmulator.builder().clock(Clock.fixed(lateUtc, ZoneOffset.UTC)).build()
                .start()) {
            TestClient c = new TestClient(pinned);
            var utcDate = c.call("passed-1");
            utcDate.timestamp = lateUtc.getEpochSecond();
            assertThat(utcDate.errorCode()).isNull();
            var localDate = c.call("passed-1");
            localDate.timestamp = lateUtc.getEpochSecond();
            localDate.scopeDate = "2019-02-26";
            assertThat(localDate.errorCode()).isEqualTo("AuthFailure.InvalidAuthorization");
        }
    }

    @Test
    void timestampMustBePresentAndAWholeNumber() throws Exception {
        var missing = client.call("passed-1");
        missing.timestampHeader = "";
        assertThat(missing.errorCode()).isEqualTo("MissingParameter");
        var text = client.call("passed-1");
        text.timestampHeader = "soon";
        assertThat(text.response().getJsonObject("Error").getString("Message"))
                .isEqualTo("The value of `Timestamp` is not an integer.");
    }

    @Test
    void rejectedRequestsAreLoggedWithTheirBizToken() throws Exception {
        var wrongKey = client.call("passed-logged");
        wrongKey.secretKey = "not-the-key";
        assertThat(wrongKey.errorCode()).isEqualTo("AuthFailure.SignatureFailure");
        assertThat(emulator.requests()).singleElement().satisfies(r -> {
            assertThat(r.bizToken()).isEqualTo("passed-logged");
            assertThat(r.accepted()).isFalse();
        });
    }

    @Test
    void clientInputEchoedInMessagesIsPrintableAndBounded() throws Exception {
        var unknown = client.call("passed-1");
        unknown.action = "NoSuchAction\u00e9";
        assertThat(unknown.response().getJsonObject("Error").getString("Message"))
                .isEqualTo("The requested action `NoSuchAction?` does not exist or is not supported by this endpoint.");
        String sixtyFour = "A".repeat(64);
        var exact = client.call("passed-1");
        exact.action = sixtyFour;
        assertThat(exact.response().getJsonObject("Error").getString("Message")).contains("`" + sixtyFour + "`");
        var longer = client.call("passed-1");
        longer.action = sixtyFour + "B";
        assertThat(longer.response().getJsonObject("Error").getString("Message")).contains("`" + sixtyFour + "...`");
    }

    @Test
    void authorizationMustBePresentAndWellFormed() throws Exception {
        var missing = client.call("passed-1");
        missing.omitAuthorization = true;
        assertThat(missing.errorCode()).isEqualTo("AuthFailure.InvalidAuthorization");
        var garbage = client.call("passed-1");
        garbage.authorization = "Bearer abc";
        assertThat(garbage.errorCode()).isEqualTo("AuthFailure.InvalidAuthorization");
        var noSignature = client.call("passed-1");
        noSignature.authorization = "TC3-HMAC-SHA256 Credential=" + emulator.secretId()
                + "/2020-01-01/faceid/tc3_request, SignedHeaders=content-type;host";
        assertThat(noSignature.errorCode()).isEqualTo("AuthFailure.InvalidAuthorization");
    }

    @Test
    void scopeDateMustMatchTimestampAndServiceMustBeFaceid() throws Exception {
        var wrongDate = client.call("passed-1");
        wrongDate.scopeDate = "2001-01-01";
        assertThat(wrongDate.errorCode()).isEqualTo("AuthFailure.InvalidAuthorization");
        var wrongService = client.call("passed-1");
        wrongService.service = "cvm";
        assertThat(wrongService.errorCode()).isEqualTo("AuthFailure.InvalidAuthorization");
    }

    @Test
    void contentTypeAndHostMustBeSigned() throws Exception {
        var hostOnly = client.call("passed-1");
        hostOnly.signedHeaders = "host";
        assertThat(hostOnly.errorCode()).isEqualTo("AuthFailure.InvalidAuthorization");
    }

    @Test
    void signedHeaderThatWasNotSentIsInvalid() throws Exception {
        var c = client.call("passed-1");
        c.signedHeaders = "content-type;host;x-tc-missing";
        assertThat(c.errorCode()).isEqualTo("AuthFailure.InvalidAuthorization");
    }

    @Test
    void unknownSecretId() throws Exception {
        var c = client.call("passed-1");
        c.secretId = "AKIDUNKNOWN";
        assertThat(c.errorCode()).isEqualTo("AuthFailure.SecretIdNotFound");
    }

    @Test
    void wrongKeyOrChangedBodyFailsTheSignature() throws Exception {
        var wrongKey = client.call("passed-1");
        wrongKey.secretKey = "not-the-key";
        assertThat(wrongKey.errorCode()).isEqualTo("AuthFailure.SignatureFailure");
        var tampered = client.call("passed-1");
        tampered.tamperAfterSigning = true;
        assertThat(tampered.errorCode()).isEqualTo("AuthFailure.SignatureFailure");
        assertThat(emulator.requests()).allSatisfy(r -> assertThat(r.signatureValid()).isFalse());
    }

    @Test
    void signingXTcActionLowerCasedIsAccepted() throws Exception {
        var c = client.call("passed-1");
        c.signedHeaders = "content-type;host;x-tc-action";
        assertThat(c.errorCode()).isNull();
    }

    @Test
    void contentTypeSignedAsSentWithUpperCaseIsRefusedByDefault() throws Exception {
        // the documented rule lower-cases values: the signature over charset=UTF-8 verbatim does not match
        var c = client.call("passed-1");
        c.contentType = "application/json; charset=UTF-8";
        assertThat(c.errorCode()).isEqualTo("AuthFailure.SignatureFailure");
    }

    @Test
    void contentTypeSignedAsSentWithUpperCaseIsAcceptedByATolerantEmulator() throws Exception {
        try (FaceIdEmulator tolerant = FaceIdEmulator.builder().tolerantCanonicalValues(true).build().start()) {
            var c = new TestClient(tolerant).call("passed-1");
            c.contentType = "application/json; charset=UTF-8";
            assertThat(c.errorCode()).isNull();
        }
    }

    @Test
    void sessionTokenIsRequiredWhenConfigured() throws Exception {
        try (FaceIdEmulator withToken = FaceIdEmulator.builder().credentials("AKIDTEMP", "temp-key")
                .sessionToken("session-token-1").build().start()) {
            TestClient c = new TestClient(withToken);
            assertThat(c.call("passed-1").errorCode()).isNull();
            var missing = c.call("passed-1");
            missing.token = null;
            assertThat(missing.errorCode()).isEqualTo("AuthFailure.TokenFailure");
            var wrong = c.call("passed-1");
            wrong.token = "other";
            assertThat(wrong.errorCode()).isEqualTo("AuthFailure.TokenFailure");
            var defaultCredentials = c.call("passed-1");
            defaultCredentials.secretId = FaceIdEmulator.DEFAULT_SECRET_ID;
            assertThat(defaultCredentials.errorCode()).isEqualTo("AuthFailure.SecretIdNotFound");
        }
    }

    @Test
    void bodyIsChecked() throws Exception {
        var empty = client.call(null);
        assertThat(empty.errorCode()).isEqualTo("MissingParameter");
        var blank = client.call("  ");
        assertThat(blank.errorCode()).isEqualTo("InvalidParameterValue");
        var notJson = client.call("x");
        notJson.body = "BizToken=abc";
        assertThat(notJson.errorCode()).isEqualTo("InvalidParameter");
        var array = client.call("x");
        array.body = "[]";
        assertThat(array.errorCode()).isEqualTo("InvalidParameter");
        var number = client.call("x");
        number.body = "{\"BizToken\":42}";
        assertThat(number.errorCode()).isEqualTo("InvalidParameter");
        var unknown = client.call("x");
        unknown.body = "{\"BizToken\":\"passed-1\",\"Foo\":1}";
        assertThat(unknown.errorCode()).isEqualTo("UnknownParameter");
        var text = client.call("passed-1");
        text.contentType = "text/plain; charset=utf-8";
        assertThat(text.errorCode()).isEqualTo("InvalidParameter");
        // Body problems come after authentication: those requests were signed correctly.
        assertThat(emulator.requests()).allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
        assertThat(emulator.requests().get(2).bizToken()).as("a body that is not JSON shows no BizToken").isNull();
    }

    @Test
    void requestBodyOverOneMebibyteIsRefused() throws Exception {
        var big = client.call("x");
        big.body = "{\"BizToken\":\"" + "a".repeat(ApiHandler.MAX_REQUEST_BYTES) + "\"}";
        assertThat(big.errorCode()).isEqualTo("RequestSizeLimitExceeded");
    }

    @Test
    void rejectedRequestsStillShowTheirBizToken() throws Exception {
        var c = client.call("passed-shown");
        c.secretKey = "wrong";
        c.send();
        assertThat(emulator.requests().get(0).bizToken()).isEqualTo("passed-shown");
    }

    @Test
    void onlyPostSlashIsServed() throws Exception {
        var get = client.call("passed-1");
        get.method = "GET";
        assertThat(get.errorCode()).isEqualTo("UnsupportedProtocol");
        var path = client.call("passed-1");
        path.path = "/other";
        assertThat(path.errorCode()).isEqualTo("UnsupportedProtocol");
    }

    @Test
    void errorMessagesNeverEchoTheSecretKey() throws Exception {
        var c = client.call("passed-1");
        c.secretKey = "wrong";
        String body = new String(c.send().body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body).doesNotContain(emulator.secretKey()).doesNotContain("wrong");
    }
}
