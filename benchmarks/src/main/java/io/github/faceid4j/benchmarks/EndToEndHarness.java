package io.github.faceid4j.benchmarks;

import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.client.Credentials;
import io.github.faceid4j.client.FaceIdServiceBuilder;
import io.github.faceid4j.client.RateLimiter;
import io.github.faceid4j.emulator.FaceIdEmulator;
import io.github.faceid4j.emulator.Scenario;
import io.github.faceid4j.model.Media;
import io.github.faceid4j.model.VerificationResult;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Fetches a passed result whose video is 1, 10 or 20 MiB from the emulator on loopback and decodes the video, with
 * the floor, our service and the naive stack <em>interleaved</em> in one run against one server: every round runs
 * each variant once, in an order that rotates from round to round, so a noisy neighbour slows all of them alike.
 */
final class EndToEndHarness {

    static final long MIB = 1024 * 1024;

    /** How many rounds to run per size. */
    record Plan(long videoBytes, int warmupRounds, int measuredRounds) {
    }

    /** A way of getting the decoded video of one result. */
    interface Variant {
        String name();

        /** Fetches and returns the decoded video's length (the work must not be optimised away). */
        long fetchAndDecode(String token) throws Exception;
    }

    /** Measurements of one variant at one size. */
    static final class Samples {
        final String variant;
        final long[] nanos;
        final long[] allocated;
        final long[] responseBytes;
        int n;

        Samples(String variant, int capacity) {
            this.variant = variant;
            this.nanos = new long[capacity];
            this.allocated = new long[capacity];
            this.responseBytes = new long[capacity];
        }

        double medianMillis() {
            return percentile(nanos, n, 50) / 1e6;
        }

        double minMillis() {
            return Arrays.stream(nanos, 0, n).min().orElse(0) / 1e6;
        }

        double p90Millis() {
            return percentile(nanos, n, 90) / 1e6;
        }

        long medianAllocated() {
            return percentile(allocated, n, 50);
        }
    }

    /** All variants at one size. */
    record SizeResult(long videoBytes, long responseBytes, Map<String, Samples> samples) {
        Samples floor() {
            return samples.get(FLOOR);
        }

        double ratioOfMedians(String variant) {
            return samples.get(variant).medianMillis() / floor().medianMillis();
        }

        /** Median over rounds of (variant / floor) within the same round: the least noise-sensitive ratio. */
        double medianRoundRatio(String variant) {
            Samples s = samples.get(variant);
            Samples f = floor();
            double[] r = new double[s.n];
            for (int i = 0; i < s.n; i++) {
                r[i] = (double) s.nanos[i] / f.nanos[i];
            }
            Arrays.sort(r);
            return r.length == 0 ? Double.NaN : r[r.length / 2];
        }
    }

    static final String FLOOR = "floor";
    static final String OURS = "faceid4j";
    static final String OURS_STREAM = "faceid4j-stream";
    static final String OURS_DIRECT = "faceid4j-same-thread";
    static final String OURS_SPILLED = "faceid4j-spilled";
    static final String NAIVE = "naive";

    private final PrintStream log;

    EndToEndHarness(PrintStream log) {
        this.log = log;
    }

    List<SizeResult> run(List<Plan> plans, boolean includeNaive) throws Exception {
        List<SizeResult> results = new ArrayList<>();
        Path spillDirectory = Files.createTempDirectory("faceid4j-bench-spill");
        try (FaceIdEmulator emulator = FaceIdEmulator.builder().rateLimitPerSecond(1_000_000).build().start()) {
            Credentials credentials = Credentials.of(emulator.secretId(), emulator.secretKey());
            Floor floor = new Floor(emulator.endpoint(), credentials);
            try (VerificationResultService service = service(emulator, credentials, null);
                 VerificationResultService direct = service(emulator, credentials, new SameThreadExecutor());
                 VerificationResultService spilled = FaceIdServiceBuilder.create().region("ap-singapore")
                         .endpoint(emulator.endpoint()).credentials(credentials).rateLimiter(RateLimiter.unlimited())
                         .callTimeout(Duration.ofSeconds(60)).spillDirectory(spillDirectory).build();
                 NaiveClient naive = includeNaive ? new NaiveClient(emulator.endpoint(), credentials) : null) {
                List<Variant> variants = new ArrayList<>();
                variants.add(variant(FLOOR, token -> floor.fetchAndDecodeVideo(token).length));
                variants.add(variant(OURS, token -> service.getResult(token).videoBase64().toByteArray().length));
                variants.add(variant(OURS_STREAM, token -> service.getResult(token).videoBase64()
                        .writeTo(OutputStream.nullOutputStream())));
                variants.add(variant(OURS_DIRECT, token -> direct.getResult(token).videoBase64().toByteArray()
                        .length));
                variants.add(variant(OURS_SPILLED, token -> spilled.getResult(token).videoBase64().toByteArray()
                        .length));
                if (naive != null) {
                    variants.add(variant(NAIVE, token -> naive.fetchAndDecodeVideo(token).length));
                }
                for (Plan plan : plans) {
                    String token = "perf-" + plan.videoBytes();
                    emulator.script(token, Scenario.passedWithVideoOfSize(plan.videoBytes()));
                    check(floor, service, token, plan.videoBytes());
                    results.add(runSize(plan, token, variants, floor));
                }
            }
        } finally {
            Files.deleteIfExists(spillDirectory); // spill files are deleted as they are opened: it is empty
        }
        return results;
    }

