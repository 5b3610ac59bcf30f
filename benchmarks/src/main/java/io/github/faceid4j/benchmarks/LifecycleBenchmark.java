package io.github.faceid4j.benchmarks;

import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.client.Credentials;
import io.github.faceid4j.client.FaceIdServiceBuilder;
import io.github.faceid4j.client.RateLimiter;
import io.github.faceid4j.emulator.FaceIdEmulator;
import io.github.faceid4j.emulator.Scenario;
import io.github.faceid4j.model.VerificationResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * What building a service costs, once, against what each call costs: build in a fresh JVM (class loading and
 * Jersey/HK2/Yasson start-up included), build again once warm, and a warm call for a small passed result (64 KiB
 * video) from the emulator on loopback. The emulator runs in the measured JVM; its rate limit and ours are lifted.
 */
public class LifecycleBenchmark {

    /** An emulator serving a small passed result, started once per fork. */
    @State(Scope.Benchmark)
    public static class Emulator {
        FaceIdEmulator emulator;
        Credentials credentials;

        @Setup(Level.Trial)
        public void start() {
            emulator = FaceIdEmulator.builder().rateLimitPerSecond(1_000_000).build().start();
            emulator.script("small", Scenario.passed());
            credentials = Credentials.of(emulator.secretId(), emulator.secretKey());
        }

        @TearDown(Level.Trial)
        public void stop() {
            emulator.close();
        }

        VerificationResultService build() {
            return FaceIdServiceBuilder.create()
                    .region("ap-singapore")
                    .endpoint(emulator.endpoint())
                    .credentials(credentials)
                    .rateLimiter(RateLimiter.unlimited())
                    .build();
        }
    }

    /** A built service, for the per-call benchmark. */
    @State(Scope.Benchmark)
    public static class Built {
        VerificationResultService service;

        @Setup(Level.Trial)
        public void build(Emulator emulator) {
            service = emulator.build();
        }

        @TearDown(Level.Trial)
        public void close() {
            service.close();
        }
    }

    /** The first service of a fresh JVM: build and close, one shot per fork. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(5)
    public void buildFirstInFreshJvm(Emulator emulator) {
        emulator.build().close();
    }

    /** The first service and its first call in a fresh JVM: what the first customer of a new node waits for. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    @Fork(5)
    public VerificationResult buildAndFirstCallInFreshJvm(Emulator emulator) {
        try (VerificationResultService service = emulator.build()) {
            return service.getResult("small");
        }
    }

    /** Building (and closing) one more service once everything is loaded and compiled. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    @Fork(1)
    public void buildWarm(Emulator emulator) {
        emulator.build().close();
    }

    /** One call on a built, warm service: small passed result, signed, sent, read, decoded (media not decoded). */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 2)
    @Fork(1)
    public VerificationResult callWarm(Built built) {
        return built.service.getResult("small");
    }
}
