package io.github.faceid4j.cdi;

import java.time.Duration;
import java.util.Objects;

/**
 * Fired after every call of an extension-provided {@code VerificationStartService}
 * ({@code ApplyWebVerificationBizTokenIntl}), as {@link VerificationCallEvent} is for results:
 * {@code void onStart(@Observes VerificationStartEvent start)}. Same threads, same qualifier for named clients, and
 * an observer that throws is logged without changing the call's outcome.
 *
 * <p>Carries nothing personal: the new BizToken only as its first four characters; nothing of the request
 * ({@code Extra}, the compare image, the redirect URL).
 *
 * @param maskedToken the new BizToken's first four characters and {@code "..."}; {@code null} for an error
 * @param clientName  the {@link FaceIdClient} name, or {@link VerificationCallEvent#DEFAULT_CLIENT} ({@code ""})
 * @param started     whether a BizToken was issued; otherwise see {@link #errorType()}
 * @param errorType   the simple name of the exception when none was, e.g. {@code ServiceNotActivatedException}
 * @param errorCode   the service's error code when it answered with one, e.g. {@code UnauthorizedOperation.Arrears}
 * @param duration    wall-clock time of the call
 * @param attempts    requests sent: the exception's count for errors (0 when none was sent), 1 otherwise
 * @param async       whether the call was {@code startAsync}
 */
public record VerificationStartEvent(String maskedToken, String clientName, boolean started, String errorType,
                                     String errorCode, Duration duration, int attempts, boolean async) {

    /**
     * Checks that the event names a client and a duration.
     *
     * @param maskedToken the new BizToken's first four characters and {@code "..."}; {@code null} for an error
     * @param clientName the {@link FaceIdClient} name, or {@link VerificationCallEvent#DEFAULT_CLIENT} ({@code ""})
     * @param started whether a BizToken was issued; otherwise see {@link #errorType()}
     * @param errorType the simple name of the exception when none was, e.g. {@code ServiceNotActivatedException}
     * @param errorCode the service's error code when it answered with one, e.g. {@code UnauthorizedOperation.Arrears}
     * @param duration wall-clock time of the call
     * @param attempts requests sent: the exception's count for errors (0 when none was sent), 1 otherwise
     * @param async whether the call was {@code startAsync}
     */
    public VerificationStartEvent {
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(duration, "duration");
    }
}