    /** The service as an application builds it; pacing lifted (so is the emulator's): we measure bytes. */
    static VerificationResultService service(FaceIdEmulator emulator, Credentials credentials,
                                             ExecutorService asyncExecutor) {
        FaceIdServiceBuilder builder = FaceIdServiceBuilder.create()
                .region("ap-singapore")
                .endpoint(emulator.endpoint())
                .credentials(credentials)
                .rateLimiter(RateLimiter.unlimited())
                .callTimeout(Duration.ofSeconds(60));
        if (asyncExecutor != null) {
            builder.asyncExecutor(asyncExecutor);
        }
        return builder.build();
    }

    /** The variants must agree on the bytes before their speed means anything. */
    private static void check(Floor floor, VerificationResultService service, String token, long videoBytes)
            throws Exception {
        byte[] expected = floor.fetchAndDecodeVideo(token);
        VerificationResult result = service.getResult(token);
        Media video = result.videoBase64();
        if (expected.length != videoBytes || video.size() != videoBytes
                || !Arrays.equals(expected, video.toByteArray())) {
            throw new IllegalStateException("floor and service disagree on the video of " + token);
        }
    }

    private SizeResult runSize(Plan plan, String token, List<Variant> variants, Floor floor) throws Exception {
        int v = variants.size();
        Map<String, Samples> samples = new LinkedHashMap<>();
        for (Variant variant : variants) {
            samples.put(variant.name(), new Samples(variant.name(), plan.measuredRounds()));
        }
        long responseBytes = floor.fetch(token).length;
        log.printf(Locale.ROOT, "%n%d MiB video, %,d-byte response: %d warm-up + %d measured rounds of %s%n",
                plan.videoBytes() / MIB, responseBytes, plan.warmupRounds(), plan.measuredRounds(), samples.keySet());
        for (int round = 0; round < plan.warmupRounds() + plan.measuredRounds(); round++) {
            boolean measured = round >= plan.warmupRounds();
            for (int k = 0; k < v; k++) {
                Variant variant = variants.get((round + k) % v); // rotate who goes first
                long allocatedBefore = Allocation.allocatedBytes();
                long start = System.nanoTime();
                long decoded = variant.fetchAndDecode(token);
                long elapsed = System.nanoTime() - start;
                long allocated = Allocation.allocatedBytes() - allocatedBefore;
                if (decoded != plan.videoBytes()) {
                    throw new IllegalStateException(variant.name() + " decoded " + decoded + " bytes");
                }
                if (measured) {
                    Samples s = samples.get(variant.name());
                    s.nanos[s.n] = elapsed;
                    s.allocated[s.n] = allocated;
                    s.responseBytes[s.n] = responseBytes;
                    s.n++;
                }
            }
        }
        SizeResult result = new SizeResult(plan.videoBytes(), responseBytes, samples);
        for (Samples s : samples.values()) {
            log.printf(Locale.ROOT, "  %-16s median %8.2f ms  min %8.2f  p90 %8.2f  x%.3f of floor (median of"
                            + " per-round ratios x%.3f)  alloc/call %,d B (%.2f x response)%n",
                    s.variant, s.medianMillis(), s.minMillis(), s.p90Millis(), result.ratioOfMedians(s.variant),
                    result.medianRoundRatio(s.variant), s.medianAllocated(),
                    (double) s.medianAllocated() / responseBytes);
        }
        return result;
    }

    private static Variant variant(String name, Call call) {
        return new Variant() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long fetchAndDecode(String token) throws Exception {
                return call.run(token);
            }
        };
    }

    @FunctionalInterface
    private interface Call {
        long run(String token) throws Exception;
    }

    static long percentile(long[] values, int n, int p) {
        if (n == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return sorted[Math.min(n - 1, (int) Math.round((n - 1) * p / 100.0))];
    }
}
