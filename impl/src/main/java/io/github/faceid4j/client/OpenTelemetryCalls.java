package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdServiceException;
import io.github.faceid4j.RateLimitTimeoutException;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;

import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * {@link CallTelemetry} over OpenTelemetry: each call a CLIENT span after the RPC conventions
 * ({@code faceid/<action>}, {@code rpc.system} = {@code tencentcloud}), retries as its events, and the metrics of
 * docs/operations.md. With {@link PermitsGauge} and {@link TelemetryUntilGlobalIsSet}, which only it uses, the only
 * class that refers to OpenTelemetry: loaded only when its API is present.
 *
 * <p>What is recorded is chosen, never copied wholesale: the action, region and endpoint, attempts, codes, the
 * RequestId and a BizToken's masked prefix. No full BizToken, personal data, Extra, credential or signature.
 */
final class OpenTelemetryCalls implements CallTelemetry {

    static final AttributeKey<String> RPC_SYSTEM = AttributeKey.stringKey("rpc.system");
    static final AttributeKey<String> RPC_SERVICE = AttributeKey.stringKey("rpc.service");
    static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");
    static final AttributeKey<String> CLOUD_REGION = AttributeKey.stringKey("cloud.region");
    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey("faceid.attempts");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("faceid.outcome");
    static final AttributeKey<String> BIZ_TOKEN_PREFIX = AttributeKey.stringKey("faceid.biz_token.prefix");
    static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("faceid.request_id");
    static final AttributeKey<String> ERROR_CODE = AttributeKey.stringKey("faceid.error.code");
    static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("faceid.attempt");

    /** The bounds of the duration histogram, in seconds: from a quick answer to the longest call timeouts. */
    private static final List<Double> DURATION_BOUNDS = List.of(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
            5.0, 10.0, 30.0, 60.0);

    private static final System.Logger LOG = RequestLogging.LOG;

    private final Tracer tracer;
    private final String spanName;
    private final Attributes common;
    private final Attributes metric;
    private final DoubleHistogram duration;
    private final LongHistogram attempts;
    private final LongCounter waits;
    private final LongCounter refusals;
    private final LongCounter spilled;
    /** The gauge this service's limiter is observed by, with the other services' of its action, or null. */
    private final PermitsGauge permitsInUse;
    private final SlidingWindowRateLimiter limiter;

    private OpenTelemetryCalls(OpenTelemetry otel, String action, String region, URI endpoint, RateLimiter limiter) {
        this.tracer = otel.getTracer(SCOPE);
        this.spanName = "faceid/" + action;
        int port = endpoint.getPort() >= 0 ? endpoint.getPort() : "http".equals(endpoint.getScheme()) ? 80 : 443;
        this.common = Attributes.builder()
                .put(RPC_SYSTEM, "tencentcloud").put(RPC_SERVICE, "faceid").put(RPC_METHOD, action)
                .put(CLOUD_REGION, region).put(SERVER_ADDRESS, endpoint.getHost()).put(SERVER_PORT, port)
                .build();
        this.metric = Attributes.of(RPC_METHOD, action);
        Meter meter = otel.getMeter(SCOPE);
        this.duration = withBounds(meter.histogramBuilder("faceid.client.call.duration").setUnit("s")
                .setDescription("Duration of FaceID calls, retries and waits for permits included"),
                b -> b.setExplicitBucketBoundariesAdvice(DURATION_BOUNDS)).build();
        this.attempts = withBounds(meter.histogramBuilder("faceid.client.call.attempts").ofLongs()
                .setUnit("{attempt}").setDescription("Requests sent (or tried) per FaceID call"),
                b -> b.setExplicitBucketBoundariesAdvice(List.of(1L, 2L, 3L, 5L, 10L))).build();
        this.waits = meter.counterBuilder("faceid.client.rate_limit.waits").setUnit("{wait}")
                .setDescription("Attempts that found no free rate-limit permit and waited for one").build();
        this.refusals = meter.counterBuilder("faceid.client.rate_limit.refusals").setUnit("{call}")
                .setDescription("Calls that got no rate-limit permit in time (RateLimitTimeoutException)").build();
        this.spilled = meter.counterBuilder("faceid.client.spilled").setUnit("By")
                .setDescription("Bytes of answers written to spill files (spillDirectory) instead of kept on the heap")
                .build();
        this.limiter = limiter instanceof SlidingWindowRateLimiter local ? local : null;
        this.permitsInUse = this.limiter == null ? null : PermitsGauge.observe(meter, metric, this.limiter);
    }

