package io.github.faceid4j.cdi;

import io.github.faceid4j.BizTokenExpiredException;
import io.github.faceid4j.InvalidBizTokenException;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.emulator.FaceIdEmulatorExtension;
import io.github.faceid4j.model.VerificationResult;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.weld.proxy.WeldClientProxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.github.faceid4j.cdi.CdiTestSupport.boot;
import static io.github.faceid4j.cdi.CdiTestSupport.config;
import static io.github.faceid4j.cdi.CdiTestSupport.map;
import static io.github.faceid4j.cdi.CdiTestSupport.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventsAndLifecycleTest {

    @RegisterExtension
    static FaceIdEmulatorExtension emulator = new FaceIdEmulatorExtension();

    @Singleton
    static class CallLog {
        final List<VerificationCallEvent> events = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();

        void onCall(@Observes VerificationCallEvent event) {
            events.add(event);
            threads.add(Thread.currentThread().getName());
        }
    }

    @Test
    void everyCallFiresAnEventWithTheTokenMasked() throws Exception {
        try (var cdi = boot(config(map(valid(emulator.get()))), CallLog.class)) {
            VerificationResultService service = cdi.get(VerificationResultService.class);
            CallLog log = cdi.get(CallLog.class);

            assertThat(service.getResult("passed-token-123").passed()).isTrue();
            assertThat(service.getResult("failed-token-456").passed()).isFalse();
            assertThatThrownBy(() -> service.getResult("expired-token-789")).isInstanceOf(BizTokenExpiredException.class);
            assertThatThrownBy(() -> service.getResult("bad token!")).isInstanceOf(InvalidBizTokenException.class);

            assertThat(log.events).hasSize(4);
            VerificationCallEvent passed = log.events.get(0);
            assertThat(passed.maskedToken()).isEqualTo("pass...");
            assertThat(passed.clientName()).isEqualTo(VerificationCallEvent.DEFAULT_CLIENT);
            assertThat(passed.defaultClient()).isTrue();
            assertThat(passed.outcome()).isEqualTo(VerificationCallEvent.Outcome.PASSED);
            assertThat(passed.resultCode()).isZero();
            assertThat(passed.attempts()).isEqualTo(1);
            assertThat(passed.async()).isFalse();
            assertThat(passed.duration()).isPositive();
            assertThat(passed.outcomeDescription()).isEqualTo("passed");

            VerificationCallEvent failed = log.events.get(1);
            assertThat(failed.outcome()).isEqualTo(VerificationCallEvent.Outcome.NOT_PASSED);
            assertThat(failed.resultCode()).isNotZero();
            assertThat(failed.outcomeDescription()).startsWith("not passed (");

            VerificationCallEvent expired = log.events.get(2);
            assertThat(expired.maskedToken()).isEqualTo("expi...");
            assertThat(expired.outcome()).isEqualTo(VerificationCallEvent.Outcome.ERROR);
            assertThat(expired.errorType()).isEqualTo("BizTokenExpiredException");
            assertThat(expired.errorCode()).isEqualTo("InvalidParameterValue.BizTokenExpired");
            assertThat(expired.outcomeDescription())
                    .isEqualTo("BizTokenExpiredException InvalidParameterValue.BizTokenExpired");
            assertThat(expired.attempts()).isGreaterThanOrEqualTo(1);

            VerificationCallEvent invalid = log.events.get(3);
            assertThat(invalid.errorType()).isEqualTo("InvalidBizTokenException");
            assertThat(invalid.attempts()).isZero();

            assertThat(log.events.toString()).doesNotContain("token-123", "token-456", "token-789", "bad token");
            assertThat(log.threads).allMatch(t -> t.equals(Thread.currentThread().getName()));
        }
    }

    @Test
    void aSuccessfulCallsEventCountsTheRequestsItTook() throws Exception {
        emulator.get().script("passed-retried-1", io.github.faceid4j.emulator.Scenario.internalError(),
                io.github.faceid4j.emulator.Scenario.passed());
        emulator.get().script("passed-retried-2", io.github.faceid4j.emulator.Scenario.internalError(),
                io.github.faceid4j.emulator.Scenario.internalError(), io.github.faceid4j.emulator.Scenario.passed());
        try (var cdi = boot(config(map(valid(emulator.get()))), CallLog.class)) {
            VerificationResultService service = cdi.get(VerificationResultService.class);
            CallLog log = cdi.get(CallLog.class);
            assertThat(service.getResult("passed-retried-1").passed()).isTrue();
            assertThat(service.getResultAsync("passed-retried-2").toCompletableFuture().get().passed()).isTrue();
            assertThat(log.events).extracting(VerificationCallEvent::attempts).containsExactly(2, 3);
        }
    }

    @Test
    void asyncCallsFireTheirEventOnCompletionWithoutBlockingTheCaller() throws Exception {
        try (var cdi = boot(config(map(valid(emulator.get()))), CallLog.class)) {
            VerificationResultService service = cdi.get(VerificationResultService.class);
            CallLog log = cdi.get(CallLog.class);

            CompletionStage<VerificationResult> ok = service.getResultAsync("passed-async-1");
            CompletionStage<VerificationResult> expired = service.getResultAsync("expired-async-2");

            assertThat(ok.toCompletableFuture().get(10, TimeUnit.SECONDS).passed()).isTrue();
            assertThatThrownBy(() -> expired.toCompletableFuture().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(BizTokenExpiredException.class);
            // the stage fails with the service's own exception type, not a CompletionException around it
            assertThat(expired.handle((r, e) -> e).toCompletableFuture().get()).isInstanceOf(BizTokenExpiredException.class);

            // observers have run by the time the stage completes
            assertThat(log.events).hasSize(2).allMatch(VerificationCallEvent::async);
            assertThat(log.events).extracting(VerificationCallEvent::maskedToken)
                    .containsExactlyInAnyOrder("pass...", "expi...");
            assertThat(log.events).extracting(VerificationCallEvent::outcome)
                    .containsExactlyInAnyOrder(VerificationCallEvent.Outcome.PASSED, VerificationCallEvent.Outcome.ERROR);
        }
    }

    @Test
    void theServiceIsClosedWhenTheContainerShutsDown() {
        VerificationResultService underlying;
        var cdi = boot(config(map(valid(emulator.get()))));
        try {
            VerificationResultService proxy = cdi.get(VerificationResultService.class);
            assertThat(proxy.getResult("passed-before").passed()).isTrue();
            // test hook (Weld API, tests only): the contextual instance behind the client proxy
            underlying = (VerificationResultService) ((WeldClientProxy) proxy).getMetadata().getContextualInstance();
        } finally {
            cdi.close();
        }
        assertThatThrownBy(() -> underlying.getResult("passed-after"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThat(emulator.get().requestsFor("passed-after")).isEmpty();
    }

    /** Counts lookups, to see when the service is built. */
    static final class CountingSource implements ConfigSource {
        final Map<String, String> values;
        final AtomicInteger lookups = new AtomicInteger();

        CountingSource(Map<String, String> values) {
            this.values = values;
        }

        @Override
        public Set<String> getPropertyNames() {
            return values.keySet();
        }

        @Override
        public String getValue(String propertyName) {
            lookups.incrementAndGet();
            return values.get(propertyName);
        }

        @Override
        public String getName() {
            return "counting";
        }
    }

    @Test
    void theServiceIsBuiltOnFirstUseOnly() {
        CountingSource source = new CountingSource(valid(emulator.get()));
        try (var cdi = boot(config(source))) {
            VerificationResultService proxy = cdi.get(VerificationResultService.class);
            int afterDeployment = source.lookups.get();
            assertThat(afterDeployment).isPositive(); // validated at deployment

            proxy.getResult("passed-first");
            int afterFirstCall = source.lookups.get();
            assertThat(afterFirstCall).isGreaterThan(afterDeployment); // built now

            proxy.getResult("passed-second");
            assertThat(source.lookups.get()).isEqualTo(afterFirstCall); // and reused
        }
    }
}
