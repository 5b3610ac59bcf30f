package io.github.faceid4j.cdi;

import io.github.faceid4j.client.RateLimiter;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * What a client's calls say about its readiness, built from its {@link VerificationCallEvent}s alone: no call of
 * its own. Knows nothing of MicroProfile Health ({@link FaceIdReadinessCheck} reports it there when the server has
 * it).
 *
 * <ul>
 *   <li>Up when configured, before any call.</li>
 *   <li>Down at once when the credentials are refused ({@code AuthFailure.*}, {@code UnauthorizedOperation.*}) or
 *       cannot be had (temporary credentials that could not be fetched): every call would fail the same way.</li>
 *   <li>Down after {@code threshold} consecutive calls without a usable answer: transport failures, timeouts,
 *       unreadable answers, the service's transient errors ({@code InternalError}, {@code RequestLimitExceeded},
 *       ...), rate-limit waits given up.</li>
 *   <li>Up again with the next usable answer: a result, or an error about the request itself (an expired or
 *       unknown BizToken, an invalid parameter), which shows the service took the credentials. A BizToken refused
 *       before sending counts for nothing.</li>
 * </ul>
 * Thread-safe: events arrive on callers' threads.
 */
final class ClientHealth {

    static final int DEFAULT_FAILURE_THRESHOLD = 5;

    /** Error codes that say the service could not answer now, not that the request was wrong. */
    private static final Set<String> TRANSIENT_CODES = Set.of("InternalError", "ServiceUnavailable",
            "ResourceUnavailable", "RequestLimitExceeded", "FailedOperation.RequestLimitExceeded", "LimitExceeded");
    /** Failures to sign at all: the credentials are gone or cannot be fetched. */
    private static final Set<String> CREDENTIAL_FAILURES = Set.of("AuthenticationException",
            "FaceIdConfigurationException", "CredentialsUnavailableException");

    enum Kind { ANSWERED, AUTHENTICATION, NO_ANSWER, IGNORED }

    /** A report: the check's name, up or down, and its data (times as ISO-8601 text). */
    record Report(String name, boolean up, Map<String, Object> data) {
    }

    private final String checkName;
    private final int threshold;
    private final Clock clock;
    private volatile IntSupplier permitsInUse;

    private boolean authenticationFailed;
    private int consecutiveFailures;
    private Instant lastSuccess;
    private Instant lastFailure;
    private String lastFailureType;

    /** @param clientName {@code null} or {@code ""} for the default client */
    ClientHealth(String clientName, int threshold, Clock clock) {
        this.checkName = clientName == null || clientName.isEmpty() ? "faceid" : "faceid-" + clientName;
        this.threshold = threshold;
        this.clock = clock;
    }

    /**
     * Whether the MicroProfile Health API can be loaded where the extension was. Asked here, not in
     * {@link FaceIdReadinessCheck}: loading that class needs the API.
     */
    static boolean healthApiPresent() {
        try {
            Class.forName("org.eclipse.microprofile.health.HealthCheck", false, ClientHealth.class.getClassLoader());
            Class.forName("org.eclipse.microprofile.health.Readiness", false, ClientHealth.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    String checkName() {
        return checkName;
    }

    /** The local limiter's own count, once the service is built. */
    void permitsInUse(IntSupplier gauge) {
        this.permitsInUse = gauge;
    }

    /** An application's limiter, wrapped to count the permits it gave and has not had back. */
    RateLimiter counting(RateLimiter limiter) {
        AtomicInteger taken = new AtomicInteger();
        permitsInUse = taken::get;
        return new RateLimiter() {
            @Override
            public long tryAcquire() {
                long wait = limiter.tryAcquire();
                if (wait == 0) {
                    taken.incrementAndGet();
                }
                return wait;
            }

            @Override
            public void release() {
                taken.decrementAndGet();
                limiter.release();
            }

            @Override
            public String toString() {
                return limiter.toString();
            }
        };
    }

    static Kind classify(VerificationCallEvent call) {
        if (call.outcome() != VerificationCallEvent.Outcome.ERROR) {
            return Kind.ANSWERED;
        }
        String type = String.valueOf(call.errorType());
        String code = call.errorCode();
        if (type.equals("InvalidBizTokenException")) {
            return Kind.IGNORED; // refused before sending: says nothing about the service
        }
        if (CREDENTIAL_FAILURES.contains(type) || code != null
                && (code.startsWith("AuthFailure") || code.startsWith("UnauthorizedOperation"))) {
            return Kind.AUTHENTICATION;
        }
        if (code != null) {
            String family = code.contains(".") ? code.substring(0, code.indexOf('.')) : code;
            return TRANSIENT_CODES.contains(code) || TRANSIENT_CODES.contains(family) ? Kind.NO_ANSWER : Kind.ANSWERED;
        }
        return Kind.NO_ANSWER; // transport, timeout, unreadable answer, local rate-limit wait, closed service
    }

    synchronized void record(VerificationCallEvent call) {
        Kind kind = classify(call);
        switch (kind) {
            case ANSWERED -> {
                authenticationFailed = false;
                consecutiveFailures = 0;
                lastSuccess = clock.instant();
            }
            case AUTHENTICATION -> {
                authenticationFailed = true;
                consecutiveFailures++;
                failed(call);
            }
            case NO_ANSWER -> {
                consecutiveFailures++;
                failed(call);
            }
            case IGNORED -> {
            }
        }
    }

    private void failed(VerificationCallEvent call) {
        lastFailure = clock.instant();
        lastFailureType = call.outcomeDescription(); // exception type and error code: no value, no token
    }

    synchronized Report report() {
        boolean up = !authenticationFailed && consecutiveFailures < threshold;
        Map<String, Object> data = new LinkedHashMap<>();
        if (!up) {
            data.put("reason", authenticationFailed ? "the credentials were refused or could not be had"
                    : consecutiveFailures + " consecutive calls without a usable answer");
        }
        data.put("consecutiveFailures", (long) consecutiveFailures);
        data.put("failureThreshold", (long) threshold);
        if (lastSuccess != null) {
            data.put("lastSuccess", lastSuccess.toString());
        }
        if (lastFailure != null) {
            data.put("lastFailure", lastFailure.toString());
            data.put("lastFailureType", lastFailureType);
        }
        IntSupplier gauge = permitsInUse;
        if (gauge != null) {
            data.put("permitsInUse", (long) gauge.getAsInt());
        }
        return new Report(checkName, up, data);
    }
}
