package io.github.faceid4j.emulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server side of TC3-HMAC-SHA256, written from Tencent's signature v3 description only.
 *
 * <p>It is parameterised by service name so that its unit test can replay Tencent's published {@code cvm}
 * example; the emulator itself always passes {@code faceid}. Every intermediate step is a separate method so
 * tests can pin each value, the way a failing signature is actually debugged.
 */
final class Tc3Verifier {

    static final String ALGORITHM = "TC3-HMAC-SHA256";
    static final String TERMINATOR = "tc3_request";

    private Tc3Verifier() {
    }

    /** The parts of an {@code Authorization} header; produced only by {@link #parseAuthorization}. */
    record Authorization(String secretId, String date, String service, List<String> signedHeaders,
                         String signature) {

        String signedHeadersJoined() {
            return String.join(";", signedHeaders);
        }
    }

    /**
     * Parses {@code TC3-HMAC-SHA256 Credential=<id>/<date>/<service>/tc3_request, SignedHeaders=a;b, Signature=<hex>}.
     *
     * @return the parsed header, or empty when it is not well formed (the caller answers
     *         {@code AuthFailure.InvalidAuthorization}; the reason is not needed by clients)
     */
    static Optional<Authorization> parseAuthorization(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String value = header.trim();
        if (!value.startsWith(ALGORITHM + " ")) {
            return Optional.empty();
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : value.substring(ALGORITHM.length() + 1).split(",")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq <= 0) {
                return Optional.empty();
            }
            String key = p.substring(0, eq).trim();
            String val = p.substring(eq + 1).trim();
            switch (key) {
                case "Credential" -> credential = credential == null ? val : null;
                case "SignedHeaders" -> signedHeaders = signedHeaders == null ? val : null;
                case "Signature" -> signature = signature == null ? val : null;
                default -> {
                    return Optional.empty();
                }
            }
        }
        if (credential == null || signedHeaders == null || signature == null) {
            return Optional.empty();
        }
        String[] scope = credential.split("/", -1);
        if (scope.length != 4 || scope[0].isEmpty() || scope[2].isEmpty() || !TERMINATOR.equals(scope[3])
                || !isIsoDate(scope[1])) {
            return Optional.empty();
        }
        if (!signature.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>(Arrays.asList(signedHeaders.split(";", -1)));
        for (String name : names) {
            // Names must already be in canonical (lower-case) form: the header is what the client signed.
            if (name.isEmpty() || !name.equals(name.toLowerCase(Locale.ROOT)) || name.contains(" ")) {
                return Optional.empty();
            }
        }
        if (names.stream().distinct().count() != names.size()) {
            return Optional.empty();
        }
        return Optional.of(new Authorization(scope[0], scope[1], scope[2], List.copyOf(names), signature));
    }

    private static boolean isIsoDate(String s) {
        if (!s.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return false;
        }
        try {
            LocalDate.parse(s);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * Canonical headers block: {@code name:value\n} per signed header, in the signed order.
     *
     * @param headerValue looks up a request header's value by lower-case name (null when absent)
     * @param valueMapper how to turn the sent value into its canonical form (see {@link FaceIdEmulator}'s handler
     *                    for why two forms are tried)
     * @return the block, or empty when a signed header was not sent
     */
    static Optional<String> canonicalHeaders(List<String> signedHeaders, Function<String, String> headerValue,
                                             CanonicalValues valueMapper) {
        StringBuilder sb = new StringBuilder();
        for (String name : signedHeaders) {
            String value = headerValue.apply(name);
            if (value == null) {
                return Optional.empty();
            }
            sb.append(name).append(':').append(valueMapper.canonical(name, value.trim())).append('\n');
        }
        return Optional.of(sb.toString());
    }

    /** How header values enter the canonical request. */
    enum CanonicalValues {
        /** Tencent's signature v3 page: "key and value are converted to lower case, surrounding spaces removed". */
        ALL_LOWER_CASE {
            @Override
            String canonical(String name, String trimmedValue) {
                return trimmedValue.toLowerCase(Locale.ROOT);
            }
        },
        /**
         * Values as sent, except {@code x-tc-action}, which every published example lower-cases, and {@code host},
         * which the service lower-cases whatever the client typed (an endpoint {@code https://FaceID...} signed as
         * typed fails there, so it fails here). Clients that sign e.g. {@code charset=UTF-8} verbatim follow the
         * SDK examples literally; a tolerant emulator accepts them too.
         */
        AS_SENT {
            @Override
            String canonical(String name, String trimmedValue) {
                return "x-tc-action".equals(name) || "host".equals(name) ? trimmedValue.toLowerCase(Locale.ROOT)
                        : trimmedValue;
            }
        };

        abstract String canonical(String name, String trimmedValue);

        /**
         * The forms a signature is checked against. Strict (the default): only the documented rule, so a client that
         * signs a value differently (say {@code charset=UTF-8}) fails here as it would at a server that follows its
         * documentation to the letter. Tolerant: the documented rule, then values as sent.
         */
        static List<CanonicalValues> accepted(boolean tolerant) {
            return tolerant ? List.of(ALL_LOWER_CASE, AS_SENT) : List.of(ALL_LOWER_CASE);
        }
    }

    /** {@code POST\n/\n\n} + canonical headers + {@code \n} + signed header names + {@code \n} + hex(sha256(body)). */
    static String canonicalRequest(String method, String canonicalUri, String canonicalQuery, String canonicalHeaders,
                                   String signedHeaders, String payloadSha256Hex) {
        return method + '\n' + canonicalUri + '\n' + canonicalQuery + '\n' + canonicalHeaders + '\n'
                + signedHeaders + '\n' + payloadSha256Hex;
    }

    static String stringToSign(long timestamp, String date, String service, String canonicalRequestSha256Hex) {
        return ALGORITHM + '\n' + timestamp + '\n' + credentialScope(date, service) + '\n' + canonicalRequestSha256Hex;
    }

    static String credentialScope(String date, String service) {
        return date + '/' + service + '/' + TERMINATOR;
    }

    /** kDate = HMAC("TC3" + key, date); kService = HMAC(kDate, service); kSigning = HMAC(kService, "tc3_request"). */
    static byte[] signingKey(String secretKey, String date, String service) {
        byte[] kDate = hmacSha256(("TC3" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        byte[] kService = hmacSha256(kDate, service);
        return hmacSha256(kService, TERMINATOR);
    }

    static String signature(byte[] signingKey, String stringToSign) {
        return hex(hmacSha256(signingKey, stringToSign));
    }

    /** Constant-time comparison, so the emulator does not model a timing oracle a real server would not have. */
    static boolean signaturesMatch(String expectedHex, String providedHex) {
        return MessageDigest.isEqual(expectedHex.getBytes(StandardCharsets.US_ASCII),
                providedHex.getBytes(StandardCharsets.US_ASCII));
    }

    static String sha256Hex(byte[] data) {
        try {
            return hex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    static String sha256Hex(String utf8) {
        return sha256Hex(utf8.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmacSha256(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
    }

    static String hex(byte[] bytes) {
        char[] digits = "0123456789abcdef".toCharArray();
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = digits[(bytes[i] >> 4) & 0xf];
            out[2 * i + 1] = digits[bytes[i] & 0xf];
        }
        return new String(out);
    }
}
