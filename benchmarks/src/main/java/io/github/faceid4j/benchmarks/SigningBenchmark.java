package io.github.faceid4j.benchmarks;

import io.github.faceid4j.client.BenchAccess;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * TC3-HMAC-SHA256 per request: what impl's {@code SigningFilter} computes for every call (two SHA-256 and four
 * HMAC-SHA256, the signing key derived afresh each time, as the date in it may change between calls).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SigningBenchmark {

    private final BenchAccess.RawSigner signer = new BenchAccess.RawSigner();
    private final byte[] body = "{\"BizToken\":\"9A3B5C7D-1E2F-4A6B-8C0D-2E4F6A8B0C1D\"}".getBytes(StandardCharsets.UTF_8);
    private final long timestamp = 1_764_100_000L;

    /** The Authorization header for one request: all four steps. */
    @Benchmark
    public String signRequest() {
        return signer.sign("AKIDEXAMPLE0000000000000000000000000", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", timestamp,
                "application/json; charset=utf-8", "faceid.tencentcloudapi.com", body);
    }
}
