package io.github.faceid4j.client;

import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.emulator.FaceIdEmulator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 200 calls from 50 threads through one service: the account's limit holds at the service, and nothing leaks. The
 * emulator shares this JVM's two cores and starts cold, so requests reach it after uneven delays: the limiter has to
 * hold the bound anyway.
 */
class LoadTest {

    static java.util.Set<Thread> emulatorThreads() {
        java.util.Set<Thread> threads = new java.util.HashSet<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && t.getName().startsWith("faceid-emulator-")) {
                threads.add(t);
            }
        }
        return threads;
    }

    @Test
    void twoHundredCallsFromFiftyThreadsStayWithinTwentyPerSecond() throws Exception {
        java.util.Set<Thread> emulatorThreadsBefore = emulatorThreads();
        // the emulator counts arrivals without refusing any: one that refused the 21st could never show a 21st
        try (FaceIdEmulator emulator = FaceIdEmulator.builder().rateLimitEnforced(false).build().start()) {
            AtomicInteger passed = new AtomicInteger();
            try (VerificationResultService service = FaceIdServiceBuilder.create()
                    .region("ap-singapore")
                    .endpoint(emulator.endpoint())
                    .credentials(Credentials.of(emulator.secretId(), emulator.secretKey()))
                    .rateLimitMaxWait(Duration.ofSeconds(30))
                    .callTimeout(Duration.ofSeconds(60))
                    .build()) {
                ExecutorService callers = Executors.newFixedThreadPool(50);
                List<Future<?>> calls = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    String token = "passed-load-" + i;
                    calls.add(callers.submit(() -> {
                        if (service.getResult(token).passed()) {
                            passed.incrementAndGet();
                        }
                    }));
                }
                for (Future<?> call : calls) {
                    call.get(60, TimeUnit.SECONDS);
                }
                callers.shutdown();
                assertThat(callers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(passed).hasValue(200);
            assertThat(emulator.maxRequestsInAnyOneSecondWindow()).as(() -> {
                java.util.List<io.github.faceid4j.emulator.RecordedRequest> all = new java.util.ArrayList<>(emulator.requests());
                all.sort(java.util.Comparator.comparing(io.github.faceid4j.emulator.RecordedRequest::arrival));
                StringBuilder b = new StringBuilder();
                java.time.Instant first = all.get(0).arrival();
                for (var r : all) {
                    b.append(java.time.Duration.between(first, r.arrival()).toMillis()).append(r.accepted() ? "" : "X").append(' ');
                }
                return b.toString();
            }).isLessThanOrEqualTo(20);
            assertThat(emulator.requests()).hasSize(200);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline && ServiceAgainstEmulatorTest.ownThreads() > 0) {
            Thread.sleep(20);
        }
        assertThat(ServiceAgainstEmulatorTest.ownThreads()).as("service threads left").isZero();
        // the JDK's own keep-alive and cleaner threads come and go; this test's emulator threads must all be gone
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < until && !emulatorThreadsBefore.containsAll(emulatorThreads())) {
            Thread.sleep(20);
        }
        assertThat(emulatorThreads()).as("emulator threads left by this test").isSubsetOf(emulatorThreadsBefore);
    }
}
