package io.github.faceid4j.emulator;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The checks the real service makes before it looks at a BizToken, in the order it makes them: protocol, common
 * parameters, then authentication. Pure: it sees headers, body and the time, and returns a verdict.
 */
final class RequestValidator {

    static final String ACTION = "GetWebVerificationResultIntl";
    static final String VERSION = "2018-03-01";
    static final String SERVICE = "faceid";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final JsonReaderFactory JSON = JsonProvider.provider().createReaderFactory(Map.of());

    private final String secretId;
    private final String secretKey;
    private final String sessionToken;
    private final Set<String> regions;
    private final Duration tolerance;
    private final Clock clock;
    private final java.util.List<Tc3Verifier.CanonicalValues> canonicalForms;

    RequestValidator(String secretId, String secretKey, String sessionToken, Set<String> regions, Duration tolerance,
                     Clock clock, boolean tolerantCanonicalValues) {
        this.canonicalForms = Tc3Verifier.CanonicalValues.accepted(tolerantCanonicalValues);
        this.secretId = secretId;
        this.secretKey = secretKey;
        this.sessionToken = sessionToken;
        this.regions = Set.copyOf(regions);
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** Outcome of authentication: {@code code == null} means authenticated. */
    record Verdict(String code, String message, boolean signatureValid) {
        static final Verdict OK = new Verdict(null, null, true);

        static Verdict error(String code, String message) {
            return new Verdict(code, message, false);
        }

        boolean ok() {
            return code == null;
        }
    }

    /** Outcome of reading the body: either a BizToken or an error. */
    record BodyVerdict(String bizToken, String code, String message) {
        boolean ok() {
            return code == null;
        }
    }

    /**
     * @param header looks up a request header by name, case-insensitively; null when absent
     */
    Verdict authenticate(String method, String path, Function<String, String> header, byte[] body) {
        if (!"POST".equals(method) || !"/".equals(path)) {
            return Verdict.error(ErrorCodes.UNSUPPORTED_PROTOCOL,
                    "The emulator only serves POST / (got " + method + " " + path + ").");
        }
        String action = header.apply("X-TC-Action");
        if (isBlank(action)) {
            return Verdict.error(ErrorCodes.MISSING_PARAMETER, "The request is missing a required parameter `Action`.");
        }
        if (!ACTION.equals(action.trim()) && !ApplyRequest.ACTION.equals(action.trim())) {
            return Verdict.error(ErrorCodes.INVALID_ACTION, "The requested action `" + printable(action)
                    + "` does not exist or is not supported by this endpoint.");
        }
        String version = header.apply("X-TC-Version");
        if (isBlank(version)) {
            return Verdict.error(ErrorCodes.MISSING_PARAMETER, "The request is missing a required parameter `Version`.");
        }
        if (!VERSION.equals(version.trim())) {
            return Verdict.error(ErrorCodes.NO_SUCH_VERSION, "The API version `" + printable(version)
                    + "` does not exist.");
        }
        String region = header.apply("X-TC-Region");
        if (isBlank(region)) {
            return Verdict.error(ErrorCodes.MISSING_PARAMETER, "The request is missing a required parameter `Region`.");
        }
        if (!regions.contains(region.trim())) {
            return Verdict.error(ErrorCodes.UNSUPPORTED_REGION, "The region `" + printable(region)
                    + "` is not supported by this action.");
        }

        Optional<Tc3Verifier.Authorization> parsed = Tc3Verifier.parseAuthorization(header.apply("Authorization"));
        if (parsed.isEmpty()) {
            return Verdict.error(ErrorCodes.INVALID_AUTHORIZATION, "The Authorization header is missing or not of "
                    + "the form `TC3-HMAC-SHA256 Credential=.../<date>/faceid/tc3_request, SignedHeaders=..., "
                    + "Signature=...`.");
        }
        Tc3Verifier.Authorization auth = parsed.get();

        String ts = header.apply("X-TC-Timestamp");
        if (isBlank(ts)) {
            return Verdict.error(ErrorCodes.MISSING_PARAMETER,
                    "The request is missing a required parameter `Timestamp`.");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(ts.trim());
        } catch (NumberFormatException e) {
            return Verdict.error(ErrorCodes.INVALID_PARAMETER_VALUE, "The value of `Timestamp` is not an integer.");
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - timestamp) > tolerance.toSeconds()) {
            return Verdict.error(ErrorCodes.SIGNATURE_EXPIRE, "Signature expired. Timestamp and server time cannot "
                    + "differ by more than " + tolerance.toMinutes() + " minutes (server time " + now + ").");
        }
        String expectedDate = DATE.format(Instant.ofEpochSecond(timestamp));
        if (!expectedDate.equals(auth.date())) {
            return Verdict.error(ErrorCodes.INVALID_AUTHORIZATION, "The credential scope date " + auth.date()
                    + " does not match the UTC date of X-TC-Timestamp (" + expectedDate + ").");
        }
        if (!SERVICE.equals(auth.service())) {
            return Verdict.error(ErrorCodes.INVALID_AUTHORIZATION, "The credential scope service `"
                    + printable(auth.service()) + "` is not `" + SERVICE + "`.");
        }
        if (!auth.signedHeaders().contains("content-type") || !auth.signedHeaders().contains("host")) {
            return Verdict.error(ErrorCodes.INVALID_AUTHORIZATION,
                    "SignedHeaders must include at least content-type and host.");
        }
        if (!secretId.equals(auth.secretId())) {
            return Verdict.error(ErrorCodes.SECRET_ID_NOT_FOUND,
                    "The SecretId is not found, please ensure that your SecretId is correct.");
        }

        SignatureCheck check = checkSignature(auth, header, body, timestamp);
        if (check == SignatureCheck.SIGNED_HEADER_MISSING) {
            return Verdict.error(ErrorCodes.INVALID_AUTHORIZATION,
                    "A header listed in SignedHeaders was not sent with the request.");
        }
        if (check == SignatureCheck.MISMATCH) {
            return Verdict.error(ErrorCodes.SIGNATURE_FAILURE,
                    "The provided credentials could not be validated. Please check your signature is correct.");
        }
        if (sessionToken != null && !sessionToken.equals(header.apply("X-TC-Token"))) {
            // Signature was fine, so report it as valid: only the temporary-credential token is wrong.
            return new Verdict(ErrorCodes.TOKEN_FAILURE, "The provided token is invalid or missing.", true);
        }
        return Verdict.OK;
    }

