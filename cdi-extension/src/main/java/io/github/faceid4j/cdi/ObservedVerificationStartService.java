package io.github.faceid4j.cdi;

import io.github.faceid4j.FaceIdException;
import io.github.faceid4j.FaceIdServiceException;
import io.github.faceid4j.VerificationStartService;
import io.github.faceid4j.model.start.StartedVerification;
import io.github.faceid4j.model.start.WebVerificationRequest;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A {@link VerificationStartService} that fires a {@link VerificationStartEvent} after every call. */
final class ObservedVerificationStartService implements VerificationStartService {

    private static final Logger LOG = Logger.getLogger(ObservedVerificationStartService.class.getName());

    private final VerificationStartService delegate;
    private final String clientName;
    private final Consumer<VerificationStartEvent> listener;

    ObservedVerificationStartService(VerificationStartService delegate, String clientName,
                                     Consumer<VerificationStartEvent> listener) {
        this.delegate = delegate;
        this.clientName = clientName;
        this.listener = listener;
    }

    @Override
    public StartedVerification start(WebVerificationRequest request) {
        long start = System.nanoTime();
        StartedVerification started;
        try {
            started = delegate.start(request);
        } catch (RuntimeException | Error e) {
            publish(null, e, start, false);
            throw e;
        }
        publish(started, null, start, false);
        return started;
    }

    @Override
    public CompletionStage<StartedVerification> startAsync(WebVerificationRequest request) {
        long start = System.nanoTime();
        CompletionStage<StartedVerification> stage;
        try {
            stage = delegate.startAsync(request);
        } catch (RuntimeException | Error e) {
            publish(null, e, start, true);
            throw e;
        }
        // completed by hand, as for results: the delegate's exception as is, and only after the observers ran
        CompletableFuture<StartedVerification> observed = new CompletableFuture<>();
        stage.whenComplete((started, failure) -> {
            publish(started, failure, start, true);
            if (failure != null) {
                observed.completeExceptionally(failure);
            } else {
                observed.complete(started);
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
        return "VerificationStartService[" + (clientName.isEmpty() ? "default" : clientName) + "]";
    }

    private void publish(StartedVerification started, Throwable failure, long start, boolean async) {
        Duration duration = Duration.ofNanos(System.nanoTime() - start);
        VerificationStartEvent event;
        if (failure == null) {
            event = new VerificationStartEvent(VerificationCallEvent.mask(started.bizToken()), clientName, true,
                    null, null, duration, 1, async);
        } else {
            Throwable cause = failure;
            while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                    && cause.getCause() != null) {
                cause = cause.getCause();
            }
            event = new VerificationStartEvent(null, clientName, false, cause.getClass().getSimpleName(),
                    cause instanceof FaceIdServiceException service ? service.errorCode() : null, duration,
                    cause instanceof FaceIdException faceId ? faceId.attempts() : 0, async);
        }
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "An observer of VerificationStartEvent failed (FaceID client "
                    + (clientName.isEmpty() ? "default" : "'" + clientName + "'") + ")", e);
        }
    }
}
