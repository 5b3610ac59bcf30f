package io.github.faceid4j.cdi;

import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.client.RateLimiter;
import io.github.faceid4j.emulator.FaceIdEmulatorExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.atomic.AtomicInteger;

import static io.github.faceid4j.cdi.CdiTestSupport.boot;
import static io.github.faceid4j.cdi.CdiTestSupport.config;
import static io.github.faceid4j.cdi.CdiTestSupport.map;
import static io.github.faceid4j.cdi.CdiTestSupport.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An application's RateLimiter bean (e.g. a cluster-wide limiter on the server's grid) paces the extension's services. */
class RateLimiterBeanTest {

    @RegisterExtension
    static FaceIdEmulatorExtension emulator = new FaceIdEmulatorExtension();

    /** Counts the permits it hands out; never waits. */
    static final class CountingLimiter implements RateLimiter {
        final AtomicInteger acquired = new AtomicInteger();
        final AtomicInteger released = new AtomicInteger();

        @Override
        public long tryAcquire() {
            acquired.incrementAndGet();
            return 0;
        }

        @Override
        public void release() {
            released.incrementAndGet();
        }
    }

    @ApplicationScoped
    static class Limiters {
        static final CountingLimiter SHARED = new CountingLimiter();
        static final CountingLimiter PAYOUTS = new CountingLimiter();

        @Produces
        @ApplicationScoped
        RateLimiter shared() {
            return SHARED;
        }

        @Produces
        @ApplicationScoped
        @FaceIdClient("payouts")
        RateLimiter payouts() {
            return PAYOUTS;
        }
    }

    @Dependent
    static class Clients {
        @Inject
        VerificationResultService results;
        @Inject
        @FaceIdClient("payouts")
        VerificationResultService payouts;
        @Inject
        @FaceIdClient("kyc")
        VerificationResultService kyc;
    }

    @Test
    void eachClientUsesItsOwnLimiterBeanElseTheDefaultOne() {
        var settings = valid(emulator.get(), "tencentcloud.faceid.payouts.region", "ap-jakarta",
                "tencentcloud.faceid.kyc.region", "ap-singapore");
        int shared = Limiters.SHARED.acquired.get();
        int payouts = Limiters.PAYOUTS.acquired.get();
        try (var cdi = boot(config(map(settings)), Limiters.class, Clients.class)) {
            Clients clients = cdi.get(Clients.class);
            assertThat(clients.results.getResult("passed-1").passed()).isTrue();
            assertThat(clients.kyc.getResult("passed-2").passed()).isTrue();
            assertThat(clients.payouts.getResult("passed-3").passed()).isTrue();
        }
        assertThat(Limiters.SHARED.acquired.get() - shared).as("default and kyc clients").isEqualTo(2);
        assertThat(Limiters.PAYOUTS.acquired.get() - payouts).as("the payouts client's own").isEqualTo(1);
        assertThat(Limiters.SHARED.released.get()).isEqualTo(Limiters.SHARED.acquired.get());
    }

    @ApplicationScoped
    static class TwoLimiters {
        @Produces
        @ApplicationScoped
        RateLimiter one() {
            return new CountingLimiter();
        }
    }

    @ApplicationScoped
    static class AnotherLimiter {
        @Produces
        @ApplicationScoped
        RateLimiter two() {
            return new CountingLimiter();
        }
    }

    @Dependent
    static class DefaultClient {
        @Inject
        VerificationResultService results;
    }

    @Test
    void twoLimiterBeansForOneClientFailTheDeployment() {
        assertThatThrownBy(() -> boot(config(map(valid(emulator.get()))), TwoLimiters.class, AnotherLimiter.class,
                DefaultClient.class).close())
                .isInstanceOf(DeploymentException.class)
                .hasMessageContaining("rateLimiter: more than one RateLimiter bean for the default FaceID client");
    }
}