    enum SignatureCheck { MATCH, MISMATCH, SIGNED_HEADER_MISSING }

    private SignatureCheck checkSignature(Tc3Verifier.Authorization auth, Function<String, String> header,
                                                byte[] body, long timestamp) {
        String payloadHash = Tc3Verifier.sha256Hex(body);
        byte[] key = Tc3Verifier.signingKey(secretKey, auth.date(), SERVICE);
        // Tencent's page says header values are lower-cased; its SDK examples only ever lower-case x-tc-action
        // (the others are lower-case already). Strict by default: only the documented form, so the client's tests
        // pin the documented rule. A tolerant emulator accepts both forms; a wrong key, body, host, timestamp or
        // header list fails either way.
        String previous = null;
        for (Tc3Verifier.CanonicalValues form : canonicalForms) {
            Optional<String> headers = Tc3Verifier.canonicalHeaders(auth.signedHeaders(), header, form);
            if (headers.isEmpty()) {
                return SignatureCheck.SIGNED_HEADER_MISSING;
            }
            if (headers.get().equals(previous)) {
                continue;
            }
            previous = headers.get();
            String canonical = Tc3Verifier.canonicalRequest("POST", "/", "", headers.get(),
                    auth.signedHeadersJoined(), payloadHash);
            String sts = Tc3Verifier.stringToSign(timestamp, auth.date(), SERVICE,
                    Tc3Verifier.sha256Hex(canonical));
            if (Tc3Verifier.signaturesMatch(Tc3Verifier.signature(key, sts), auth.signature())) {
                return SignatureCheck.MATCH;
            }
        }
        return SignatureCheck.MISMATCH;
    }

    /** Reads {@code {"BizToken":"..."}}; called only for authenticated, not rate-limited requests. */
    BodyVerdict readBody(String contentType, byte[] body) {
        if (contentType == null || !contentType.trim().toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return new BodyVerdict(null, ErrorCodes.INVALID_PARAMETER,
                    "The request body must be JSON with Content-Type application/json.");
        }
        JsonObject json;
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                return new BodyVerdict(null, ErrorCodes.INVALID_PARAMETER, "The request body must be a JSON object.");
            }
            json = value.asJsonObject();
        } catch (JsonException | IllegalStateException e) {
            return new BodyVerdict(null, ErrorCodes.INVALID_PARAMETER, "The request body is not valid JSON.");
        }
        for (String name : json.keySet()) {
            if (!"BizToken".equals(name)) {
                return new BodyVerdict(null, ErrorCodes.UNKNOWN_PARAMETER,
                        "The parameter `" + printable(name) + "` is not recognized.");
            }
        }
        JsonValue token = json.get("BizToken");
        if (token == null || token.getValueType() == JsonValue.ValueType.NULL) {
            return new BodyVerdict(null, ErrorCodes.MISSING_PARAMETER,
                    "The request is missing a required parameter `BizToken`.");
        }
        if (token.getValueType() != JsonValue.ValueType.STRING) {
            return new BodyVerdict(null, ErrorCodes.INVALID_PARAMETER,
                    "The parameter `BizToken` must be a string.");
        }
        String biz = ((JsonString) token).getString();
        if (biz.isBlank()) {
            return new BodyVerdict(biz, ErrorCodes.INVALID_PARAMETER_VALUE, "The value of `BizToken` is empty.");
        }
        return new BodyVerdict(biz, null, null);
    }

    /** The BizToken of a body, if it parses at all; for the request log, so rejected requests show it too. */
    static String peekBizToken(byte[] body) {
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() == JsonValue.ValueType.OBJECT
                    && value.asJsonObject().get("BizToken") instanceof JsonString token) {
                return token.getString();
            }
        } catch (JsonException | IllegalStateException e) {
            // not JSON: nothing to show
        }
        return null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Echo client input into messages only in a bounded, printable form. */
    private static String printable(String s) {
        String t = s.replaceAll("[^\\x20-\\x7e]", "?");
        return t.length() > 64 ? t.substring(0, 64) + "..." : t;
    }
}
