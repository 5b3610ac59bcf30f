package io.github.faceid4j.cdi;

import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.VerificationStartService;
import io.github.faceid4j.emulator.FaceIdEmulatorExtension;
import io.github.faceid4j.model.start.WebVerificationRequest;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

import static io.github.faceid4j.cdi.CdiTestSupport.boot;
import static io.github.faceid4j.cdi.CdiTestSupport.config;
import static io.github.faceid4j.cdi.CdiTestSupport.map;
import static io.github.faceid4j.cdi.CdiTestSupport.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The container's OpenTelemetry bean (as MicroProfile Telemetry provides) gets the clients' spans. */
class ContainerTelemetryTest {

    @RegisterExtension
    static FaceIdEmulatorExtension emulator = new FaceIdEmulatorExtension();

    static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();

    @ApplicationScoped
    static class Telemetry {
        static final OpenTelemetrySdk SDK = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(SPANS)).build()).build();

        @Produces
        OpenTelemetry openTelemetry() {
            return SDK;
        }
    }

    @ApplicationScoped
    static class Portal {
        @Inject
        VerificationResultService results;
        @Inject
        VerificationStartService starts;

        boolean passed(String token) {
            return results.getResult(token).passed();
        }

        String start() {
            return starts.start(WebVerificationRequest.builder("https://portal.example.com/verified").build())
                    .bizToken();
        }
    }

    /** An application's own OpenTelemetry producer beside the container's: which one should get the spans? */
    @ApplicationScoped
    static class AnotherTelemetry {
        @Produces
        OpenTelemetry openTelemetry() {
            return OpenTelemetry.noop();
        }
    }

    @Test
    void twoOpenTelemetryBeansFailTheDeploymentNamingThem() {
        assertThatThrownBy(() -> boot(config(map(valid(emulator.get()))), Portal.class, Telemetry.class,
                AnotherTelemetry.class).close())
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("openTelemetry: more than one OpenTelemetry bean")
                .hasMessageContaining(Telemetry.class.getName())
                .hasMessageContaining(AnotherTelemetry.class.getName());
    }

    @Test
    void theClientsSpansGoToTheContainersOpenTelemetry() throws Exception {
        SPANS.reset();
        try (var cdi = boot(config(map(valid(emulator.get()))), Portal.class, Telemetry.class)) {
            Portal portal = cdi.get(Portal.class);
            assertThat(portal.passed("passed-cdi-otel")).isTrue();
            assertThat(portal.start()).isNotBlank();
        }
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (SPANS.getFinishedSpanItems().size() < 2 && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        List<SpanData> spans = SPANS.getFinishedSpanItems();
        assertThat(spans).extracting(SpanData::getName).containsExactlyInAnyOrder(
                "faceid/GetWebVerificationResultIntl", "faceid/ApplyWebVerificationBizTokenIntl");
        assertThat(spans).allSatisfy(s -> assertThat(s.getAttributes().get(AttributeKey.stringKey("rpc.system")))
                .isEqualTo("tencentcloud"));
    }
}
