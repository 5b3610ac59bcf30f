package io.github.faceid4j.cdi;

import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.VerificationStartService;
import io.github.faceid4j.emulator.FaceIdEmulatorExtension;
import io.github.faceid4j.emulator.FlowOutcome;
import io.github.faceid4j.model.start.StartedVerification;
import io.github.faceid4j.model.start.WebVerificationRequest;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.faceid4j.cdi.CdiTestSupport.SECRET_ID;
import static io.github.faceid4j.cdi.CdiTestSupport.SECRET_KEY;
import static io.github.faceid4j.cdi.CdiTestSupport.boot;
import static io.github.faceid4j.cdi.CdiTestSupport.config;
import static io.github.faceid4j.cdi.CdiTestSupport.fullText;
import static io.github.faceid4j.cdi.CdiTestSupport.map;
import static io.github.faceid4j.cdi.CdiTestSupport.props;
import static io.github.faceid4j.cdi.CdiTestSupport.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The start-a-verification service is injectable, default and named, from the same configuration as the result's. */
class StartServiceInjectionTest {

    @RegisterExtension
    static FaceIdEmulatorExtension emulator = new FaceIdEmulatorExtension();

    static final WebVerificationRequest REQUEST = WebVerificationRequest.builder("https://portal.example.com/back")
            .extra("cdi-flow").build();

    @Dependent
    static class Portal {
        @Inject
        VerificationStartService starts;

        @Inject
        VerificationResultService results;
    }

    @jakarta.inject.Singleton
    static class StartObserver {
        final java.util.List<VerificationStartEvent> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

        void onStart(@jakarta.enterprise.event.Observes VerificationStartEvent event) {
            seen.add(event);
        }
    }

    @Dependent
    static class HongKongPortal {
        @Inject
        @FaceIdClient("hk")
        VerificationStartService starts;
    }

    @Test
    void theDefaultClientStartsAndFetches() {
        try (var cdi = boot(config(map(valid(emulator.get()))), Portal.class)) {
            Portal portal = cdi.get(Portal.class);
            StartedVerification started = portal.starts.start(REQUEST);
            emulator.complete(started.bizToken(), FlowOutcome.PASSED);
            var result = portal.results.getResult(started.bizToken());
            assertThat(result.passed()).isTrue();
            assertThat(result.extra()).isEqualTo("cdi-flow");
        }
        assertThat(emulator.get().requests().get(0).header("X-TC-Action")).isEqualTo("ApplyWebVerificationBizTokenIntl");
    }

    @Test
    void everyStartFiresAnEventWithoutPersonalData() throws Exception {
        try (var cdi = boot(config(map(valid(emulator.get()))), Portal.class, StartObserver.class)) {
            Portal portal = cdi.get(Portal.class);
            StartedVerification started = portal.starts.start(REQUEST);
            emulator.get().scriptApply(io.github.faceid4j.emulator.Scenario.apiError("UnauthorizedOperation.Arrears",
                    "In arrears."));
            Throwable failure = catchThrowable(() -> portal.starts.startAsync(REQUEST).toCompletableFuture().join());
            assertThat(failure).hasCauseInstanceOf(io.github.faceid4j.AccountArrearsException.class);

            var seen = cdi.get(StartObserver.class).seen;
            assertThat(seen).hasSize(2);
            assertThat(seen.get(0).started()).isTrue();
            assertThat(seen.get(0).maskedToken()).isEqualTo(started.bizToken().substring(0, 4) + "...");
            assertThat(seen.get(0).async()).isFalse();
            assertThat(seen.get(1).started()).isFalse();
            assertThat(seen.get(1).errorType()).isEqualTo("AccountArrearsException");
            assertThat(seen.get(1).errorCode()).isEqualTo("UnauthorizedOperation.Arrears");
            assertThat(seen.get(1).attempts()).isEqualTo(1);
            assertThat(seen.get(1).async()).isTrue();
            assertThat(seen.toString()).doesNotContain("cdi-flow", "portal.example.com", started.bizToken());
        }
    }

    @Test
    void aNamedClientHasItsOwnStartService() {
        var config = config(map(props(
                "tencentcloud.faceid.endpoint", emulator.get().endpoint().toString(),
                "tencentcloud.faceid.secret-id", SECRET_ID,
                "tencentcloud.faceid.secret-key", SECRET_KEY,
                "tencentcloud.faceid.hk.region", "ap-hongkong")));
        try (var cdi = boot(config, HongKongPortal.class)) {
            assertThat(cdi.get(HongKongPortal.class).starts.start(REQUEST).bizToken()).isNotBlank();
            assertThat(cdi.container().select(VerificationStartService.class, FaceIdClient.Literal.of("hk"))
                    .isResolvable()).isTrue();
        }
        assertThat(emulator.get().requests().get(0).header("X-TC-Region")).isEqualTo("ap-hongkong");
    }

    @Test
    void aNamedStartServiceWithoutConfigurationStopsTheDeployment() {
        Throwable failure = catchThrowable(() -> {
            try (var cdi = boot(config(map(valid(emulator.get()))), HongKongPortal.class)) {
                cdi.get(HongKongPortal.class);
            }
        });
        assertThat(failure).isInstanceOf(DeploymentException.class);
        assertThat(fullText(failure)).contains("tencentcloud.faceid.hk");
    }
}
