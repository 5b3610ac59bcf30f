package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdConfigurationException;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.emulator.FaceIdEmulator;
import io.github.faceid4j.emulator.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Temporary credentials rotating while calls are in flight. Two emulators each accept one complete set (SecretId,
 * SecretKey, session token); a proxy in front routes each request by the SecretId it was signed with. A request
 * that mixed one set's id with another's key or token would reach the emulator of its id and fail there.
 */
class CredentialRotationTest {

    private static final Credentials A = Credentials.of("AKIDROTATEA000000000000000000000001", "rotate-key-a-11aa",
            "rotate-token-a-22bb");
    private static final Credentials B = Credentials.of("AKIDROTATEB000000000000000000000002", "rotate-key-b-33cc",
            "rotate-token-b-44dd");

    private static FaceIdEmulator emulatorFor(Credentials c) {
        return FaceIdEmulator.builder().credentials(c.secretId(), c.secretKey()).sessionToken(c.sessionToken().orElseThrow())
                .rateLimitPerSecond(100_000).build().start();
    }

    @Test
    void twentyThreadsCallWhileTheCredentialsRotateAndEveryRequestIsSignedByOneSet() throws Exception {
        try (FaceIdEmulator a = emulatorFor(A); FaceIdEmulator b = emulatorFor(B);
             TestProxy router = new TestProxy(null, seen -> {
                 String auth = seen.headers().getOrDefault("authorization", "");
                 return auth.contains("Credential=" + B.secretId() + "/") ? b.port() : a.port();
             })) {
            AtomicInteger fetches = new AtomicInteger();
            // rotates every 2 ms: many rotations during the run
            RefreshingCredentialsProvider rotating = RefreshingCredentialsProvider.every(Duration.ofMillis(2),
                    () -> fetches.incrementAndGet() % 2 == 0 ? A : B);
            int threads = 20;
            int callsPerThread = 15;
            try (VerificationResultService service = FaceIdServiceBuilder.create()
                    .region("ap-singapore")
                    // a name, not loopback: loopback never goes through a proxy, and the router must see every request
                    .endpoint("http://faceid-emulator.test:" + a.port())
                    .allowInsecureHttp(true)
                    .proxy(ProxySettings.of("127.0.0.1", router.port()))
                    .credentialsProvider(rotating)
                    .rateLimiter(RateLimiter.unlimited())
                    .maxConcurrency(threads)
                    .maxAttempts(1)
                    .build()) {
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Integer>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    results.add(pool.submit(() -> {
                        go.await();
                        int passed = 0;
                        for (int i = 0; i < callsPerThread; i++) {
                            if (service.getResult("passed-" + thread + "-" + i).passed()) {
                                passed++;
                            }
                        }
                        return passed;
                    }));
                }
                go.countDown();
                int passed = 0;
                for (Future<Integer> f : results) {
                    passed += f.get(60, TimeUnit.SECONDS);
                }
                pool.shutdown();

                int total = threads * callsPerThread;
                assertThat(passed).isEqualTo(total);
                List<RecordedRequest> all = new ArrayList<>(a.requests());
                all.addAll(b.requests());
                assertThat(all).hasSize(total).allSatisfy(r -> {
                    assertThat(r.signatureValid()).isTrue();
                    assertThat(r.accepted()).isTrue();
                    assertThat(r.errorCode()).isNull();
                });
                assertThat(a.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.header("X-TC-Token"))
                        .isEqualTo(A.sessionToken().orElseThrow()));
                assertThat(b.requests()).isNotEmpty().allSatisfy(r -> assertThat(r.header("X-TC-Token"))
                        .isEqualTo(B.sessionToken().orElseThrow()));
                assertThat(fetches.get()).isGreaterThan(2);
            }
        }
    }

    @Test
    void refreshesByPeriodAndOnlyOneCallerFetches() throws Exception {
        MutableClock clock = new MutableClock();
        AtomicInteger fetches = new AtomicInteger();
        RefreshingCredentialsProvider provider = RefreshingCredentialsProvider.every(Duration.ofMinutes(10),
                () -> fetches.incrementAndGet() % 2 == 1 ? A : B, clock);
        assertThat(provider.toString()).contains("not fetched");
        assertThat(provider.credentials()).isEqualTo(A);
        assertThat(provider.credentials()).isEqualTo(A);
        assertThat(fetches).hasValue(1);
        clock.advance(Duration.ofMinutes(11));
        assertThat(provider.credentials()).isEqualTo(B);
        assertThat(fetches).hasValue(2);
        provider.invalidate();
        assertThat(provider.credentials()).isEqualTo(A);
        assertThat(provider.toString()).doesNotContain(A.secretKey()).doesNotContain(A.sessionToken().orElseThrow());

        // many callers at the moment of expiry: one fetch
        clock.advance(Duration.ofMinutes(11));
        int before = fetches.get();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Credentials>> seen = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            seen.add(pool.submit(() -> {
                go.await();
                return provider.credentials();
            }));
        }
        go.countDown();
        for (Future<Credentials> f : seen) {
            assertThat(f.get(10, TimeUnit.SECONDS)).isIn(A, B);
        }
        pool.shutdown();
        assertThat(fetches.get() - before).isEqualTo(1);
    }

    @Test
    void refreshesBeforeExpiryAndKeepsTheCurrentSetWhileTheSourceFails() {
        MutableClock clock = new MutableClock();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        AtomicBoolean nextIsB = new AtomicBoolean();
        RefreshingCredentialsProvider provider = RefreshingCredentialsProvider.untilExpiry(() -> {
            if (failure.get() != null) {
                throw failure.get();
            }
            return new RefreshingCredentialsProvider.Expiring(nextIsB.get() ? B : A, clock.instant().plus(Duration.ofMinutes(30)));
        }, Duration.ofMinutes(5), clock);

        assertThat(provider.credentials()).isEqualTo(A);
        nextIsB.set(true);
        clock.advance(Duration.ofMinutes(24));
        assertThat(provider.credentials()).isEqualTo(A); // 6 minutes left: not yet
        clock.advance(Duration.ofMinutes(2));
        assertThat(provider.credentials()).isEqualTo(B); // within the 5-minute margin: renewed

        failure.set(new IllegalStateException("sts down " + A.secretKey()));
        clock.advance(Duration.ofMinutes(26)); // in the margin, source failing: the current set still works
        assertThat(provider.credentials()).isEqualTo(B);
        clock.advance(Duration.ofMinutes(5)); // now expired, source still failing
        assertThatThrownBy(provider::credentials).isInstanceOf(FaceIdConfigurationException.class)
                .hasMessageContaining("IllegalStateException").hasMessageNotContaining(A.secretKey());
        failure.set(null);
        nextIsB.set(false);
        assertThat(provider.credentials()).isEqualTo(A);
    }

    /** A clock tests move by hand. */
    static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
