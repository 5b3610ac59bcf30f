package io.github.faceid4j.cdi;

import io.github.faceid4j.FaceIdException;
import io.github.faceid4j.FaceIdServiceException;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.model.VerificationResult;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Decorates a service so that every call ends with a {@link VerificationCallEvent}. Knows nothing of CDI: the
 * extension passes {@code Event::fire} as the listener.
 */
final class ObservedVerificationResultService implements VerificationResultService {

    private static final Logger LOG = Logger.getLogger(ObservedVerificationResultService.class.getName());

    private final VerificationResultService delegate;
    private final String clientName;
    private final Consumer<VerificationCallEvent> listener;

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
        this.delegate = delegate;
        this.clientName = clientName;
        this.listener = listener;
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
        long start = System.nanoTime();
        VerificationResult result;
        try {
            result = delegate.getResult(bizToken);
        } catch (RuntimeException | Error e) {
            publish(bizToken, null, e, start, false);
            throw e;
        }
        publish(bizToken, result, null, start, false);
        return result;
    }

    @Override
    public CompletionStage<VerificationResult> getResultAsync(String bizToken) {
        long start = System.nanoTime();
        CompletionStage<VerificationResult> stage;
        try {
            stage = delegate.getResultAsync(bizToken);
        } catch (RuntimeException | Error e) {
            publish(bizToken, null, e, start, true);
            throw e;
        }
        // A new future completed by hand: the caller sees the delegate's exception as is (not wrapped in a
        // CompletionException) and only after the observers ran, so "join, then look at the events" is reliable.
        CompletableFuture<VerificationResult> observed = new CompletableFuture<>();
        stage.whenComplete((result, failure) -> {
            publish(bizToken, result, failure, start, true);
            if (failure != null) {
                observed.completeExceptionally(failure);
            } else {
                observed.complete(result);
            }
        });
        return observed;
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return "VerificationResultService[" + (clientName.isEmpty() ? "default" : clientName) + "]";
    }

    private void publish(String bizToken, VerificationResult result, Throwable failure, long start, boolean async) {
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        VerificationCallEvent event;
        if (failure == null) {
            event = new VerificationCallEvent(VerificationCallEvent.mask(bizToken), clientName,
                    result != null && result.passed() ? VerificationCallEvent.Outcome.PASSED
                            : VerificationCallEvent.Outcome.NOT_PASSED,
                    result == null ? null : result.errorCode(), null, null, duration,
                    result == null ? 1 : attempts.take(result), async);
        } else {
            Throwable cause = unwrap(failure);
            event = new VerificationCallEvent(VerificationCallEvent.mask(bizToken), clientName,
                    VerificationCallEvent.Outcome.ERROR, null, cause.getClass().getSimpleName(),
                    cause instanceof FaceIdServiceException service ? service.errorCode() : null, duration,
                    cause instanceof FaceIdException faceId ? faceId.attempts() : 0, async);
        }
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            // Observability must not change the outcome of the call it observes.
            LOG.log(Level.WARNING, "An observer of VerificationCallEvent failed (FaceID client "
                    + (clientName.isEmpty() ? "default" : "'" + clientName + "'") + ")", e);
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
