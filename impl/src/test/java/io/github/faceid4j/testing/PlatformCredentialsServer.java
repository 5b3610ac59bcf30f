package io.github.faceid4j.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback stand-in for the two platform sources of temporary credentials: the CVM instance metadata service
 * ({@code GET /latest/meta-data/cam/security-credentials/} lists the role, {@code .../<role>} answers credentials)
 * and STS ({@code POST /}, {@code AssumeRoleWithWebIdentity}). Every answer is a new set
 * ({@code AKIDTMP<n>}/{@code tmp-key-<n>}/{@code tmp-token-<n>}) expiring {@link #lifetime} after the clock's now.
 * Records what was asked; can hold answers back ({@link #hold()}) or answer errors. Public for the cdi-extension's
 * tests (through impl's test-jar).
 */
public final class PlatformCredentialsServer implements AutoCloseable {

    public static final String ROLE = "faceid-portal-role";
    public static final String PATH = "/latest/meta-data/cam/security-credentials/";

    public record Request(String method, String path, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "platform-credentials-server");
        t.setDaemon(true);
        return t;
    });
    private final Clock clock;
    private final AtomicInteger issued = new AtomicInteger();
    public final List<Request> requests = new CopyOnWriteArrayList<>();
    public volatile Duration lifetime = Duration.ofMinutes(10);
    /** Status of the role listing: 200 with {@link #ROLE}, or e.g. 404 (no role bound). */
    public volatile int listingStatus = 200;
    /** When set, STS answers this error code instead of credentials. */
    public volatile String stsError;
    private volatile CountDownLatch gate;

    public PlatformCredentialsServer(Clock clock) throws IOException {
        this.clock = clock;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Credential answers wait until {@link #release()}; the listing is not held. */
    public void hold() {
        gate = new CountDownLatch(1);
    }

    public void release() {
        CountDownLatch g = gate;
        gate = null;
        if (g != null) {
            g.countDown();
        }
    }

    /** How many credential sets were handed out. */
    public int issued() {
        return issued.get();
    }

    public long count(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).count();
    }

    public static String id(int n) {
        return "AKIDTMP" + n + "0000000000000000000000000000";
    }

    public static String key(int n) {
        return "tmp-key-" + n + "-secretvalue";
    }

    public static String token(int n) {
        return "tmp-token-" + n + "-sessionvalue";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            requests.add(new Request(exchange.getRequestMethod(), path, Map.copyOf(exchange.getRequestHeaders()), body));
            if (exchange.getRequestMethod().equals("GET") && path.equals(PATH)) {
                send(exchange, listingStatus, listingStatus == 200 ? ROLE + "\n" : "Not Found");
                return;
            }
            boolean metadata = exchange.getRequestMethod().equals("GET") && path.equals(PATH + ROLE);
            boolean sts = exchange.getRequestMethod().equals("POST") && path.equals("/");
            if (!metadata && !sts) {
                send(exchange, 404, "Not Found");
                return;
            }
            CountDownLatch g = gate;
            if (g != null && !g.await(30, TimeUnit.SECONDS)) {
                return; // a test gave up: close without an answer
            }
            if (sts && stsError != null) {
                send(exchange, 200, "{\"Response\":{\"Error\":{\"Code\":\"" + stsError + "\",\"Message\":\"token "
                        + "rejected: " + body.replace('"', '\'') + "\"},\"RequestId\":\"req-sts-1\"}}");
                return;
            }
            int n = issued.incrementAndGet();
            long expires = clock.instant().plus(lifetime).getEpochSecond();
            String credentials = "\"TmpSecretId\":\"" + id(n) + "\",\"TmpSecretKey\":\"" + key(n) + "\",\"Token\":\""
                    + token(n) + "\"";
            if (metadata) {
                send(exchange, 200, "{" + credentials + ",\"ExpiredTime\":" + expires
                        + ",\"Expiration\":\"2026-01-01T00:00:00Z\",\"Code\":\"Success\"}");
            } else {
                send(exchange, 200, "{\"Response\":{\"Credentials\":{" + credentials + "},\"ExpiredTime\":" + expires
                        + ",\"Expiration\":\"2026-01-01T00:00:00Z\",\"RequestId\":\"req-sts-" + n + "\"}}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }
}
