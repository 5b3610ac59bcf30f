package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdDecodingException;
import io.github.faceid4j.FaceIdException;
import io.github.faceid4j.FaceIdServiceException;
import io.github.faceid4j.FaceIdTimeoutException;
import io.github.faceid4j.FaceIdTransportException;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently to repeat a call that failed for a transient reason: exponential backoff with full
 * jitter (a random wait between 0 and {@code min(maxDelay, baseDelay * 2^(retry-1))}), so that many clients that
 * failed together do not retry together. The call's deadline caps it all.
 *
 * <p>Retried: connection failures before any response, HTTP 5xx, and the service errors {@code InternalError},
 * {@code ServiceUnavailable}, {@code ResourceUnavailable} and {@code RequestLimitExceeded*}. Never retried:
 * authentication, parameter and BizToken errors, timeouts, TLS handshake failures (an untrusted certificate or one
 * for another host), and answers that arrived but could not be read.
 *
 * @param maxAttempts total attempts including the first; 1 turns retries off
 * @param baseDelay   the backoff's first step
 * @param maxDelay    the backoff's ceiling
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

    /** 3 attempts, backoff from 200 ms up to 2 s. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(2));
    /** One attempt: no retries. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

    /**
     * Checks the settings.
     *
     * @param maxAttempts total attempts including the first; 1 turns retries off
     * @param baseDelay the backoff's first step
     * @param maxDelay the backoff's ceiling
     */
    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("retry delays must not be negative");
        }
    }

    /**
     * The same policy with another number of attempts.
     *
     * @param attempts total attempts, 1 or more
     * @return the new policy
     */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, baseDelay, maxDelay);
    }

    /** The jittered wait before retry number {@code retry} (1 for the first retry). */
    long delayNanos(int retry) {
        long ceiling = baseDelay.toNanos();
        for (int i = 1; i < retry && ceiling < maxDelay.toNanos(); i++) {
            ceiling = ceiling * 2;
        }
        ceiling = Math.min(ceiling, maxDelay.toNanos());
        return ceiling <= 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1);
    }

    /**
     * Whether an attempt that failed with {@code failure} is worth another one (attempts and the deadline
     * permitting): the one place that decides, beside the backoff. A service error when it is transient; an
     * unreadable answer with a 5xx status; a transport failure before any answer began, unless the TLS handshake
     * refused the server (certificates do not heal). Never a timeout, a failure while an answer was read, or
     * anything else (configuration, rate limit, closed service).
     *
     * @param answerBegan whether the answer's status and headers had arrived when the attempt failed
     */
    boolean shouldRetry(FaceIdException failure, boolean answerBegan) {
        if (failure instanceof FaceIdServiceException) {
            return failure.isTransient();
        }
        if (failure instanceof FaceIdDecodingException decoding) {
            return decoding.httpStatus() >= 500;
        }
        if (failure instanceof FaceIdTimeoutException || !(failure instanceof FaceIdTransportException)) {
            return false;
        }
        return !answerBegan && !isTlsRefusal(failure);
    }

    /**
     * A certificate refused (untrusted, expired, for another host) or no protocol or cipher agreed: not transient.
     * A connection reset or closed during the handshake is not one of these; it is retried like any lost connection.
     */
    static boolean isTlsRefusal(Throwable e) {
        return hasCause(e, java.security.cert.CertificateException.class)
                || hasCause(e, javax.net.ssl.SSLHandshakeException.class) && !hasCause(e, java.net.SocketException.class)
                && !hasCause(e, java.io.EOFException.class);
    }

    static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
