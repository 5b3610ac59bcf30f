package io.github.faceid4j.client;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

/**
 * TC3-HMAC-SHA256, Tencent Cloud's signature v3, as a pure function: the same request, credentials and instant
 * always give the same signature. Each step is its own method so that a test can walk Tencent's published
 * example value by value.
 *
 * <p>Signed headers are {@code content-type;host}, the minimum the service requires. The service name is
 * {@code faceid} whatever host the request goes to, so a loopback emulator verifies the same way.
 */
final class Tc3Signer {

    static final String ALGORITHM = "TC3-HMAC-SHA256";
    static final String SIGNED_HEADERS = "content-type;host";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    private final String service;

    Tc3Signer(String service) {
        this.service = service;
    }

    /** Step 1: lowercase hex SHA-256 of the exact body bytes. */
    static String payloadHash(byte[] body) {
        return HEX.formatHex(sha256(body));
    }

    /**
     * Step 1: the canonical request for a POST to {@code /} with no query. Header values enter it lower-cased, as the
     * signing page says ("key and value are converted to lower case"), whatever case they are sent in.
     */
    static String canonicalRequest(String contentType, String host, byte[] body) {
        return "POST\n/\n\n"
                + "content-type:" + contentType.toLowerCase(Locale.ROOT) + "\n"
                + "host:" + host + "\n"
                + "\n"
                + SIGNED_HEADERS + "\n"
                + payloadHash(body);
    }

    /** Step 1 for a body that is streamed, not held: its SHA-256 was computed while reading it once. */
    static String canonicalRequest(String contentType, String host, String payloadHash) {
        return "POST\n/\n\n"
                + "content-type:" + contentType + "\n"
                + "host:" + host + "\n"
                + "\n"
                + SIGNED_HEADERS + "\n"
                + payloadHash;
    }

    /** The UTC date of the timestamp, as it appears in the credential scope. */
    static String date(long epochSeconds) {
        return DATE.format(Instant.ofEpochSecond(epochSeconds));
    }

    String credentialScope(long epochSeconds) {
        return date(epochSeconds) + "/" + service + "/tc3_request";
    }

    /** Step 2: the string to sign. */
    String stringToSign(String canonicalRequest, long epochSeconds) {
        return ALGORITHM + "\n" + epochSeconds + "\n" + credentialScope(epochSeconds) + "\n"
                + HEX.formatHex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    }

    /** Step 3: the signing key derived from the secret key, the date and the service. */
    byte[] signingKey(String secretKey, long epochSeconds) {
        byte[] kDate = hmac(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date(epochSeconds));
        byte[] kService = hmac(kDate, service);
        return hmac(kService, "tc3_request");
    }

    /** Step 3: the signature, lowercase hex. */
    static String signature(byte[] signingKey, String stringToSign) {
        return HEX.formatHex(hmac(signingKey, stringToSign));
    }

    /** Step 4: the Authorization header value. */
    String authorization(String secretId, long epochSeconds, String signature) {
        return ALGORITHM + " Credential=" + secretId + "/" + credentialScope(epochSeconds)
                + ", SignedHeaders=" + SIGNED_HEADERS + ", Signature=" + signature;
    }

    /** All steps: the Authorization header for a request. */
    String sign(String secretId, String secretKey, long epochSeconds, String contentType, String host, byte[] body) {
        String toSign = stringToSign(canonicalRequest(contentType, host, body), epochSeconds);
        return authorization(secretId, epochSeconds, signature(signingKey(secretKey, epochSeconds), toSign));
    }

    /** All steps, for a body known by its SHA-256 (lowercase hex) rather than its bytes. */
    String signHashed(String secretId, String secretKey, long epochSeconds, String contentType, String host,
                      String payloadHash) {
        String toSign = stringToSign(canonicalRequest(contentType, host, payloadHash), epochSeconds);
        return authorization(secretId, epochSeconds, signature(signingKey(secretKey, epochSeconds), toSign));
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
    }
}
