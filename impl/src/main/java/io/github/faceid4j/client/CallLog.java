package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdException;
import io.github.faceid4j.FaceIdServiceException;

import java.lang.System.Logger.Level;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The log lines of one call, for {@link ResilientCall}: an answer (INFO when request logging is on, else DEBUG: a
 * retry that healed is not news), a retry (DEBUG), the failure about to be thrown (WARNING). They name the call by
 * its {@link CallTarget#subject() subject} and never carry secrets or personal data.
 */
final class CallLog {

    private static final System.Logger LOG = RequestLogging.LOG;

    private final String subject;
    private final boolean logRequests;
    /** The call's clock ({@link System#nanoTime()} outside tests), so durations agree with its deadline. */
    private final LongSupplier clock;

    CallLog(String subject, boolean logRequests, LongSupplier clock) {
        this.subject = subject;
        this.logRequests = logRequests;
        this.clock = clock;
    }

    /** Attempt {@code attempt}, begun at {@code attemptStart} (nanoTime), was answered; {@code answer} as it may be said. */
    void answered(int attempt, long attemptStart, Supplier<String> answer) {
        Level level = logRequests ? Level.INFO : Level.DEBUG;
        if (LOG.isLoggable(level)) {
            LOG.log(level, "FaceID call for " + subject + ": attempt " + attempt + " answered after "
                    + millisSince(attemptStart) + " ms: " + answer.get()
                    + (attempt > 1 ? " (after " + (attempt - 1) + " failed attempt(s))" : ""));
        }
    }

    void retrying(int attempt, long attemptStart, FaceIdException failure, long delayNanos) {
        if (LOG.isLoggable(Level.DEBUG)) {
            LOG.log(Level.DEBUG, "FaceID call for " + subject + ": attempt " + attempt
                    + " failed after " + millisSince(attemptStart) + " ms (" + describe(failure) + "); retrying in "
                    + TimeUnit.NANOSECONDS.toMillis(delayNanos) + " ms");
        }
    }

    /** Logged before the call completes: the caller may look right away. */
    void failed(int attempts, long started, FaceIdException failure) {
        if (LOG.isLoggable(Level.WARNING)) {
            LOG.log(Level.WARNING, "FaceID call for " + subject + " failed after "
                    + attempts + " attempt(s) in " + millisSince(started) + " ms: " + describe(failure));
        }
    }

    static void limiterReleaseFailed(RuntimeException e) {
        LOG.log(Level.WARNING, "the rate limiter failed to take back a permit (" + e.getClass().getName() + ")");
    }

    /**
     * What a log line may say of a failure: its type, the service's error code and RequestId, and for failures of
     * our own making (transport, decoding, configuration) the message, which never carries secrets or personal
     * data. A service's message is left out: it may echo what was sent.
     */
    static String describe(FaceIdException e) {
        if (e instanceof FaceIdServiceException service) {
            return e.getClass().getSimpleName() + " " + service.errorCode() + ", RequestId "
                    + RequestLogging.clean(String.valueOf(service.requestId()));
        }
        return e.getClass().getSimpleName() + ": " + RequestLogging.clean(String.valueOf(e.getMessage()), 400);
    }

    private long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(clock.getAsLong() - nanos);
    }
}
