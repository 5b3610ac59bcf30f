package io.github.faceid4j.cdi;

import io.github.faceid4j.FaceIdException;
import io.github.faceid4j.FaceIdServiceException;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.model.VerificationResult;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Decorates a service so that every call ends with a {@link VerificationCallEvent} (see {@link ObservedService}).
 */
final class ObservedVerificationResultService
        extends ObservedService<String, VerificationResult, VerificationCallEvent>
        implements VerificationResultService {

    private final VerificationResultService delegate;

    private final Attempts attempts;

    ObservedVerificationResultService(VerificationResultService delegate, String clientName,
                                      Consumer<VerificationCallEvent> listener) {
        this(delegate, clientName, listener, new Attempts());
    }

    /**
     * @param attempts filled by the delegate's attempts observer ({@code FaceIdServiceBuilder.attemptsObserver})
     *                 just before each successful call completes; read (and forgotten) when its event is published
     */
    ObservedVerificationResultService(VerificationResultService delegate, String clientName,
                                      Consumer<VerificationCallEvent> listener, Attempts attempts) {
        super(clientName, listener, VerificationCallEvent.class);
        this.delegate = delegate;
        this.attempts = attempts;
    }

    /**
     * How many requests each successful call took, by its result's identity, from the moment the library hands it
     * over until its event is published: at most the calls in flight.
     */
    static final class Attempts {
        private final Map<VerificationResult, Integer> byResult = new IdentityHashMap<>();

        synchronized void record(VerificationResult result, int attempts) {
            byResult.put(result, attempts);
        }

        /** The count recorded for {@code result}, forgotten now; 1 when none was (a delegate without observer). */
        synchronized int take(VerificationResult result) {
            Integer n = byResult.remove(result);
            return n == null ? 1 : n;
        }
    }

    @Override
    public VerificationResult getResult(String bizToken) {
        return observe(bizToken, delegate::getResult);
    }

    @Override
    public CompletionStage<VerificationResult> getResultAsync(String bizToken) {
        return observeAsync(bizToken, delegate::getResultAsync);
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return "VerificationResultService[" + clientLabel() + "]";
    }

    @Override
    VerificationCallEvent event(String bizToken, VerificationResult result, Throwable cause, Duration duration,
                                boolean async) {
        if (cause == null) {
            return new VerificationCallEvent(VerificationCallEvent.mask(bizToken), clientName(),
                    result != null && result.passed() ? VerificationCallEvent.Outcome.PASSED
                            : VerificationCallEvent.Outcome.NOT_PASSED,
                    result == null ? null : result.errorCode(), null, null, duration,
                    result == null ? 1 : attempts.take(result), async);
        }
        return new VerificationCallEvent(VerificationCallEvent.mask(bizToken), clientName(),
                VerificationCallEvent.Outcome.ERROR, null, cause.getClass().getSimpleName(),
                cause instanceof FaceIdServiceException service ? service.errorCode() : null, duration,
                cause instanceof FaceIdException faceId ? faceId.attempts() : 0, async);
    }
}
