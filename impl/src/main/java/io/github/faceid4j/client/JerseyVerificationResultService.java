package io.github.faceid4j.client;

import io.github.faceid4j.client.internal.Redaction;
import io.github.faceid4j.InvalidBizTokenException;
import io.github.faceid4j.ServiceClosedException;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.model.VerificationResult;

import java.util.concurrent.CompletableFuture;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.ObjIntConsumer;
import java.util.regex.Pattern;

/**
 * {@link VerificationResultService} over one reused Jersey client. Built by {@link FaceIdServiceBuilder}.
 *
 * <p>Synchronous and asynchronous calls share one mechanism, {@link ResilientCall} run by a {@link CallRunner},
 * whose attempts all run on the I/O executor; a synchronous call waits for its outcome until the deadline.
 * {@link #close()} ends every outstanding call with {@link ServiceClosedException}, aborts the exchanges in flight
 * and stops the threads. Application callbacks never run on the service's timer (see {@link CallRunner}).
 */
final class JerseyVerificationResultService implements VerificationResultService {

    /** Tokens are UUIDs today; this leaves room while keeping junk and injection out of the request. */
    static final int MAX_BIZ_TOKEN_LENGTH = 128;
    private static final Pattern BIZ_TOKEN = Pattern.compile("[A-Za-z0-9._~-]+");

    private final Transport transport;
    private final ResilientCall.Policies policies;
    private final CallRunner runner;
    private final ObjIntConsumer<VerificationResult> attemptsObserver;

    JerseyVerificationResultService(ServiceSettings settings) {
        this.policies = settings.policies(settings.rateLimiter(), Transport.ACTION);
        this.transport = new Transport(settings, policies.telemetry()::spilled);
        this.attemptsObserver = settings.attemptsObserver();
        this.runner = new CallRunner("VerificationResultService", "faceid-", settings.asyncExecutor(),
                settings.maxConcurrency());
    }

    @Override
    public VerificationResult getResult(String bizToken) {
        validate(bizToken);
        return runner.callAndWait(target(bizToken), policies, this::observe);
    }

    @Override
    public CompletionStage<VerificationResult> getResultAsync(String bizToken) {
        try {
            validate(bizToken);
            return runner.callAsync(target(bizToken), policies, this::observe);
        } catch (RuntimeException e) { // FaceIdException, IllegalStateException: through the stage, never thrown
            return CompletableFuture.failedFuture(e);
        }
    }

    /** What a {@code GetWebVerificationResultIntl} call sends, for the call machinery. */
    private CallTarget<VerificationResult> target(String bizToken) {
        String masked = Redaction.prefix(bizToken);
        return new CallTarget<>() {
            @Override
            public VerificationResult send(Attempt attempt) {
                return transport.exchange(bizToken, attempt);
            }

            @Override
            public String subject() {
                return "BizToken " + masked;
            }

            @Override
            public String maskedBizToken() {
                return masked;
            }

            @Override
            public String describe(VerificationResult answer) {
                return "ErrorCode " + answer.errorCode() + ", RequestId "
                        + RequestLogging.clean(String.valueOf(answer.requestId()));
            }

            @Override
            public void record(VerificationResult answer, BiConsumer<String, String> attribute) {
                if (answer.errorCode() != null) {
                    attribute.accept("faceid.result.code", String.valueOf(answer.errorCode()));
                }
                if (answer.requestId() != null) {
                    attribute.accept("faceid.request_id", answer.requestId());
                }
            }

            @Override
            public String category(VerificationResult answer) {
                return answer.outcome().map(o -> o.category().name().toLowerCase(Locale.ROOT)).orElse("no_code");
            }
        };
    }

    /** Tells the attempts observer, if any, how many requests a successful call took. */
    private void observe(ResilientCall<VerificationResult> call) {
        if (attemptsObserver != null) {
            try {
                attemptsObserver.accept(call.future().join(), call.attempts());
            } catch (RuntimeException e) {
                RequestLogging.LOG.log(System.Logger.Level.WARNING, "the attempts observer failed ("
                        + e.getClass().getName() + "); the call's result is unchanged");
            }
        }
    }

    /**
     * Ends every outstanding call at once with {@link ServiceClosedException}, aborts the exchanges in flight (their
     * permits are given back as they end), stops the timer and the service's own threads, and closes the client.
     * Returns within about a second even when an application's credentials provider or limiter holds an I/O thread.
     */
    @Override
    public void close() {
        if (runner.close(transport::abortExchanges)) {
            transport.close();
            policies.telemetry().close();
        }
    }

    static void validate(String bizToken) {
        if (bizToken == null || bizToken.isBlank()) {
            throw new InvalidBizTokenException("BizToken must not be blank");
        }
        if (bizToken.length() > MAX_BIZ_TOKEN_LENGTH) {
            throw new InvalidBizTokenException("BizToken is longer than " + MAX_BIZ_TOKEN_LENGTH + " characters ("
                    + bizToken.length() + ")");
        }
        if (!BIZ_TOKEN.matcher(bizToken).matches()) {
            throw new InvalidBizTokenException("BizToken " + Redaction.prefix(bizToken)
                    + " has characters other than letters, digits, '-', '_', '.' and '~'");
        }
    }

    /** This service's number in its threads' names ({@code faceid-timer-<number>-1}). */
    int number() {
        return runner.number();
    }
}
