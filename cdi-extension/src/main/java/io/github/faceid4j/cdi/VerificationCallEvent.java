package io.github.faceid4j.cdi;

import io.github.faceid4j.client.internal.Redaction;

import java.time.Duration;
import java.util.Objects;

/**
 * Fired after every call of an extension-provided {@code VerificationResultService}, for applications that count,
 * time or alert on calls: {@code void onCall(@Observes VerificationCallEvent call)}.
 *
 * <p>Fired synchronously: on the calling thread for {@code getResult}, and on the thread that completes the stage
 * for {@code getResultAsync} (the caller is never blocked; the returned stage completes after the observers ran).
 * Events of a named client carry its {@link FaceIdClient} qualifier. An observer that throws is logged and does not
 * change the call's outcome.
 *
 * <p>Carries nothing personal: the BizToken only as its first four characters, no result content besides its code.
 *
 * @param maskedToken the BizToken's first four characters and {@code "..."} ({@code "***"} for shorter tokens)
 * @param clientName  the {@link FaceIdClient} name, or {@link #DEFAULT_CLIENT} ({@code ""}) for the unnamed client
 * @param outcome     passed, not passed, or an error
 * @param resultCode  the verification's final code ({@code 0} passed, {@code 17} not finished, ...) when a result
 *                    arrived; {@code null} for {@link Outcome#ERROR}
 * @param errorType   the simple name of the exception for {@link Outcome#ERROR}, e.g. {@code BizTokenExpiredException}
 * @param errorCode   the service's error code when it answered with one, e.g.
 *                    {@code InvalidParameterValue.BizTokenExpired}; otherwise {@code null}
 * @param duration    wall-clock time of the call, until the result or the error
 * @param attempts    requests sent for the call: the exception's count for errors (0 when none was sent), 1 for a
 *                    result
 * @param async       whether the call was {@code getResultAsync}
 */
public record VerificationCallEvent(String maskedToken, String clientName, Outcome outcome, Long resultCode,
                                    String errorType, String errorCode, Duration duration, int attempts,
                                    boolean async) {

    /** The {@link #clientName()} of the unnamed (default) client. */
    public static final String DEFAULT_CLIENT = "";

    /** How a call ended. */
    public enum Outcome {
        /** A result arrived and {@code passed()} is true. */
        PASSED,
        /** A result arrived and {@code passed()} is false (failed, or not finished yet: see the result code). */
        NOT_PASSED,
        /** The call failed: see {@link #errorType()} and {@link #errorCode()}. */
        ERROR
    }

    /**
     * Checks that the event names a client and an outcome.
     *
     * @param maskedToken the BizToken's first four characters and {@code "..."} ({@code "***"} for shorter tokens)
     * @param clientName the {@link FaceIdClient} name, or {@link #DEFAULT_CLIENT} ({@code ""}) for the unnamed client
     * @param outcome passed, not passed, or an error
     * @param resultCode the verification's final code ({@code 0} passed, {@code 17} not finished, ...) when a result arrived; {@code null} for {@link Outcome#ERROR}
     * @param errorType the simple name of the exception for {@link Outcome#ERROR}, e.g. {@code BizTokenExpiredException}
     * @param errorCode the service's error code when it answered with one, e.g. {@code InvalidParameterValue.BizTokenExpired}; otherwise {@code null}
     * @param duration wall-clock time of the call, until the result or the error
     * @param attempts requests sent for the call: the exception's count for errors (0 when none was sent), 1 for a result
     * @param async whether the call was {@code getResultAsync}
     */
    public VerificationCallEvent {
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
    }

    /** {@return whether the call went to the unnamed client} */
    public boolean defaultClient() {
        return DEFAULT_CLIENT.equals(clientName);
    }

    /**
     * {@code passed}, {@code not passed (17)}, or the error type and code, e.g. {@code BizTokenExpiredException InvalidParameterValue.BizTokenExpired}.
     *
     * @return the outcome in words
     */
    public String outcomeDescription() {
        return switch (outcome) {
            case PASSED -> "passed";
            case NOT_PASSED -> "not passed" + (resultCode == null ? "" : " (" + resultCode + ")");
            case ERROR -> errorType + (errorCode == null ? "" : " " + errorCode);
        };
    }

    /**
     * The masking rule of {@link #maskedToken()}, the library's everywhere ({@link Redaction#prefix}): the first four
     * characters and {@code "..."}, {@code "***"} for shorter tokens.
     *
     * @param bizToken the BizToken, or null
     * @return the masked form
     */
    public static String mask(String bizToken) {
        return Redaction.prefix(bizToken);
    }
}
