package io.github.faceid4j.emulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * One scripted answer of the emulator to a {@code GetWebVerificationResultIntl} call. Immutable; reuse freely.
 *
 * <p>Three families: verification <em>results</em> (HTTP 200, a {@code Response} with {@code ErrorCode}),
 * <em>API errors</em> (HTTP 200, {@code Response.Error}), and transport <em>faults</em> (bad bodies, HTTP errors,
 * dropped connections, delays) that the real service or the network in between can produce.
 *
 * @see FaceIdEmulator#script(String, Scenario...)
 */
public final class Scenario {

    enum Kind { RESULT, API_ERROR, SLOW, RAW, TRUNCATED, OVERSIZED }

    enum Result { PASSED, FAILED, NOT_FINISHED }

    private static final String HTML_TEMPLATE = "<html>\r\n<head><title>%1$d %2$s</title></head>\r\n<body>\r\n"
            + "<center><h1>%1$d %2$s</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    final Kind kind;
    private final String description;
    // RESULT
    final Result result;
    final long videoBytes;
    // API_ERROR
    final String errorCode;
    final String errorMessage;
    // SLOW
    final Duration delay;
    final Scenario then;
    // RAW
    final int status;
    final String contentType;
    private final byte[] body;
    // OVERSIZED
    final long oversizedBytes;

    private Scenario(Kind kind, String description, Result result, long videoBytes, String errorCode,
                     String errorMessage, Duration delay, Scenario then, int status, String contentType, byte[] body,
                     long oversizedBytes) {
        this.kind = kind;
        this.description = description;
        this.result = result;
        this.videoBytes = videoBytes;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.delay = delay;
        this.then = then;
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.oversizedBytes = oversizedBytes;
    }

    private static Scenario result(String description, Result result, long videoBytes) {
        return new Scenario(Kind.RESULT, description, result, videoBytes, null, null, null, null, 200, null, null, 0);
    }

    private static Scenario raw(String description, int status, String contentType, byte[] body) {
        return new Scenario(Kind.RAW, description, null, 0, null, null, null, null, status, contentType, body, 0);
    }

    // ---------------------------------------------------------------- results

    /**
     * A successful verification: {@code ErrorCode} 0, two attempts (a failed one with liveness code 1207, then a
     * match with similarity 92.5), a synthetic video and best frame, one passed OCR result with {@code MLIDCard}
     * and {@code GeneralCard}, some {@code null} fields, and an unknown {@code FutureField} clients must ignore.
     * All personal data is from {@link SyntheticPerson}.
     *
     * @return the scenario
     */
    public static Scenario passed() {
        return result("passed", Result.PASSED, SyntheticMedia.DEFAULT_VIDEO_BYTES);
    }

    /**
     * Like {@link #passed()}, but the base64-decoded {@code VideoBase64} is exactly {@code bytes} long. For
     * performance tests with large results; the encoding is cached per size and streamed with Content-Length.
     *
     * @param bytes the decoded video's length
     * @return the scenario
     */
    public static Scenario passedWithVideoOfSize(long bytes) {
        if (bytes < 0 || bytes > 1L << 30) {
            throw new IllegalArgumentException("video size must be between 0 and 1 GiB: " + bytes);
        }
        return result("passedWithVideoOfSize(" + bytes + ")", Result.PASSED, bytes);
    }

    /** {@return a finished but failed verification: {@code ErrorCode} 1005 (liveness failed), OCR not passed} */
    public static Scenario failedVerification() {
        return result("failedVerification", Result.FAILED, SyntheticMedia.DEFAULT_VIDEO_BYTES);
    }

    /** {@return a verification the user has not finished yet: {@code ErrorCode} 17, no media, no OCR} */
    public static Scenario notFinished() {
        return result("notFinished", Result.NOT_FINISHED, 0);
    }

    // ---------------------------------------------------------------- API errors

    /**
     * API error {@code InvalidParameterValue.BizTokenExpired} (a BizToken lives three days).
     *
     * @return the scenario
     */
    public static Scenario expired() {
        return apiError("InvalidParameterValue.BizTokenExpired", "BizToken expired.");
    }

    /**
     * API error {@code InvalidParameterValue.BizTokenIllegal}: the token was never issued.
     *
     * @return the scenario
     */
    public static Scenario illegal() {
        return apiError("InvalidParameterValue.BizTokenIllegal", "Invalid BizToken.");
    }

    /**
     * API error {@code RequestLimitExceeded}, as if another caller of the same account used up the rate.
     *
     * @return the scenario
     */
    public static Scenario rateLimited() {
        return apiError("RequestLimitExceeded", ErrorCodes.RATE_LIMIT_MESSAGE);
    }

    /**
     * API error {@code InternalError}.
     *
     * @return the scenario
     */
    public static Scenario internalError() {
        return apiError("InternalError", "An internal error has occurred. Retry your request, but if the problem "
                + "persists, contact us with details by filing a ticket.");
    }

    /**
     * {@return any API error: {@code {"Response":{"Error":{"Code":code,"Message":message},"RequestId":...}}}}
     *
     * @param code the error code, e.g. {@code InternalError}
     * @param message the error message
     */
    public static Scenario apiError(String code, String message) {
        requireText(code, "code");
        Objects.requireNonNull(message, "message");
        return new Scenario(Kind.API_ERROR, "apiError(" + code + ")", null, 0, code, message, null, null, 200, null,
                null, 0);
    }

