package io.github.faceid4j.benchmarks;

import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.client.Credentials;
import io.github.faceid4j.client.FaceIdServiceBuilder;
import io.github.faceid4j.client.RateLimiter;
import io.github.faceid4j.emulator.FaceIdEmulator;
import io.github.faceid4j.model.Media;
import io.github.faceid4j.model.VerificationResult;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs in a child JVM started with a small {@code -Xmx} by {@link HeapLimits}; the emulator serves from the
 * parent, so its cached base64 does not count against this heap. Prints one line {@code OK ...} and exits 0 on
 * success; an {@link OutOfMemoryError} exits 3, any other failure 2.
 *
 * <pre>
 * HeapLimitCheck fetch      ENDPOINT TOKEN VIDEO_BYTES          one result, video decoded through a stream
 * HeapLimitCheck concurrent ENDPOINT TOKEN VIDEO_BYTES N        N results at once, all held until the last arrives
 * HeapLimitCheck file       ENDPOINT TOKEN VIDEO_BYTES DIR      one result, its video written to a file in DIR
 * HeapLimitCheck naive      ENDPOINT TOKEN VIDEO_BYTES          the naive Jersey + Yasson-into-String client
 * HeapLimitCheck apply      ENDPOINT - IMAGE_BYTES DIR          three Applies with a compare image from a file in DIR
 * </pre>
 *
 * <p>With {@code -D}{@value #SPILL_PROPERTY}{@code =DIR} the service spills every answer to DIR
 * ({@link FaceIdServiceBuilder#spillDirectory}, threshold 0).
 */
public final class HeapLimitCheck {

    static final String SPILL_PROPERTY = "faceid4j.heapcheck.spill";

    private HeapLimitCheck() {
    }

    public static void main(String[] args) {
        try {
            String mode = args[0];
            URI endpoint = URI.create(args[1]);
            String token = args[2];
            long videoBytes = Long.parseLong(args[3]);
            Credentials credentials = Credentials.of(FaceIdEmulator.DEFAULT_SECRET_ID,
                    FaceIdEmulator.DEFAULT_SECRET_KEY);
            String detail = switch (mode) {
                case "fetch" -> fetch(endpoint, credentials, token, videoBytes);
                case "concurrent" -> concurrent(endpoint, credentials, token, videoBytes, Integer.parseInt(args[4]));
                case "file" -> file(endpoint, credentials, token, videoBytes, Path.of(args[4]));
                case "naive" -> naive(endpoint, credentials, token, videoBytes);
                case "apply" -> apply(endpoint, credentials, videoBytes, Path.of(args[4]));
                default -> throw new IllegalArgumentException("unknown mode " + mode);
            };
            System.out.println("OK " + detail + (System.getProperty(SPILL_PROPERTY) != null ? ", spilled" : "")
                    + "; heap pools' peaks sum to " + peakHeapMiB() + " MiB (an upper"
                    + " bound: pools peak at different times), -Xmx "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB usable");
            System.exit(0);
        } catch (OutOfMemoryError e) {
            System.out.println("FAIL OutOfMemoryError: " + e.getMessage());
            System.exit(3);
        } catch (Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            boolean oom = root instanceof OutOfMemoryError;
            System.out.println("FAIL " + e + (root != e ? " caused by " + root : ""));
            System.exit(oom ? 3 : 2);
        }
    }

    private static VerificationResultService service(URI endpoint, Credentials credentials, int concurrency) {
        FaceIdServiceBuilder builder = FaceIdServiceBuilder.create();
        String spill = System.getProperty(SPILL_PROPERTY);
        if (spill != null) {
            builder.spillDirectory(Path.of(spill)).spillThreshold(0);
        }
        return builder
                .region("ap-singapore")
                .endpoint(endpoint)
                .credentials(credentials)
                .rateLimiter(RateLimiter.unlimited())
                .maxConcurrency(concurrency)
                .maxAttempts(1) // a failure must show, not be retried into a pass
                .callTimeout(Duration.ofMinutes(2))
                .readTimeout(Duration.ofMinutes(2))
                .build();
    }

    private static String fetch(URI endpoint, Credentials credentials, String token, long videoBytes)
            throws Exception {
        try (VerificationResultService service = service(endpoint, credentials, 1)) {
            VerificationResult result = service.getResult(token);
            long decoded = check(result.videoBase64(), videoBytes)
                    .writeTo(OutputStream.nullOutputStream());
            return "fetched one result, decoded " + decoded + " video bytes through a stream";
        }
    }

    private static String concurrent(URI endpoint, Credentials credentials, String token, long videoBytes, int n)
            throws Exception {
        try (VerificationResultService service = service(endpoint, credentials, n)) {
            ExecutorService callers = Executors.newFixedThreadPool(n);
            try {
                List<Future<VerificationResult>> calls = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    calls.add(callers.submit(() -> service.getResult(token)));
                }
                List<VerificationResult> held = new ArrayList<>(); // all alive at once: the worst case
                for (Future<VerificationResult> call : calls) {
                    held.add(call.get(2, TimeUnit.MINUTES));
                }
                long total = 0;
                for (VerificationResult result : held) {
                    total += check(result.videoBase64(), videoBytes).writeTo(OutputStream.nullOutputStream());
                }
                return n + " concurrent results held at once, " + total + " video bytes decoded through streams";
            } finally {
                callers.shutdownNow();
            }
        }
    }

    private static String file(URI endpoint, Credentials credentials, String token, long videoBytes, Path dir)
            throws Exception {
        try (VerificationResultService service = service(endpoint, credentials, 1)) {
            Path target = dir.resolve("video-" + ProcessHandle.current().pid() + ".mp4");
            try {
                long written = check(service.getResult(token).videoBase64(), videoBytes).writeTo(target);
                if (Files.size(target) != videoBytes || written != videoBytes) {
                    throw new IllegalStateException("wrote " + written + " bytes, file has " + Files.size(target));
                }
                return "wrote the " + written + "-byte video to a file";
            } finally {
                Files.deleteIfExists(target);
            }
        }
    }

    private static String naive(URI endpoint, Credentials credentials, String token, long videoBytes) {
        try (NaiveClient naive = new NaiveClient(endpoint, credentials)) {
            long decoded = naive.fetchAndDecodeVideo(token).length;
            if (decoded != videoBytes) {
                throw new IllegalStateException("decoded " + decoded + " bytes");
            }
            return "naive client fetched and decoded " + decoded + " video bytes";
        }
    }

    /**
     * ApplyWebVerificationBizTokenIntl with a compare image of {@code imageBytes} read from a file: the body (its
     * base64 text is 4/3 of that) is hashed and sent from the file, so the heap needs none of it at once.
     */
    private static String apply(URI endpoint, Credentials credentials, long imageBytes, Path dir) throws Exception {
        Path file = Files.createTempFile(dir, "compare-image", ".jpg");
        try {
            try (OutputStream out = Files.newOutputStream(file)) {
                java.util.Random random = new java.util.Random(14);
                byte[] chunk = new byte[64 * 1024];
                for (long left = imageBytes; left > 0; left -= chunk.length) {
                    random.nextBytes(chunk);
                    out.write(chunk, 0, (int) Math.min(chunk.length, left));
                }
            }
            var request = io.github.faceid4j.model.start.WebVerificationRequest.builder("https://portal.example.com/back")
                    .compareImage(io.github.faceid4j.model.MediaInput.ofPath(file)).build();
            try (io.github.faceid4j.VerificationStartService service = FaceIdServiceBuilder.create()
                    .region("ap-singapore").endpoint(endpoint).credentials(credentials)
                    .rateLimiter(RateLimiter.unlimited()).callTimeout(Duration.ofSeconds(60)).buildStartService()) {
                String token = null;
                for (int i = 0; i < 3; i++) {
                    token = service.start(request).bizToken();
                }
                return "3 Applies with a " + imageBytes + "-byte image (" + (imageBytes + 2) / 3 * 4
                        + " characters of base64) from a file, last BizToken " + token.substring(0, 4) + "...";
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static Media check(Media video, long videoBytes) {
        if (video == null || video.size() != videoBytes) {
            throw new IllegalStateException("video of " + (video == null ? "no" : video.size()) + " bytes, expected "
                    + videoBytes);
        }
        return video;
    }

    private static long peakHeapMiB() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024 * 1024);
    }
}
