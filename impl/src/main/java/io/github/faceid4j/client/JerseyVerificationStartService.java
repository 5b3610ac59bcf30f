package io.github.faceid4j.client;

import io.github.faceid4j.client.internal.Redaction;
import io.github.faceid4j.InvalidRequestException;
import io.github.faceid4j.ServiceClosedException;
import io.github.faceid4j.VerificationStartService;
import io.github.faceid4j.model.start.StartedVerification;
import io.github.faceid4j.model.start.WebVerificationRequest;

import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/**
 * {@link VerificationStartService} over the same machinery as the result service ({@link Transport} with its
 * signing, {@link ResilientCall} run by a {@link CallRunner} with its permits, retries, deadline and close), with a
 * rate limiter of its own: Apply has its own budget of 20 requests per second. Built by
 * {@link FaceIdServiceBuilder#buildStartService()}.
 */
final class JerseyVerificationStartService implements VerificationStartService {

    private final Transport transport;
    private final ApplyCodec codec = new ApplyCodec();
    private final ResilientCall.Policies policies;
    private final CallRunner runner;

    JerseyVerificationStartService(ServiceSettings settings, RateLimiter limiter) {
        this.policies = settings.policies(limiter, ApplyCodec.ACTION);
        this.transport = new Transport(settings, policies.telemetry()::spilled);
        this.runner = new CallRunner("VerificationStartService", "faceid-apply-", settings.asyncExecutor(),
                settings.maxConcurrency());
    }

    @Override
    public StartedVerification start(WebVerificationRequest request) {
        return runner.callAndWait(target(request), policies, call -> { });
    }

    @Override
    public CompletionStage<StartedVerification> startAsync(WebVerificationRequest request) {
        try {
            return runner.callAsync(target(request), policies, call -> { });
        } catch (RuntimeException e) { // FaceIdException, IllegalStateException: through the stage, never thrown
            return CompletableFuture.failedFuture(e);
        }
    }

    /** What an {@code ApplyWebVerificationBizTokenIntl} call sends, for the call machinery. */
    private CallTarget<StartedVerification> target(WebVerificationRequest request) {
        if (request == null) {
            throw new InvalidRequestException("request", "must not be null");
        }
        StreamedBody body;
        try {
            body = codec.requestBody(request); // hashes a compare image: read once here, once per attempt
        } catch (UncheckedIOException e) {
            throw new InvalidRequestException("CompareImageBase64", "the image could not be read ("
                    + e.getCause().getClass().getSimpleName() + "); nothing was sent");
        }
        return new CallTarget<>() {
            @Override
            public StartedVerification send(Attempt attempt) {
                return transport.apply(body, codec, attempt);
            }

            @Override
            public String subject() {
                return ApplyCodec.ACTION;
            }

            @Override
            public String maskedBizToken() {
                return null;
            }

            @Override
            public String describe(StartedVerification answer) {
                return "BizToken " + Redaction.prefix(answer.bizToken()) + ", RequestId "
                        + RequestLogging.clean(String.valueOf(answer.requestId()));
            }

            @Override
            public void record(StartedVerification answer, BiConsumer<String, String> attribute) {
                attribute.accept("faceid.biz_token.prefix", Redaction.prefix(answer.bizToken()));
                if (answer.requestId() != null) {
                    attribute.accept("faceid.request_id", answer.requestId());
                }
            }
        };
    }

    /**
     * Ends every outstanding call at once with {@link ServiceClosedException}, aborts the exchanges in flight, stops
     * the service's threads and closes the client.
     */
    @Override
    public void close() {
        if (runner.close(transport::abortExchanges)) {
            policies.telemetry().close();
            transport.close();
        }
    }
}
