package io.github.faceid4j.client;

import io.github.faceid4j.testing.Leaks;
import io.github.faceid4j.client.internal.Redaction;
import io.github.faceid4j.AuthenticationException;
import io.github.faceid4j.FaceIdServiceException;
import io.github.faceid4j.RateLimitTimeoutException;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.VerificationStartService;
import io.github.faceid4j.emulator.FaceIdEmulator;
import io.github.faceid4j.emulator.FaceIdEmulatorExtension;
import io.github.faceid4j.emulator.Scenario;
import io.github.faceid4j.model.VerificationResult;
import io.github.faceid4j.model.start.StartedVerification;
import io.github.faceid4j.model.start.WebVerificationRequest;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Spans and metrics of real calls against the emulator, read back from the SDK's in-memory exporters. */
class TelemetryTest {

    @RegisterExtension
    static final FaceIdEmulatorExtension EMULATOR = new FaceIdEmulatorExtension();

    private static final AttributeKey<String> RPC_METHOD = AttributeKey.stringKey("rpc.method");
    private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    private static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("faceid.outcome");

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final InMemoryMetricReader metrics = InMemoryMetricReader.create();
    private OpenTelemetrySdk otel;

    @BeforeEach
    void sdk() {
        otel = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
                .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
                .build();
    }

    @AfterEach
    void closeSdk() {
        otel.close();
    }

