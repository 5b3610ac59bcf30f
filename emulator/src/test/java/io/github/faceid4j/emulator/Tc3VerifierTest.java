package io.github.faceid4j.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Replays Tencent's published signature v3 example (service cvm) through the emulator's verifier, step by step. */
class Tc3VerifierTest {

    static final String SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";
    static final String BODY = "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], "
            + "\"Name\": \"instance-name\"}]}";
    static final long TIMESTAMP = 1551113065L;
    static final String DATE = "2019-02-25";
    static final String SIGNATURE = "72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168";

    @Test
    void publishedExampleStepByStep() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(body).hasSize(86);
        String payloadHash = Tc3Verifier.sha256Hex(body);
        assertThat(payloadHash).isEqualTo("35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");

        Map<String, String> sent = Map.of("content-type", "application/json; charset=utf-8",
                "host", "cvm.tencentcloudapi.com");
        String headers = Tc3Verifier.canonicalHeaders(List.of("content-type", "host"), sent::get,
                Tc3Verifier.CanonicalValues.ALL_LOWER_CASE).orElseThrow();
        String canonical = Tc3Verifier.canonicalRequest("POST", "/", "", headers, "content-type;host", payloadHash);
        assertThat(canonical).isEqualTo("POST\n/\n\ncontent-type:application/json; charset=utf-8\n"
                + "host:cvm.tencentcloudapi.com\n\ncontent-type;host\n" + payloadHash);
        String canonicalHash = Tc3Verifier.sha256Hex(canonical);
        assertThat(canonicalHash).isEqualTo("5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031");

        String sts = Tc3Verifier.stringToSign(TIMESTAMP, DATE, "cvm", canonicalHash);
        assertThat(sts).isEqualTo("TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n" + canonicalHash);

        byte[] key = Tc3Verifier.signingKey(SECRET_KEY, DATE, "cvm");
        assertThat(Tc3Verifier.hex(key)).isEqualTo("ac658d5dde49e9bfdd14e04e062f66b05d9f637d44b8a8d845327d4a77f666b1");
        String signature = Tc3Verifier.signature(key, sts);
        assertThat(signature).isEqualTo(SIGNATURE);
        assertThat(Tc3Verifier.signaturesMatch(signature, SIGNATURE)).isTrue();
        assertThat(Tc3Verifier.signaturesMatch(signature, SIGNATURE.replace('7', '8'))).isFalse();
    }

    @Test
    void asSentFormKeepsCaseExceptForAction() {
        Map<String, String> sent = Map.of("content-type", " application/json; charset=UTF-8 ",
                "host", "127.0.0.1:1", "x-tc-action", "GetWebVerificationResultIntl");
        List<String> names = List.of("content-type", "host", "x-tc-action");
        assertThat(Tc3Verifier.canonicalHeaders(names, sent::get, Tc3Verifier.CanonicalValues.AS_SENT))
                .contains("content-type:application/json; charset=UTF-8\nhost:127.0.0.1:1\n"
                        + "x-tc-action:getwebverificationresultintl\n");
        assertThat(Tc3Verifier.canonicalHeaders(names, sent::get, Tc3Verifier.CanonicalValues.ALL_LOWER_CASE))
                .contains("content-type:application/json; charset=utf-8\nhost:127.0.0.1:1\n"
                        + "x-tc-action:getwebverificationresultintl\n");
        assertThat(Tc3Verifier.canonicalHeaders(List.of("x-missing"), sent::get,
                Tc3Verifier.CanonicalValues.AS_SENT)).isEmpty();
    }

    @Test
    void parsesWellFormedAuthorization() {
        var a = Tc3Verifier.parseAuthorization("TC3-HMAC-SHA256 Credential=AKIDEXAMPLE/2019-02-25/cvm/tc3_request, "
                + "SignedHeaders=content-type;host, Signature=" + SIGNATURE).orElseThrow();
        assertThat(a.secretId()).isEqualTo("AKIDEXAMPLE");
        assertThat(a.date()).isEqualTo(DATE);
        assertThat(a.service()).isEqualTo("cvm");
        assertThat(a.signedHeaders()).containsExactly("content-type", "host");
        assertThat(a.signature()).isEqualTo(SIGNATURE);
    }

    @Test
    void rejectsMalformedAuthorization() {
        String ok = "Credential=AK/2019-02-25/faceid/tc3_request, SignedHeaders=content-type;host, Signature="
                + SIGNATURE;
        for (String bad : List.of(
                "",
                ok,
                "HMAC-SHA256 " + ok,
                "TC3-HMAC-SHA256 Credential=AK/2019-02-25/faceid, SignedHeaders=content-type;host, Signature=" + SIGNATURE,
                "TC3-HMAC-SHA256 Credential=AK/2019-02-30/faceid/tc3_request, SignedHeaders=host, Signature=" + SIGNATURE,
                "TC3-HMAC-SHA256 Credential=AK/20190225/faceid/tc3_request, SignedHeaders=host, Signature=" + SIGNATURE,
                "TC3-HMAC-SHA256 Credential=AK/2019-02-25/faceid/tc3_request, SignedHeaders=host, Signature=xyz",
                "TC3-HMAC-SHA256 Credential=AK/2019-02-25/faceid/tc3_request, SignedHeaders=Host, Signature=" + SIGNATURE,
                "TC3-HMAC-SHA256 Credential=AK/2019-02-25/faceid/tc3_request, SignedHeaders=host;;a, Signature="
                        + SIGNATURE,
                "TC3-HMAC-SHA256 Credential=AK/2019-02-25/faceid/tc3_request, Signature=" + SIGNATURE,
                "TC3-HMAC-SHA256 " + ok + ", Extra=1")) {
            assertThat(Tc3Verifier.parseAuthorization(bad)).as(bad).isEmpty();
        }
        assertThat(Tc3Verifier.parseAuthorization(null)).isEmpty();
    }
}