    /**
     * See {@link CallTelemetry#of}. Without an OpenTelemetry of the application's, the global one once it is set.
     * Never {@code GlobalOpenTelemetry.get()} before it is set: that would fix the global to a no-op, and the
     * application's own {@code GlobalOpenTelemetry.set} (e.g. after building its services) would then fail.
     */
    static CallTelemetry of(Object openTelemetry, String action, String region, URI endpoint, RateLimiter limiter) {
        if (openTelemetry != null) {
            return new OpenTelemetryCalls((OpenTelemetry) openTelemetry, action, region, endpoint, limiter);
        }
        if (GlobalOpenTelemetry.isSet()) {
            return new OpenTelemetryCalls(GlobalOpenTelemetry.get(), action, region, endpoint, limiter);
        }
        return new TelemetryUntilGlobalIsSet(() -> new OpenTelemetryCalls(GlobalOpenTelemetry.get(), action, region, endpoint,
                limiter));
    }

    @Override
    public Call start(String maskedBizToken) {
        try {
            Span span = tracer.spanBuilder(spanName).setSpanKind(SpanKind.CLIENT).setParent(Context.current())
                    .setAllAttributes(common).startSpan();
            if (maskedBizToken != null) {
                span.setAttribute(BIZ_TOKEN_PREFIX, maskedBizToken);
            }
            // the caller's context (its baggage too) with our span: what each attempt makes current on its thread
            return new OneCall(span, Context.current().with(span), System.nanoTime());
        } catch (RuntimeException e) {
            warn(e);
            return Call.NONE;
        }
    }

    @Override
    public void spilled(long bytes) {
        guarded(() -> spilled.add(bytes, metric));
    }

    @Override
    public void close() {
        if (permitsInUse != null) {
            permitsInUse.forget(limiter);
        }
    }

    private static void warn(RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "OpenTelemetry failed (" + e.getClass().getName()
                + "); the call is unaffected");
    }

    /** Runs {@code recording}; its failure is logged, never the call's. */
    private static void guarded(Runnable recording) {
        try {
            recording.run();
        } catch (RuntimeException e) {
            warn(e);
        }
    }

    private final class OneCall implements Call {
        private final Span span;
        private final Context context;
        private final long started;

        OneCall(Span span, Context context, long started) {
            this.span = span;
            this.context = context;
            this.started = started;
        }

        @Override
        public Scope attempt() {
            try {
                io.opentelemetry.context.Scope scope = context.makeCurrent();
                return () -> guarded(scope::close);
            } catch (RuntimeException e) {
                warn(e);
                return Scope.NONE;
            }
        }

        @Override
        public void permitWait() {
            guarded(() -> waits.add(1, metric));
        }

        @Override
        public void retry(int attempt, String errorType) {
            guarded(() -> span.addEvent("retry", Attributes.of(ATTEMPT, (long) attempt, ERROR_TYPE, errorType)));
        }

        @Override
        public <T> void end(T answer, Throwable failure, int attemptCount, CallTarget<T> target) {
            try {
                double seconds = (System.nanoTime() - started) / (double) TimeUnit.SECONDS.toNanos(1);
                span.setAttribute(ATTEMPTS, attemptCount);
                String outcome;
                String errorType = null;
                if (failure == null) {
                    target.record(answer, span::setAttribute);
                    outcome = target.category(answer);
                } else {
                    errorType = failure.getClass().getSimpleName();
                    outcome = "error";
                    span.setAttribute(ERROR_TYPE, errorType);
                    if (failure instanceof FaceIdServiceException service) {
                        // the service's code and RequestId: what Tencent support needs; its message may echo input
                        span.setAttribute(ERROR_CODE, service.errorCode());
                        if (service.requestId() != null) {
                            span.setAttribute(REQUEST_ID, service.requestId());
                        }
                    }
                    span.setStatus(StatusCode.ERROR, errorType);
                    if (failure instanceof RateLimitTimeoutException) {
                        refusals.add(1, metric);
                    }
                }
                span.setAttribute(OUTCOME, outcome);
                span.end();
                Attributes byOutcome = errorType == null
                        ? metric.toBuilder().put(OUTCOME, outcome).build()
                        : metric.toBuilder().put(OUTCOME, outcome).put(ERROR_TYPE, errorType).build();
                duration.record(seconds, byOutcome);
                attempts.record(attemptCount, metric);
            } catch (RuntimeException e) {
                warn(e);
            }
        }
    }

    /**
     * Bucket advice came with API 1.32; an application server may give the application an older API (Payara
     * Micro 6 does): then the SDK's default buckets, rather than a call that fails with {@link NoSuchMethodError}.
     */
    private static <B> B withBounds(B builder, UnaryOperator<B> advice) {
        try {
            return advice.apply(builder);
        } catch (LinkageError olderApi) {
            return builder;
        }
    }
}
