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

    ObservedVerificationResultService(VerificationResultService delegate, String clientName,
                                      Consumer<VerificationCallEvent> listener) {
        this.delegate = delegate;
        this.clientName = clientName;
        this.listener = listener;
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
                    result == null ? null : result.errorCode(), null, null, duration, 1, async);
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