    private FaceIdServiceBuilder builder() {
        FaceIdEmulator emulator = EMULATOR.get();
        return FaceIdServiceBuilder.create()
                .region("ap-singapore")
                .endpoint(emulator.endpoint())
                .credentials(Credentials.of(emulator.secretId(), emulator.secretKey()))
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(20), Duration.ofMillis(100)))
                .openTelemetry(otel);
    }

    /** The call's span; the call returns as its outcome completes, the span ends just after: waits for it. */
    private SpanData onlySpan() throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (spans.getFinishedSpanItems().stream().noneMatch(s -> s.getKind() == SpanKind.CLIENT)
                && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        List<SpanData> client = spans.getFinishedSpanItems().stream().filter(s -> s.getKind() == SpanKind.CLIENT)
                .toList();
        assertThat(client).hasSize(1);
        return client.get(0);
    }

    @Test
    void aPassedCallIsOneClientSpanAfterTheRpcConventions() throws Exception {
        String token = "passed-" + UUID.randomUUID();
        VerificationResult result;
        try (VerificationResultService service = builder().build()) {
            result = service.getResult(token);
        }
        SpanData span = onlySpan();
        FaceIdEmulator emulator = EMULATOR.get();

        assertThat(span.getName()).isEqualTo("faceid/GetWebVerificationResultIntl");
        assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(span.getInstrumentationScopeInfo().getName()).isEqualTo("io.github.faceid4j");
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        var attributes = span.getAttributes().asMap();
        assertThat(attributes).containsEntry(AttributeKey.stringKey("rpc.system"), "tencentcloud")
                .containsEntry(AttributeKey.stringKey("rpc.service"), "faceid")
                .containsEntry(RPC_METHOD, "GetWebVerificationResultIntl")
                .containsEntry(AttributeKey.stringKey("cloud.region"), "ap-singapore")
                .containsEntry(AttributeKey.stringKey("server.address"), emulator.endpoint().getHost())
                .containsEntry(AttributeKey.longKey("server.port"), (long) emulator.endpoint().getPort())
                .containsEntry(AttributeKey.longKey("faceid.attempts"), 1L)
                .containsEntry(AttributeKey.stringKey("faceid.result.code"), "0")
                .containsEntry(OUTCOME, "success")
                .containsEntry(AttributeKey.stringKey("faceid.request_id"), result.requestId())
                .containsEntry(AttributeKey.stringKey("faceid.biz_token.prefix"), Redaction.prefix(token))
                .doesNotContainKey(ERROR_TYPE);
        assertThat(span.getEvents()).isEmpty();
        assertNoSecretIn(token, spans.getFinishedSpanItems(), metrics.collectAllMetrics());
    }

    @Test
    void retriesAreEventsOfTheCallsSpan() throws Exception {
        EMULATOR.get().script("ie-otel", Scenario.internalError(), Scenario.internalError(), Scenario.passed());
        try (VerificationResultService service = builder().build()) {
            assertThat(service.getResult("ie-otel").passed()).isTrue();
        }
        SpanData span = onlySpan();

        assertThat(span.getAttributes().get(AttributeKey.longKey("faceid.attempts"))).isEqualTo(3L);
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        List<EventData> events = span.getEvents();
        assertThat(events).extracting(EventData::getName).containsExactly("retry", "retry");
        assertThat(events).extracting(e -> e.getAttributes().get(AttributeKey.longKey("faceid.attempt")))
                .containsExactly(1L, 2L);
        assertThat(events).allSatisfy(e -> assertThat(e.getAttributes().get(ERROR_TYPE))
                .isEqualTo("FaceIdServiceException"));

        HistogramPointData attempts = histogram("faceid.client.call.attempts");
        assertThat(attempts.getCount()).isEqualTo(1);
        assertThat(attempts.getSum()).isEqualTo(3.0);
    }

    @Test
    void aFailedCallHasItsErrorTypeAndStatusAndCountsInTheDuration() throws Exception {
        String secretKey = "Zq8fK2mW7xR4tL9pV3nB6cY1hJ5dG0sA";
        try (VerificationResultService service = builder()
                .credentials(Credentials.of("AKIDotelunknown1234", secretKey)).build()) {
            assertThatThrownBy(() -> service.getResult("passed-1")).isInstanceOf(AuthenticationException.class);
        }
        SpanData span = onlySpan();

        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span.getAttributes().get(ERROR_TYPE)).isEqualTo("AuthenticationException");
        assertThat(span.getAttributes().get(OUTCOME)).isEqualTo("error");
        assertThat(span.getAttributes().get(AttributeKey.stringKey("faceid.error.code"))).startsWith("AuthFailure");
        assertThat(span.getAttributes().get(AttributeKey.longKey("faceid.attempts"))).isEqualTo(1L);

        MetricData duration = metric("faceid.client.call.duration");
        assertThat(duration.getUnit()).isEqualTo("s");
        HistogramPointData point = duration.getHistogramData().getPoints().iterator().next();
        assertThat(point.getAttributes().get(ERROR_TYPE)).isEqualTo("AuthenticationException");
        assertThat(point.getAttributes().get(OUTCOME)).isEqualTo("error");
        assertThat(point.getAttributes().get(RPC_METHOD)).isEqualTo("GetWebVerificationResultIntl");
        assertThat(point.getCount()).isEqualTo(1);
        assertThat(point.getSum()).isPositive();
        Leaks leaks = Leaks.of("SecretKey", secretKey);
        leaks.assertNotIn("spans", spans.getFinishedSpanItems().toString());
    }

    @Test
    void theSpanIsAChildOfTheApplicationsCurrentSpanOnBothPaths() throws Exception {
        Span parent = otel.getTracer("portal").spanBuilder("portal request").startSpan();
        try (VerificationResultService service = builder().build(); Scope scope = parent.makeCurrent()) {
            service.getResult("passed-sync");
            service.getResultAsync("passed-async").toCompletableFuture().get();
        } finally {
            parent.end();
        }
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (spans.getFinishedSpanItems().stream().filter(s -> s.getKind() == SpanKind.CLIENT).count() < 2
                && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        List<SpanData> client = spans.getFinishedSpanItems().stream().filter(s -> s.getKind() == SpanKind.CLIENT)
                .toList();
        assertThat(client).hasSize(2).allSatisfy(s -> {
            assertThat(s.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
            assertThat(s.getTraceId()).isEqualTo(parent.getSpanContext().getTraceId());
        });
    }

    /**
     * What runs inside an attempt, on the I/O thread (here the credentials provider, called by the signing filter
     * inside Jersey's request pipeline, as an agent's HTTP client instrumentation would be), sees the call's span as
     * the current one: a span it starts is the call span's child. Sync and async; and the I/O thread is left clean.
     */
    @Test
    void theCallsSpanIsCurrentOnTheIoThreadDuringEachAttempt() throws Exception {
        FaceIdEmulator emulator = EMULATOR.get();
        emulator.script("ie-current", Scenario.internalError(), Scenario.passed());
        List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        CredentialsProvider signing = () -> {
            threads.add(Thread.currentThread().getName());
            // what an agent does for the HTTP request: a span under whatever is current
            otel.getTracer("agent").spanBuilder("agent HTTP POST").setSpanKind(SpanKind.INTERNAL).startSpan().end();
            return Credentials.of(emulator.secretId(), emulator.secretKey());
        };
        Span parent = otel.getTracer("portal").spanBuilder("portal request").startSpan();
        try (VerificationResultService service = builder().credentialsProvider(signing).build();
             Scope scope = parent.makeCurrent()) {
            service.getResult("passed-current-sync");
            service.getResultAsync("ie-current").toCompletableFuture().get();
        } finally {
            parent.end();
        }
        waitForClientSpans(2);
        List<SpanData> all = spans.getFinishedSpanItems();
        List<SpanData> agent = all.stream().filter(s -> s.getName().equals("agent HTTP POST")).toList();
        assertThat(agent).as("one per attempt: 1 sync, 2 async").hasSize(3);
        assertThat(threads).as("attempts run on the service's I/O threads").hasSize(3)
                .allSatisfy(t -> assertThat(t).startsWith("faceid-"));
        for (SpanData a : agent) {
            SpanData call = all.stream().filter(s -> s.getSpanId().equals(a.getParentSpanId())).findFirst()
                    .orElseThrow(() -> new AssertionError("the agent's span has no parent among "
                            + all.stream().map(SpanData::getName).toList()));
            assertThat(call.getKind()).isEqualTo(SpanKind.CLIENT);
            assertThat(call.getName()).isEqualTo("faceid/GetWebVerificationResultIntl");
            assertThat(call.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
        }
        assertThat(agent).extracting(SpanData::getParentSpanId).as("sync call, async call (both attempts)")
                .containsOnly(agent.get(0).getParentSpanId(), agent.get(2).getParentSpanId());
        assertThat(agent.get(1).getParentSpanId()).isEqualTo(agent.get(2).getParentSpanId());
    }

    /**
     * The attempt's scope is closed on its thread: the limiter, asked on the I/O thread before each exchange (outside
     * the attempt), never sees an earlier call's span as current on the one I/O thread all calls run on.
     */
    @Test
    void noSpanStaysCurrentOnTheIoThreadAfterTheAttempt() throws Exception {
        List<String> seenByLimiter = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (VerificationResultService service = builder().maxConcurrency(1).rateLimiter(() -> {
            seenByLimiter.add(Thread.currentThread().getName() + " " + Span.current().getSpanContext().isValid());
            return 0;
        }).build()) {
            for (int i = 0; i < 5; i++) {
                service.getResult("passed-clean-" + i);
            }
        }
        waitForClientSpans(5);
        assertThat(seenByLimiter).hasSize(5).allSatisfy(seen -> assertThat(seen).endsWith(" false"))
                .extracting(seen -> seen.substring(0, seen.indexOf(' '))).as("one I/O thread").containsOnly(
                        seenByLimiter.get(0).substring(0, seenByLimiter.get(0).indexOf(' ')));
    }

    /**
     * {@code faceid.client.spilled} counts the bytes of answers written to spill files: a large answer adds its
     * length (its 3 MiB video is 4 MiB of base64, plus a little JSON), an answer under the threshold adds nothing,
     * and a service that never spills has no such metric.
     */
    @Test
    void spilledBytesAreCounted(@org.junit.jupiter.api.io.TempDir java.nio.file.Path spill) throws Exception {
        int video = 3 * 1024 * 1024;
        long base64 = 4L * video / 3;
        EMULATOR.get().script("big-otel", Scenario.passedWithVideoOfSize(video));
        long afterLarge;
        try (VerificationResultService service = builder().spillDirectory(spill).build()) {
            service.getResult("passed-small-before");
            assertThat(metrics.collectAllMetrics()).extracting(MetricData::getName)
                    .doesNotContain("faceid.client.spilled");

            assertThat(service.getResult("big-otel").videoBase64()).isNotNull();
            MetricData spilled = metric("faceid.client.spilled");
            assertThat(spilled.getUnit()).isEqualTo("By");
            LongPointData point = spilled.getLongSumData().getPoints().iterator().next();
            assertThat(point.getAttributes().get(RPC_METHOD)).isEqualTo("GetWebVerificationResultIntl");
            afterLarge = point.getValue();
            assertThat(afterLarge).as("bytes, not answers").isBetween(base64, base64 + 64 * 1024);

            service.getResult("passed-small-after");
            assertThat(sum("faceid.client.spilled")).as("a small answer adds nothing").isEqualTo(afterLarge);
        }
        try (VerificationResultService inMemory = builder().build()) {
            EMULATOR.get().script("big-otel-2", Scenario.passedWithVideoOfSize(video));
            inMemory.getResult("big-otel-2");
        }
        assertThat(sum("faceid.client.spilled")).as("no spill directory: nothing spilled").isEqualTo(afterLarge);
    }

    @Test
    void outcomeCategoriesAreTheModelsAndDurationsAreByOutcome() throws Exception {
        try (VerificationResultService service = builder().build()) {
            service.getResult("passed-m1");
            service.getResult("passed-m2");
            service.getResult("unfinished-m3");
        }
        waitForClientSpans(3);
        MetricData duration = metric("faceid.client.call.duration");
        Collection<HistogramPointData> points = duration.getHistogramData().getPoints();
        assertThat(points).anySatisfy(p -> {
            assertThat(p.getAttributes().get(OUTCOME)).isEqualTo("success");
            assertThat(p.getCount()).isEqualTo(2);
        });
        assertThat(points).anySatisfy(p -> {
            assertThat(p.getAttributes().get(OUTCOME)).isEqualTo("not_finished");
            assertThat(p.getCount()).isEqualTo(1);
        });
        assertThat(points).allSatisfy(p -> assertThat(p.getAttributes().get(ERROR_TYPE)).isNull());
    }

    @Test
    void rateLimitWaitsAndRefusalsAreCountedAndPermitsObserved() throws Exception {
        // one permit per 300 ms: the second call waits for it (a wait), and is answered
        try (VerificationResultService service = builder().rateLimit(1, Duration.ofMillis(300))
                .rateLimitMaxWait(Duration.ofSeconds(5)).build()) {
            service.getResult("passed-w1");
            assertThat(service.getResult("passed-w2").passed()).isTrue();
        }
        waitForClientSpans(2);
        assertThat(sum("faceid.client.rate_limit.waits")).isEqualTo(1);
        assertThat(metrics.collectAllMetrics()).extracting(MetricData::getName)
                .doesNotContain("faceid.client.rate_limit.refusals");

        // one permit per 10 s: the first call takes it, the second cannot have one within 300 ms (a refusal)
        try (VerificationResultService service = builder().rateLimit(1, Duration.ofSeconds(10))
                .rateLimitMaxWait(Duration.ofMillis(300)).build()) {
            service.getResult("passed-r1");
            assertThatThrownBy(() -> service.getResult("passed-r2")).isInstanceOf(RateLimitTimeoutException.class);
            waitForClientSpans(4);
            assertThat(sum("faceid.client.rate_limit.refusals")).isEqualTo(1);
            assertThat(gauge("faceid.client.rate_limit.permits_in_use")).isEqualTo(1);
        }
        SpanData refused = spans.getFinishedSpanItems().stream()
                .filter(s -> "RateLimitTimeoutException".equals(s.getAttributes().get(ERROR_TYPE))).findFirst()
                .orElseThrow();
        assertThat(refused.getAttributes().get(AttributeKey.longKey("faceid.attempts"))).isZero();
        assertThat(refused.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    }

    @Test
    void anApplyCallRecordsTheNewTokensPrefixOnly() throws Exception {
        StartedVerification started;
        try (VerificationStartService starts = builder().buildStartService()) {
            started = starts.start(WebVerificationRequest.builder("https://portal.example.com/verified")
                    .extra("order-4711-extra-text").build());
        }
        SpanData span = onlySpan();
        assertThat(span.getName()).isEqualTo("faceid/ApplyWebVerificationBizTokenIntl");
        assertThat(span.getAttributes().get(RPC_METHOD)).isEqualTo("ApplyWebVerificationBizTokenIntl");
        assertThat(span.getAttributes().get(AttributeKey.stringKey("faceid.biz_token.prefix")))
                .isEqualTo(Redaction.prefix(started.bizToken()));
        assertThat(span.getAttributes().get(AttributeKey.stringKey("faceid.request_id"))).isEqualTo(started.requestId());
        assertThat(span.getAttributes().get(OUTCOME)).isEqualTo("ok");
        assertThat(span.toString()).doesNotContain("order-4711-extra-text");
        assertNoSecretIn(started.bizToken(), spans.getFinishedSpanItems(), metrics.collectAllMetrics());
    }

    @Test
    void byDefaultTheGlobalOpenTelemetryOnceSetAndNeverFixedBeforeThat() throws Exception {
        GlobalOpenTelemetry.resetForTest();
        try (VerificationResultService service = builder().openTelemetry(null).build()) {
            service.getResult("passed-before-global");
            // the service did not fix the global to a no-op: the application can still set its own
            GlobalOpenTelemetry.set(otel);
            service.getResult("passed-after-global");
        } finally {
            GlobalOpenTelemetry.resetForTest();
        }
        SpanData span = onlySpan();
        assertThat(span.getAttributes().get(AttributeKey.stringKey("faceid.biz_token.prefix")))
                .isEqualTo(Redaction.prefix("passed-after-global"));
    }

    @Test
    void thePermitsGaugeSumsTheServicesOfAnActionAndEndsWithTheLast() throws Exception {
        try (VerificationResultService one = builder().rateLimit(5, Duration.ofSeconds(30)).build()) {
            try (VerificationResultService two = builder().rateLimit(5, Duration.ofSeconds(30)).build()) {
                one.getResult("passed-g1");
                two.getResult("passed-g2");
                two.getResult("passed-g3");
                assertThat(gauge("faceid.client.rate_limit.permits_in_use")).isEqualTo(3);
            }
            assertThat(gauge("faceid.client.rate_limit.permits_in_use")).isEqualTo(1);
        }
        assertThat(metrics.collectAllMetrics()).extracting(MetricData::getName)
                .doesNotContain("faceid.client.rate_limit.permits_in_use");
    }

    @Test
    void noopSwitchesItOff() throws Exception {
        try (VerificationResultService service = builder().openTelemetry(OpenTelemetry.noop()).build()) {
            assertThat(service.getResult("passed-off").passed()).isTrue();
        }
        assertThat(spans.getFinishedSpanItems()).isEmpty();
        assertThat(metrics.collectAllMetrics()).isEmpty();
    }

    @Test
    void failureKeepsTheServicesCodeAndRequestIdButNotItsMessage() throws Exception {
        EMULATOR.get().script("ie-otel-2", Scenario.internalError());
        try (VerificationResultService service = builder().build()) {
            assertThatThrownBy(() -> service.getResult("ie-otel-2")).isInstanceOf(FaceIdServiceException.class);
        }
        SpanData span = onlySpan();
        assertThat(span.getAttributes().get(AttributeKey.stringKey("faceid.error.code"))).isEqualTo("InternalError");
        assertThat(span.getAttributes().get(AttributeKey.stringKey("faceid.request_id"))).isNotBlank();
        assertThat(span.getEvents()).hasSize(2);
    }

    private void waitForClientSpans(int count) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (spans.getFinishedSpanItems().stream().filter(s -> s.getKind() == SpanKind.CLIENT).count() < count
                && System.nanoTime() < until) {
            Thread.sleep(10);
        }
    }

    private MetricData metric(String name) {
        return metrics.collectAllMetrics().stream().filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no metric " + name));
    }

    private HistogramPointData histogram(String name) {
        return metric(name).getHistogramData().getPoints().iterator().next();
    }

    private long sum(String name) {
        return metric(name).getLongSumData().getPoints().stream().mapToLong(LongPointData::getValue).sum();
    }

    private long gauge(String name) {
        return metric(name).getLongGaugeData().getPoints().stream().mapToLong(LongPointData::getValue).sum();
    }

    /** No attribute, event or metric holds any piece of the token beyond its masked prefix, or of the SecretKey. */
    private void assertNoSecretIn(String token, List<SpanData> spanData, Collection<MetricData> metricData) {
        String rest = token.substring(4); // Redaction.prefix keeps 4 characters
        Leaks leaks = Leaks.of("BizToken beyond its prefix", rest).and("SecretKey", EMULATOR.get().secretKey());
        StringBuilder all = new StringBuilder();
        for (SpanData s : spanData) {
            all.append(s.getName()).append(s.getAttributes()).append(s.getEvents());
        }
        all.append(metricData);
        assertThat(all.toString()).doesNotContain(token);
        leaks.assertNotIn("spans and metrics", all);
    }
}
