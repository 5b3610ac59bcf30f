package io.github.faceid4j.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * A minimal OpenTelemetry collector on 127.0.0.1: it takes what a server's OTLP/HTTP exporter sends
 * ({@code http/protobuf}: {@code POST /v1/traces}, {@code /v1/metrics}, {@code /v1/logs}), decodes spans and metric
 * names with the protocol's own classes (opentelemetry-proto), and keeps them for the test to look at.
 */
final class OtlpReceiver implements AutoCloseable {

    /** One span as exported: ids in hex, the kind as the protocol names it, attributes as text. */
    record ReceivedSpan(String traceId, String spanId, String parentSpanId, String name, String kind, String scope,
                        Map<String, String> attributes, List<String> events) {
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();
    private final List<String> metricNames = new CopyOnWriteArrayList<>();
    /** One metric as exported: its scope, name, and the protocol's text form of it (what a leak scan reads). */
    record ReceivedMetric(String scope, String name, String text) {
    }

    private final List<ReceivedMetric> metrics = new CopyOnWriteArrayList<>();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    static OtlpReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            OtlpReceiver receiver = new OtlpReceiver(server);
            server.createContext("/", receiver::handle);
            server.setExecutor(Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r, "otlp-receiver");
                t.setDaemon(true);
                return t;
            }));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The base URL an exporter is given ({@code otel.exporter.otlp.endpoint}). */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/v1/traces")) {
                ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
                request.getResourceSpansList().forEach(resource -> resource.getScopeSpansList().forEach(scope ->
                        scope.getSpansList().forEach(span -> spans.add(new ReceivedSpan(
                                hex(span.getTraceId().toByteArray()), hex(span.getSpanId().toByteArray()),
                                hex(span.getParentSpanId().toByteArray()), span.getName(), span.getKind().name(),
                                scope.getScope().getName(), attributes(span.getAttributesList()),
                                span.getEventsList().stream().map(e -> e.getName() + attributes(e.getAttributesList()))
                                        .toList())))));
            } else if (path.endsWith("/v1/metrics")) {
                ExportMetricsServiceRequest request = ExportMetricsServiceRequest.parseFrom(body);
                request.getResourceMetricsList().forEach(resource -> resource.getScopeMetricsList().forEach(scope ->
                        scope.getMetricsList().forEach(metric -> {
                            metrics.add(new ReceivedMetric(scope.getScope().getName(), metric.getName(),
                                    metric.toString()));
                            metricNames.add(metric.getName());
                        })));
            }
            // an empty Export*ServiceResponse: full success
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static Map<String, String> attributes(List<KeyValue> list) {
        Map<String, String> map = new LinkedHashMap<>();
        for (KeyValue kv : list) {
            AnyValue v = kv.getValue();
            map.put(kv.getKey(), switch (v.getValueCase()) {
                case STRING_VALUE -> v.getStringValue();
                case INT_VALUE -> Long.toString(v.getIntValue());
                case BOOL_VALUE -> Boolean.toString(v.getBoolValue());
                case DOUBLE_VALUE -> Double.toString(v.getDoubleValue());
                default -> v.toString();
            });
        }
        return map;
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    List<String> metricNames() {
        return List.copyOf(metricNames);
    }

    List<ReceivedMetric> metrics() {
        return List.copyOf(metrics);
    }

    /** Waits (exports are batched) until a span matching {@code wanted} has arrived; fails after {@code timeout}. */
    ReceivedSpan await(Predicate<ReceivedSpan> wanted, String what, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (ReceivedSpan span : spans) {
                if (wanted.test(span)) {
                    return span;
                }
            }
            if (System.nanoTime() > until) {
                throw new AssertionError("no " + what + " exported within " + timeout + "; received: "
                        + spans.stream().map(s -> s.kind() + " " + s.name()).toList());
            }
            Thread.sleep(50);
        }
    }

    /** Waits until a metric named {@code name} has arrived. */
    void awaitMetric(String name, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (!metricNames.contains(name)) {
            if (System.nanoTime() > until) {
                throw new AssertionError("no metric " + name + " exported within " + timeout + "; received: "
                        + metricNames.stream().distinct().toList());
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
