package io.github.faceid4j.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One request as the emulator saw it, for assertions in tests. Immutable.
 *
 * <p>{@link #headers()} is a faithful copy, credentials included, because tests inspect exactly what the client
 * sent; {@link #toString()} redacts {@code Authorization} and {@code X-TC-Token} so printing a log is harmless.
 */
public final class RecordedRequest {

    private final Instant arrival;
    final long arrivalNanos; // monotonic; what rate-limit windows are measured in
    private final String method;
    private final String path;
    private final String bizToken;
    private final Map<String, List<String>> headers;
    private final boolean signatureValid;
    private final boolean accepted;
    private final String errorCode;
    private final String outcome;

    RecordedRequest(Instant arrival, long arrivalNanos, String method, String path, String bizToken,
                    Map<String, List<String>> headers, boolean signatureValid, boolean accepted, String errorCode,
                    String outcome) {
        this.arrival = arrival;
        this.arrivalNanos = arrivalNanos;
        this.method = method;
        this.path = path;
        this.bizToken = bizToken;
        this.headers = copyLowerCase(headers);
        this.signatureValid = signatureValid;
        this.accepted = accepted;
        this.errorCode = errorCode;
        this.outcome = outcome;
    }

    /** The same request with what was decided about it. */
    RecordedRequest with(String bizToken, String errorCode, String outcome) {
        return new RecordedRequest(arrival, arrivalNanos, method, path, bizToken, headers, signatureValid, accepted,
                errorCode, outcome);
    }

    private static Map<String, List<String>> copyLowerCase(Map<String, List<String>> in) {
        Map<String, List<String>> out = new TreeMap<>();
        in.forEach((k, v) -> out.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>()).addAll(v));
        out.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(out);
    }

    /** {@return when the request arrived, by the emulator's clock} */
    public Instant arrival() {
        return arrival;
    }

    /**
     * HTTP method as sent.
     *
     * @return the method, e.g. {@code POST}
     */
    public String method() {
        return method;
    }

    /**
     * Request path as sent.
     *
     * @return the path, e.g. {@code /}
     */
    public String path() {
        return path;
    }

    /**
     * {@return the {@code BizToken} of the body (also for rejected requests), or null when the body had no string one}
     */
    public String bizToken() {
        return bizToken;
    }

    /** {@return all request headers: lower-case names, values in order received} */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * First value of a header (name case-insensitive), or null.
     *
     * @param name the header's name
     * @return its first value, or null when absent
     */
    public String header(String name) {
        List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** {@return whether the TC3-HMAC-SHA256 signature was checked and correct} */
    public boolean signatureValid() {
        return signatureValid;
    }

    /**
     * {@return whether the request passed authentication and the rate limit}, i.e. counts toward the rate window.
     * Accepted requests can still be answered with an error (a bad body, or a scripted error).
     */
    public boolean accepted() {
        return accepted;
    }

    /** {@return the API error code answered, or null when a result (or a scripted transport fault) was answered} */
    public String errorCode() {
        return errorCode;
    }

    /**
     * {@return what was answered: a {@link Scenario#description()}, or {@code "error"} for the emulator's own checks}
     */
    public String outcome() {
        return outcome;
    }

    @Override
    public String toString() {
        Map<String, Object> shown = new TreeMap<>(headers);
        shown.computeIfPresent("authorization", (k, v) -> "<redacted>");
        shown.computeIfPresent("x-tc-token", (k, v) -> "<redacted>");
        return "RecordedRequest[" + arrival + " " + method + " " + path + " bizToken=" + bizToken
                + " signatureValid=" + signatureValid + " accepted=" + accepted
                + " errorCode=" + Objects.toString(errorCode, "-") + " outcome=" + outcome + " headers=" + shown + "]";
    }
}
