package io.github.faceid4j.emulator;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Serves the API at {@code /}, in the order the service checks a request: the body's size, authentication
 * ({@link RequestValidator}), the rate limit of the action, the body; then routes it to its answer (Apply and the
 * web flow's tokens to {@link WebFlowAnswers}, every other token to its {@link Scripts scripted} scenario). Every
 * request is recorded in the {@link RequestLog} before it is answered, so a test that has its response can already
 * see the request.
 */
final class ApiHandler {

    static final int MAX_REQUEST_BYTES = 1024 * 1024;
    /** Apply carries a compare image of up to 8 MB of base64: the common request limit of 10 MB applies. */
    static final int MAX_APPLY_REQUEST_BYTES = 10 * 1024 * 1024;

    private static final System.Logger LOG = System.getLogger(FaceIdEmulator.class.getName());

    private final Clock clock;
    private final RequestValidator validator;
    private final boolean rateLimitEnforced;
    private final SlidingWindowLimiter limiter;
    /** Apply has its own budget of requests per second. */
    private final SlidingWindowLimiter applyLimiter;
    private final Scripts scripts;
    private final WebFlow flow;
    private final WebFlowAnswers flowAnswers;
    private final RequestLog log;
    private final AnswerWriter answers;

    ApiHandler(EmulatorSettings settings, Scripts scripts, WebFlow flow, WebFlowAnswers flowAnswers, RequestLog log,
               AnswerWriter answers) {
        this.clock = settings.clock();
        this.validator = new RequestValidator(settings.secretId(), settings.secretKey(), settings.sessionToken(),
                settings.regions(), settings.timestampTolerance(), clock, settings.tolerantCanonicalValues());
        this.rateLimitEnforced = settings.rateLimitEnforced();
        this.limiter = new SlidingWindowLimiter(settings.rateLimitPerSecond());
        this.applyLimiter = new SlidingWindowLimiter(settings.rateLimitPerSecond());
        this.scripts = scripts;
        this.flow = flow;
        this.flowAnswers = flowAnswers;
        this.log = log;
        this.answers = answers;
    }

    void handle(HttpExchange ex) throws IOException {
        // An IOException (client went away, or a fault scenario aborting on purpose) propagates: HttpServer then
        // drops the connection instead of reusing a half-written one.
        try {
            serve(ex);
            ex.close();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "FaceID emulator failed to answer a request", e);
            throw new IOException("emulator bug", e);
        }
    }

    /** Empties both rate windows. */
    void reset() {
        applyLimiter.reset();
        limiter.reset();
    }

    private void serve(HttpExchange ex) throws IOException {
        Instant arrival = clock.instant();
        long arrivalNanos = System.nanoTime();
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        Headers headers = ex.getRequestHeaders();

        String action = headers.getFirst("X-TC-Action");
        boolean apply = action != null && ApplyRequest.ACTION.equals(action.trim());
        byte[] body = Exchanges.readLimited(ex.getRequestBody(), apply ? MAX_APPLY_REQUEST_BYTES : MAX_REQUEST_BYTES);
        if (body == null) {
            error(ex, new RecordedRequest(arrival, arrivalNanos, method, path, null, headers, false, false,
                    ErrorCodes.REQUEST_SIZE_LIMIT_EXCEEDED, "error"), "The request body exceeds "
                    + (apply ? "10" : "1") + " MiB.");
            return;
        }

        String peeked = RequestValidator.peekBizToken(body);
        RequestValidator.Verdict auth = validator.authenticate(method, path, headers::getFirst, body);
        if (!auth.ok()) {
            error(ex, new RecordedRequest(arrival, arrivalNanos, method, path, peeked, headers,
                    auth.signatureValid(), false, auth.code(), "error"), auth.message());
            return;
        }
        long acceptedAt = arrivalNanos;
        if (rateLimitEnforced && !(apply ? applyLimiter : limiter).tryAcquire(arrivalNanos)) {
            log.countRateLimited();
            error(ex, new RecordedRequest(arrival, arrivalNanos, method, path, peeked, headers, true, false,
                    ErrorCodes.REQUEST_LIMIT_EXCEEDED, "error"), ErrorCodes.RATE_LIMIT_MESSAGE);
            return;
        }
        if (apply) {
            flowAnswers.apply(ex, new RecordedRequest(arrival, acceptedAt, method, path, null, headers, true, true,
                    null, "apply"), ApplyRequest.read(headers.getFirst("Content-Type"), body));
            return;
        }
        RequestValidator.BodyVerdict read = validator.readBody(headers.getFirst("Content-Type"), body);
        if (!read.ok()) {
            error(ex, new RecordedRequest(arrival, acceptedAt, method, path, peeked, headers, true,
                    true, read.code(), "error"), read.message());
            return;
        }
        Optional<WebFlow.Session> started = scripts.isScripted(read.bizToken()) ? Optional.empty()
                : flow.find(read.bizToken());
        if (started.isPresent()) {
            flowAnswers.result(ex, new RecordedRequest(arrival, acceptedAt, method, path, read.bizToken(), headers,
                    true, true, null, "web flow"), started.get());
            return;
        }
        Scenario scenario = scripts.next(read.bizToken());
        // Logged before answering, so a test that has its response can already see the request.
        log.record(new RecordedRequest(arrival, acceptedAt, method, path, read.bizToken(), headers, true, true,
                AnswerWriter.errorCodeOf(scenario), scenario.description()));
        answers.scenario(ex, scenario);
    }

    private void error(HttpExchange ex, RecordedRequest recorded, String message) throws IOException {
        log.record(recorded);
        answers.apiError(ex, recorded.errorCode(), message);
    }
}