    // ---------------------------------------------------------------- faults

    /**
     * Waits {@code delay}, then answers as {@code then}. The wait ends early when the emulator closes.
     *
     * @param delay how long to wait before answering
     * @param then the answer after the wait
     * @return the scenario
     */
    public static Scenario slow(Duration delay, Scenario then) {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(then, "then");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        return new Scenario(Kind.SLOW, "slow(" + delay + ", " + then.description + ")", null, 0, null, null, delay,
                then, 0, null, null, 0);
    }

    /**
     * HTTP 200, {@code application/json}, correct Content-Length, but the JSON stops in the middle of a value.
     *
     * @return the scenario
     */
    public static Scenario malformedBody() {
        return raw("malformedBody", 200, "application/json",
                "{\"Response\":{\"ErrorCode\":0,\"ErrorMsg\":\"Succ".getBytes(StandardCharsets.UTF_8));
    }

    /**
     * HTTP 200, {@code application/json}, zero bytes.
     *
     * @return the scenario
     */
    public static Scenario emptyBody() {
        return raw("emptyBody", 200, "application/json", new byte[0]);
    }

    /**
     * {@return an HTML error page as a gateway in front of the service would send it}, e.g. {@code html(502)}.
     *
     * @param status the HTTP status, 100 to 599
     */
    public static Scenario html(int status) {
        requireStatus(status);
        String page = String.format(Locale.ROOT, HTML_TEMPLATE, status, reason(status));
        return raw("html(" + status + ")", status, "text/html", page.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@return any status and body}; JSON content type when the body starts with <code>&#123;</code>, plain text
     * otherwise.
     *
     * @param status the HTTP status, 100 to 599
     * @param body   the body, sent as UTF-8
     */
    public static Scenario httpStatus(int status, String body) {
        Objects.requireNonNull(body, "body");
        String type = body.stripLeading().startsWith("{") ? "application/json" : "text/plain; charset=utf-8";
        return httpStatus(status, type, body);
    }

    /**
     * {@return any status, content type and body}
     *
     * @param status the HTTP status, 100 to 599
     * @param contentType the {@code Content-Type}
     * @param body the body, sent as UTF-8
     */
    public static Scenario httpStatus(int status, String contentType, String body) {
        requireStatus(status);
        requireText(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        return raw("httpStatus(" + status + ")", status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A {@link #passed()} answer whose Content-Length promises the whole body, of which only the first half is
     * sent before the connection is closed: what a client sees when a connection resets mid-body.
     *
     * @return the scenario
     */
    public static Scenario truncatedMidBody() {
        return new Scenario(Kind.TRUNCATED, "truncatedMidBody", Result.PASSED, SyntheticMedia.DEFAULT_VIDEO_BYTES,
                null, null, null, null, 200, null, null, 0);
    }

    /**
     * A well-formed success whose {@code VideoBase64} value alone is {@code bytes} characters (rounded up to a
     * multiple of 4), so the whole body is larger than {@code bytes}. Generated while sending, never held in
     * memory: meant to trip a client's response-size limit.
     *
     * @param bytes the length of the {@code VideoBase64} value
     * @return the scenario
     */
    public static Scenario oversizedBody(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must not be negative: " + bytes);
        }
        return new Scenario(Kind.OVERSIZED, "oversizedBody(" + bytes + ")", Result.PASSED, 0, null, null, null,
                null, 200, null, null, bytes);
    }

    // ---------------------------------------------------------------- conventions

    /**
     * The answer for a token nobody scripted, chosen by its prefix (case-insensitive) so the emulator is useful
     * from the command line: {@code passed…}, {@code failed…}, {@code unfinished…}, {@code expired…},
     * {@code illegal…}, {@code ratelimited…}, {@code internal…}, {@code slow…} (3 s, then passed),
     * {@code malformed…}; anything else is {@link #illegal()}, as the real service says of unknown tokens.
     *
     * @param bizToken the token
     * @return the scenario its prefix picks
     */
    public static Scenario forToken(String bizToken) {
        String t = bizToken == null ? "" : bizToken.toLowerCase(Locale.ROOT);
        if (t.startsWith("passed")) {
            return passed();
        } else if (t.startsWith("failed")) {
            return failedVerification();
        } else if (t.startsWith("unfinished")) {
            return notFinished();
        } else if (t.startsWith("expired")) {
            return expired();
        } else if (t.startsWith("illegal")) {
            return illegal();
        } else if (t.startsWith("ratelimited")) {
            return rateLimited();
        } else if (t.startsWith("internal")) {
            return internalError();
        } else if (t.startsWith("slow")) {
            return slow(Duration.ofSeconds(3), passed());
        } else if (t.startsWith("malformed")) {
            return malformedBody();
        }
        return illegal();
    }

    /** {@return a short name such as {@code passed} or {@code apiError(InternalError)}; also recorded per request} */
    public String description() {
        return description;
    }

    byte[] rawBody() {
        return body; // never handed out of the package, so the array is effectively immutable
    }

    @Override
    public String toString() {
        return "Scenario[" + description + "]";
    }

    private static void requireText(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }

    private static void requireStatus(int status) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("HTTP status must be 200..599: " + status);
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Temporarily Unavailable";
            case 504 -> "Gateway Time-out";
            default -> "Error";
        };
    }
}
