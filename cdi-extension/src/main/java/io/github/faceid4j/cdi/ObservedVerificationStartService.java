package io.github.faceid4j.cdi;

import io.github.faceid4j.FaceIdException;
import io.github.faceid4j.FaceIdServiceException;
import io.github.faceid4j.VerificationStartService;
import io.github.faceid4j.model.start.StartedVerification;
import io.github.faceid4j.model.start.WebVerificationRequest;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** A {@link VerificationStartService} that fires a {@link VerificationStartEvent} after every call. */
final class ObservedVerificationStartService
        extends ObservedService<WebVerificationRequest, StartedVerification, VerificationStartEvent>
        implements VerificationStartService {

    private final VerificationStartService delegate;

    ObservedVerificationStartService(VerificationStartService delegate, String clientName,
                                     Consumer<VerificationStartEvent> listener) {
        super(clientName, listener, VerificationStartEvent.class);
        this.delegate = delegate;
    }

    @Override
    public StartedVerification start(WebVerificationRequest request) {
        return observe(request, delegate::start);
    }

    @Override
    public CompletionStage<StartedVerification> startAsync(WebVerificationRequest request) {
        return observeAsync(request, delegate::startAsync);
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public String toString() {
        return "VerificationStartService[" + clientLabel() + "]";
    }

    @Override
    VerificationStartEvent event(WebVerificationRequest request, StartedVerification started, Throwable cause,
                                 Duration duration, boolean async) {
        if (cause == null) {
            return new VerificationStartEvent(VerificationCallEvent.mask(started.bizToken()), clientName(), true,
                    null, null, duration, 1, async);
        }
        return new VerificationStartEvent(null, clientName(), false, cause.getClass().getSimpleName(),
                cause instanceof FaceIdServiceException service ? service.errorCode() : null, duration,
                cause instanceof FaceIdException faceId ? faceId.attempts() : 0, async);
    }
}
