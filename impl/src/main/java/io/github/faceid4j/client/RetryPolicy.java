package io.github.faceid4j.client;

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
}
