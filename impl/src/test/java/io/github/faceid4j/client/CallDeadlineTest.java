package io.github.faceid4j.client;

import com.sun.net.httpserver.HttpServer;
import io.github.faceid4j.FaceIdTimeoutException;
import io.github.faceid4j.VerificationResultService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A server that never goes silent for long, but trickles its answer slower than the call's deadline allows: no read
 * timeout fires, so only the deadline can end the call, at the deadline, not when the answer is finally complete.
 * Synchronous calls make their first attempt on the caller's thread without a watchdog, so this is what holds them
 * to {@code callTimeout}.
 */
class CallDeadlineTest {

    private static final byte[] BODY = "{\"Response\":{\"ErrorCode\":0,\"ErrorMsg\":\"ok\",\"RequestId\":\"trickled\"}}"
            .getBytes(StandardCharsets.US_ASCII);
    /** Pause between two bytes: the whole answer takes BODY.length x this, about 7 s. */
    private static final long BYTE_EVERY_MILLIS = 100;
    private static final Duration CALL_TIMEOUT = Duration.ofMillis(700);

    private HttpServer server;
    private ExecutorService handlers;
    private URI endpoint;

    @TempDir
    Path spill;

    @BeforeEach
    void trickle() throws IOException {
        handlers = Executors.newCachedThreadPool();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(handlers);
        server.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = ex.getResponseBody()) {
                for (byte b : BODY) {
                    out.write(b);
                    out.flush();
                    Thread.sleep(BYTE_EVERY_MILLIS);
                }
            } catch (InterruptedException | IOException gaveUp) {
                // the client gave up (or the test is over): stop sending
            }
        });
        server.start();
        endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() throws InterruptedException {
        server.stop(0);
        handlers.shutdownNow();
        assertThat(handlers.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    private FaceIdServiceBuilder builder() {
        return FaceIdServiceBuilder.create()
                .region("ap-singapore")
                .endpoint(endpoint)
                .credentials(Credentials.of("AKIDdeadlinetest", "deadline-test-key-not-real"))
                .readTimeout(Duration.ofSeconds(5)) // never reached: a byte comes every 100 ms
                .callTimeout(CALL_TIMEOUT)
                .maxAttempts(1);
    }

    @Test
    void aSynchronousCallEndsAtItsDeadlineWhileTheAnswerTrickles() {
        try (VerificationResultService service = builder().build()) {
            assertEndsAtTheDeadline(() -> service.getResult("trickle-1"));
        }
    }

    @Test
    void aSpilledAnswerIsGivenUpAtTheDeadlineToo() {
        try (VerificationResultService service = builder().spillDirectory(spill).spillThreshold(0).build()) {
            assertEndsAtTheDeadline(() -> service.getResult("trickle-2"));
        }
    }

    @Test
    void anAsynchronousCallEndsAtItsDeadlineToo() {
        try (VerificationResultService service = builder().build()) {
            assertEndsAtTheDeadline(() -> {
                try {
                    service.getResultAsync("trickle-3").toCompletableFuture().get();
                } catch (ExecutionException e) {
                    throw (RuntimeException) e.getCause();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    private static void assertEndsAtTheDeadline(Runnable call) {
        long start = System.nanoTime();
        assertThatThrownBy(call::run).isInstanceOfSatisfying(FaceIdTimeoutException.class,
                e -> assertThat(e.getMessage()).contains("callTimeout"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("ends at the deadline, not when the answer is complete (~7 s)")
                .isGreaterThanOrEqualTo(CALL_TIMEOUT.minusMillis(50))
                .isLessThan(CALL_TIMEOUT.plusMillis(1_000));
    }
}
