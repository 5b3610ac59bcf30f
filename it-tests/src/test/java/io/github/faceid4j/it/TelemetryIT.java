package io.github.faceid4j.it;

import io.github.faceid4j.testing.Leaks;
import io.github.faceid4j.client.internal.Redaction;
import io.github.faceid4j.emulator.FaceIdEmulatorExtension;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's own OpenTelemetry (MicroProfile Telemetry) switched on for the portal, exporting over OTLP/HTTP to a
 * collector this test runs on 127.0.0.1 ({@link OtlpReceiver}). The test calls the portal with a W3C
 * {@code traceparent} of its own, so the trace is known: the server's span for the incoming request is a child of
 * the test's, and the library's CLIENT span for each FaceID call is a child of the server's span, with the RPC
 * attributes, and no BizToken beyond its masked prefix and no credential in anything the library recorded.
 *
 * <p>How the server is told: MicroProfile Config keys in the WAR's microprofile-config.properties (both servers read
 * {@code otel.*} there; MicroProfile Telemetry leaves the SDK off unless {@code otel.sdk.disabled=false}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TelemetryIT {

    @RegisterExtension
    static final FaceIdEmulatorExtension EMULATOR = new FaceIdEmulatorExtension(Portal.emulator());

    /** Started with the class: the deployment's configuration names its port. */
    static final OtlpReceiver OTLP = OtlpReceiver.start();

    private static final Duration EXPORT_WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Deployment(testable = false)
    static WebArchive portal() {
        WebArchive war = Portal.war().addClass(StartVerificationResource.class);
        String config;
        try (InputStream in = war.get(Portal.CONFIG).getAsset().openStream()) {
            config = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        war.delete(Portal.CONFIG);
        war.add(new StringAsset(config + "\n# added by TelemetryIT: the server's OpenTelemetry on, exporting here\n"
                + "otel.sdk.disabled=false\n"
                + "otel.traces.exporter=otlp\n"
                + "otel.metrics.exporter=otlp\n"
                + "otel.logs.exporter=none\n"
                + "otel.exporter.otlp.protocol=http/protobuf\n"
                + "otel.exporter.otlp.endpoint=" + OTLP.endpoint() + "\n"
                + "otel.traces.sampler=always_on\n"
                + "otel.bsp.schedule.delay=200\n"
                + "otel.metric.export.interval=1000\n"), Portal.CONFIG);
        return war;
    }

    @AfterAll
    static void stopReceiver() {
        OTLP.close();
    }

    @ArquillianResource
    URL deployment;

    /** A trace of the test's own: {@code traceparent} for the request, and the ids to look for. */
    private record Trace(String traceId, String spanId) {
        static Trace random() {
            byte[] trace = new byte[16];
            byte[] span = new byte[8];
            RANDOM.nextBytes(trace);
            RANDOM.nextBytes(span);
            return new Trace(HexFormat.of().formatHex(trace), HexFormat.of().formatHex(span));
        }

        String traceparent() {
            return "00-" + traceId + "-" + spanId + "-01";
        }
    }

    /** The portal's answer to {@code GET pathAndQuery} within {@code trace}, which must be 200. */
    private HttpResponse<String> getOk(String pathAndQuery, Trace trace) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(Portal.base(deployment).resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(30)).header("traceparent", trace.traceparent()).GET().build();
        HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer;
    }

    /** The library's span for its call of {@code action} within {@code trace}, once exported. */
    private static OtlpReceiver.ReceivedSpan clientSpan(Trace trace, String action) throws InterruptedException {
        return OTLP.await(s -> s.traceId().equals(trace.traceId()) && s.name().equals("faceid/" + action),
                "FaceID CLIENT span", EXPORT_WAIT);
    }

    @Test
    void aResultCallIsAClientSpanUnderThePortalsRequestSpan() throws Exception {
        String token = "passed-otel-" + UUID.randomUUID();
        Trace trace = Trace.random();
        HttpResponse<String> answer = getOk("api/onboarding/return?token=" + token, trace);

        OtlpReceiver.ReceivedSpan call = clientSpan(trace, "GetWebVerificationResultIntl");
        assertThat(call.kind()).isEqualTo("SPAN_KIND_CLIENT");
        assertThat(call.scope()).isEqualTo("io.github.faceid4j");
        assertThat(call.attributes()).containsEntry("rpc.system", "tencentcloud")
                .containsEntry("rpc.service", "faceid")
                .containsEntry("rpc.method", "GetWebVerificationResultIntl")
                .containsEntry("cloud.region", "ap-singapore")
                .containsEntry("server.address", "127.0.0.1")
                .containsEntry("server.port", Integer.toString(EMULATOR.get().endpoint().getPort()))
                .containsEntry("faceid.outcome", "success")
                .containsEntry("faceid.result.code", "0")
                .containsEntry("faceid.biz_token.prefix", Redaction.prefix(token))
                .containsKey("faceid.request_id")
                .doesNotContainKey("error.type");
        assertThat(call.attributes().get("faceid.request_id")).as("the RequestId the portal was answered")
                .isEqualTo(jakarta.json.Json.createReader(new java.io.StringReader(answer.body())).readObject()
                        .getString("requestId"));

        OtlpReceiver.ReceivedSpan request = serverSpanOf(call);
        assertThat(request.parentSpanId()).as("the server continued the test's trace").isEqualTo(trace.spanId());

        assertNothingOfTheLibrarysLeaks(token);
    }

    /**
     * The library's instruments reach the server's meter provider too: the call duration, and the bytes the named
     * client {@code jakarta} (spill threshold 0 in the portal's configuration) wrote to its spill directory.
     */
    @Test
    void theLibrarysMetricsAreExportedByTheServer() throws Exception {
        String token = "passed-otel-spill-" + UUID.randomUUID();
        Trace trace = Trace.random();
        getOk("api/onboarding/id/return?token=" + token, trace);
        OtlpReceiver.ReceivedSpan call = clientSpan(trace, "GetWebVerificationResultIntl");
        assertThat(call.attributes()).containsEntry("cloud.region", "ap-jakarta");

        OTLP.awaitMetric("faceid.client.call.duration", EXPORT_WAIT);
        OTLP.awaitMetric("faceid.client.spilled", EXPORT_WAIT);
        assertNothingOfTheLibrarysLeaks(token);
    }

    @Test
    void anApplyCallIsAClientSpanUnderThePortalsRequestSpan() throws Exception {
        Trace trace = Trace.random();
        String token = getOk("api/test/start-verification", trace).body().trim();

        OtlpReceiver.ReceivedSpan call = clientSpan(trace, "ApplyWebVerificationBizTokenIntl");
        assertThat(call.kind()).isEqualTo("SPAN_KIND_CLIENT");
        assertThat(call.attributes()).containsEntry("rpc.system", "tencentcloud")
                .containsEntry("rpc.method", "ApplyWebVerificationBizTokenIntl")
                .containsEntry("faceid.outcome", "ok")
                .containsEntry("faceid.biz_token.prefix", Redaction.prefix(token));
        OtlpReceiver.ReceivedSpan request = serverSpanOf(call);
        assertThat(request.parentSpanId()).isEqualTo(trace.spanId());

        assertNothingOfTheLibrarysLeaks(token);
    }

    /** The span {@code call} is a child of: the server's own span for the portal's incoming request. */
    private static OtlpReceiver.ReceivedSpan serverSpanOf(OtlpReceiver.ReceivedSpan call) throws InterruptedException {
        assertThat(call.parentSpanId()).as("the CLIENT span has a parent").isNotEqualTo("0000000000000000")
                .isNotEmpty();
        OtlpReceiver.ReceivedSpan parent = OTLP.await(s -> s.spanId().equals(call.parentSpanId()),
                "parent of the FaceID span", EXPORT_WAIT);
        assertThat(parent.kind()).as(parent.toString()).isEqualTo("SPAN_KIND_SERVER");
        assertThat(parent.traceId()).isEqualTo(call.traceId());
        assertThat(parent.scope()).isNotEqualTo("io.github.faceid4j");
        System.out.println("TelemetryIT: " + System.getProperty("arquillian.launch") + "'s span '" + parent.name()
                + "' (scope " + parent.scope() + ", attributes " + parent.attributes().keySet() + ") is the parent of "
                + call.name());
        return parent;
    }

    /**
     * Every span the library exported (attributes and events) and every metric holds no piece of the BizToken beyond
     * its masked prefix, nor of the SecretKey. (The server's own span for the request is not the library's: it may
     * record the URL's query, which carries the token on the portal's return URL; see docs/operations.md.)
     */
    private static void assertNothingOfTheLibrarysLeaks(String token) {
        Leaks leaks = Leaks.of("BizToken beyond its masked prefix", token.substring(4))
                .and("SecretKey", System.getenv("TENCENTCLOUD_FACEID_SECRET_KEY"));
        List<OtlpReceiver.ReceivedSpan> ours = OTLP.spans().stream()
                .filter(s -> s.scope().equals("io.github.faceid4j")).toList();
        assertThat(ours).isNotEmpty();
        leaks.assertNotIn("the library's spans", ours.toString());
        List<OtlpReceiver.ReceivedMetric> metrics = OTLP.metrics().stream()
                .filter(m -> m.scope().equals("io.github.faceid4j")).toList();
        leaks.assertNotIn("the library's metrics", metrics.toString());
        // what the server itself records is its business; said here so that the build log shows it
        String rest = token.substring(4);
        OTLP.spans().stream().filter(s -> !s.scope().equals("io.github.faceid4j") && s.toString().contains(rest))
                .forEach(s -> System.out.println("TelemetryIT: the server's own span " + s.name() + " (scope "
                        + s.scope() + ") records the portal's URL with the token, in " + s.attributes().keySet()));
        OTLP.metrics().stream().filter(m -> !m.scope().equals("io.github.faceid4j") && m.text().contains(rest))
                .forEach(m -> System.out.println("TelemetryIT: the server's own metric " + m.name() + " (scope "
                        + m.scope() + ") holds the token"));
    }
}
