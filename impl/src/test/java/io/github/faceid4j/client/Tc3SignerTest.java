package io.github.faceid4j.client;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** Walks Tencent's published signature v3 example step by step (values from the API's signing page). */
class Tc3SignerTest {

    static final String SECRET_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
    static final String SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";
    static final long TIMESTAMP = 1551113065L;
    static final String CONTENT_TYPE = "application/json; charset=utf-8";
    static final String HOST = "cvm.tencentcloudapi.com";
    // literal backslash-u escapes, 86 bytes, exactly as the example sends them
    static final byte[] BODY = "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], \"Name\": \"instance-name\"}]}"
            .getBytes(StandardCharsets.UTF_8);

    final Tc3Signer signer = new Tc3Signer("cvm");

    @Test
    void payloadHash() {
        assertThat(BODY).hasSize(86);
        assertThat(Tc3Signer.payloadHash(BODY)).isEqualTo("35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
    }

    @Test
    void canonicalRequestHash() {
        String canonical = Tc3Signer.canonicalRequest(CONTENT_TYPE, HOST, BODY);
        assertThat(canonical).isEqualTo("POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\n"
                + "content-type;host\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
        String toSign = signer.stringToSign(canonical, TIMESTAMP);
        assertThat(toSign).isEqualTo("TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n"
                + "5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031");
    }

    @Test
    void headerValuesAreSignedLowerCasedAsDocumented() {
        assertThat(Tc3Signer.canonicalRequest("application/json; charset=UTF-8", HOST, BODY))
                .isEqualTo(Tc3Signer.canonicalRequest(CONTENT_TYPE, HOST, BODY))
                .contains("\ncontent-type:application/json; charset=utf-8\n");
    }

    @Test
    void signingKey() {
        assertThat(HexFormat.of().formatHex(signer.signingKey(SECRET_KEY, TIMESTAMP)))
                .isEqualTo("ac658d5dde49e9bfdd14e04e062f66b05d9f637d44b8a8d845327d4a77f666b1");
    }

    @Test
    void signatureAndAuthorization() {
        String authorization = signer.sign(SECRET_ID, SECRET_KEY, TIMESTAMP, CONTENT_TYPE, HOST, BODY);
        assertThat(authorization).isEqualTo("TC3-HMAC-SHA256 Credential=" + SECRET_ID + "/2019-02-25/cvm/tc3_request, "
                + "SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
    }

    @Test
    void dateIsTheUtcDateOfTheTimestamp() {
        assertThat(Tc3Signer.date(0)).isEqualTo("1970-01-01");
        assertThat(Tc3Signer.date(1551139199)).isEqualTo("2019-02-25"); // 23:59:59 UTC
        assertThat(Tc3Signer.date(1551139200)).isEqualTo("2019-02-26");
    }

    @Test
    void hostHeaderCarriesOnlyNonDefaultPorts() {
        assertThat(SigningFilter.hostHeader(java.net.URI.create("https://faceid.tencentcloudapi.com/"))).isEqualTo("faceid.tencentcloudapi.com");
        assertThat(SigningFilter.hostHeader(java.net.URI.create("https://faceid.tencentcloudapi.com:443/"))).isEqualTo("faceid.tencentcloudapi.com");
        assertThat(SigningFilter.hostHeader(java.net.URI.create("http://127.0.0.1:8123/"))).isEqualTo("127.0.0.1:8123");
    }
}
