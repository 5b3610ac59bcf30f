package io.github.faceid4j.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class LifecycleTest {

    @Test
    void bindsToLoopbackOnly() throws Exception {
        try (FaceIdEmulator emulator = FaceIdEmulator.builder().build().start()) {
            assertThat(emulator.endpoint().toString()).isEqualTo("http://127.0.0.1:" + emulator.port());
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", emulator.port()), 1_000);
            }
            Optional<InetAddress> external = nonLoopbackAddress();
            if (external.isPresent()) {
                assertThatThrownBy(() -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress(external.get(), emulator.port()), 1_000);
                    }
                }).isInstanceOf(IOException.class);
            }
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (ni.isUp() && !ni.isLoopback()) {
                for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                    if (a instanceof Inet4Address) {
                        return Optional.of(a);
                    }
                }
            }
        }
        return Optional.empty();
    }

    @Test
    void usesTheRequestedPort() throws Exception {
        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            free = probe.getLocalPort();
        }
        try (FaceIdEmulator emulator = FaceIdEmulator.builder().port(free).build().start()) {
            assertThat(emulator.port()).isEqualTo(free);
            assertThat(new TestClient(emulator).call("passed-1").errorCode()).isNull();
        }
    }

    @Test
    void closeStopsEverythingPromptlyEvenWithSlowRequestsInFlight() throws Exception {
        FaceIdEmulator emulator = FaceIdEmulator.builder().build().start();
        String prefix = threadPrefixOf(emulator);
        TestClient client = new TestClient(emulator);
        assertThat(client.call("passed-1").errorCode()).isNull();
        emulator.script("stuck", Scenario.slow(Duration.ofSeconds(30), Scenario.passed()));
        List<CompletableFuture<?>> inFlight = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            inFlight.add(client.call("stuck").sendAsync());
        }
        waitUntil(() -> emulator.requestsFor("stuck").size() == 3);
        assertThat(liveThreads(prefix)).isNotEmpty();

        long start = System.nanoTime();
        emulator.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(emulator.isRunning()).isFalse();
        assertThat(liveThreads(prefix)).as("no handler thread alive once close() has returned").isEmpty();
        waitUntil(() -> liveThreads("HTTP-Dispatcher").isEmpty());
        assertThat(liveThreads("HTTP-Dispatcher")).isEmpty();
        for (var f : inFlight) {
            assertThat(f).failsWithin(Duration.ofSeconds(5));
        }
        emulator.close(); // idempotent
        assertThatThrownBy(emulator::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void startIsIdempotentAndPortNeedsStart() {
        FaceIdEmulator emulator = FaceIdEmulator.builder().build();
        assertThatThrownBy(emulator::port).isInstanceOf(IllegalStateException.class);
        try (emulator) {
            emulator.start();
            int port = emulator.port();
            assertThat(emulator.start().port()).isEqualTo(port);
        }
    }

    @Test
    void runUntilInterruptedReturnsAndClosesOnInterrupt() throws Exception {
        FaceIdEmulator emulator = FaceIdEmulator.builder().build();
        AtomicBoolean returned = new AtomicBoolean();
        Thread runner = new Thread(() -> {
            emulator.runUntilInterrupted();
            returned.set(true);
        });
        runner.start();
        waitUntil(emulator::isRunning);
        assertThat(new TestClient(emulator).call("passed-1").errorCode()).isNull();
        runner.interrupt();
        runner.join(5_000);
        assertThat(returned).isTrue();
        assertThat(emulator.isRunning()).isFalse();
    }

    @Test
    void handlesFiftyConcurrentRequests() throws Exception {
        try (FaceIdEmulator emulator = FaceIdEmulator.builder().rateLimitPerSecond(1_000).build().start()) {
            emulator.script("slowish", Scenario.slow(Duration.ofMillis(300), Scenario.notFinished()));
            TestClient client = new TestClient(emulator);
            long start = System.nanoTime();
            List<CompletableFuture<java.net.http.HttpResponse<byte[]>>> all = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                all.add(client.call("slowish").sendAsync());
            }
            for (var f : all) {
                assertThat(TestClient.json(f.get().body()).getJsonObject("Response").getInt("ErrorCode"))
                        .isEqualTo(17);
            }
            // Served in parallel, not one after another (50 x 300 ms would be 15 s).
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void builderRejectsNonsense() {
        var b = FaceIdEmulator.builder();
        assertThatThrownBy(() -> b.port(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.rateLimitPerSecond(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.credentials("", "k")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.regions()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Scenario.html(99)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaceIdEmulator.builder().build().script("t")).isInstanceOf(
                IllegalArgumentException.class);
    }

    static String threadPrefixOf(FaceIdEmulator emulator) throws Exception {
        // Handler threads are named faceid-emulator-<instance>-handler-<n>; find this instance's number.
        assertThat(new TestClient(emulator).call("passed-probe").errorCode()).isNull();
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith(EmulatorServer.THREAD_NAME_PREFIX))
                .map(n -> n.substring(0, n.indexOf("-handler-") + 1))
                .max(String::compareTo).orElseThrow();
    }

    static List<String> liveThreads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith(prefix)).toList();
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
