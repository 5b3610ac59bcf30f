package io.github.faceid4j.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A small forwarding HTTP proxy on 127.0.0.1, for tests: takes absolute-form requests
 * ({@code POST http://127.0.0.1:PORT/ HTTP/1.1}), optionally demands {@code Proxy-Authorization}, and forwards each
 * to an upstream port (by default the request's own) with one connection per request. Counts what it saw.
 */
final class TestProxy implements AutoCloseable {

    /** What the proxy saw of one request. */
    record Seen(String requestLine, Map<String, String> headers) {
    }

    private final ServerSocket server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-proxy");
        t.setDaemon(true);
        return t;
    });
    private final String requiredAuthorization;
    private final Function<Seen, Integer> upstream;
    private final List<Seen> seen = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger forwarded = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger tunnelled = new AtomicInteger();

    /**
     * @param requiredAuthorization the exact {@code Proxy-Authorization} value to demand, or null for none
     * @param upstream              the port to forward a request to, or null for the port of its URI
     */
    TestProxy(String requiredAuthorization, Function<Seen, Integer> upstream) throws IOException {
        this.requiredAuthorization = requiredAuthorization;
        this.upstream = upstream;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.execute(this::acceptLoop);
    }

    static TestProxy open() throws IOException {
        return new TestProxy(null, null);
    }

    int port() {
        return server.getLocalPort();
    }

    int forwarded() {
        return forwarded.get();
    }

    int refused() {
        return refused.get();
    }

    /** CONNECT tunnels opened. */
    int tunnelled() {
        return tunnelled.get();
    }

    List<Seen> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                pool.execute(() -> handle(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            client.setSoTimeout(10_000);
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            String requestLine = line(in);
            if (requestLine == null || requestLine.isEmpty()) {
                return;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String h; !(h = line(in)).isEmpty(); ) {
                int colon = h.indexOf(':');
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
            Seen request = new Seen(requestLine, Map.copyOf(headers));
            seen.add(request);
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            byte[] body = in.readNBytes(length);

            if (requiredAuthorization != null && !requiredAuthorization.equals(headers.get("proxy-authorization"))) {
                refused.incrementAndGet();
                out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
                        + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                return;
            }
            String[] parts = requestLine.split(" ");
            if (parts[0].equals("CONNECT")) {
                tunnel(request, parts[1], client);
                return;
            }
            URI target = URI.create(parts[1]);
            if (target.getScheme() == null) {
                out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                return; // only absolute-form: that is what a client sends to a proxy
            }
            int port = upstream != null ? upstream.apply(request) : target.getPort();
            try (Socket server = new Socket(InetAddress.getLoopbackAddress(), port)) {
                server.setSoTimeout(10_000);
                OutputStream up = server.getOutputStream();
                StringBuilder head = new StringBuilder(parts[0]).append(' ')
                        .append(target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath())
                        .append(' ').append(parts[2]).append("\r\n");
                headers.forEach((name, value) -> {
                    if (!name.startsWith("proxy-") && !name.equals("connection") && !name.equals("keep-alive")) {
                        head.append(name).append(": ").append(value).append("\r\n");
                    }
                });
                head.append("connection: close\r\n\r\n");
                up.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                up.write(body);
                up.flush();
                forwarded.incrementAndGet();
                relayResponse(server.getInputStream(), out);
            }
        } catch (IOException | RuntimeException e) {
            // the client sees a closed connection
        }
    }

    /** {@code CONNECT host:port}: answers 200 and relays bytes both ways until either side closes. */
    private void tunnel(Seen request, String authority, Socket client) throws IOException {
        int port = upstream != null ? upstream.apply(request) : Integer.parseInt(authority.substring(authority.lastIndexOf(':') + 1));
        try (Socket server = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream out = client.getOutputStream();
            out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            tunnelled.incrementAndGet();
            pool.execute(() -> {
                try {
                    client.getInputStream().transferTo(server.getOutputStream());
                } catch (IOException e) {
                    // one side closed
                } finally {
                    try {
                        server.shutdownOutput();
                    } catch (IOException ignored) {
                        // already closed
                    }
                }
            });
            server.getInputStream().transferTo(out);
        }
    }

    /** Copies the answer, saying {@code Connection: close}: this proxy serves one request per connection. */
    private static void relayResponse(InputStream from, OutputStream to) throws IOException {
        StringBuilder head = new StringBuilder(line(from)).append("\r\n");
        for (String h; !(h = line(from)).isEmpty(); ) {
            String name = h.substring(0, Math.max(0, h.indexOf(':'))).trim().toLowerCase(Locale.ROOT);
            if (!name.equals("connection") && !name.equals("keep-alive")) {
                head.append(h).append("\r\n");
            }
        }
        head.append("Connection: close\r\n\r\n");
        to.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        from.transferTo(to);
        to.flush();
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                break;
            }
            if (c != '\r') {
                buffer.write(c);
            }
        }
        if (c == -1 && buffer.size() == 0) {
            return "";
        }
        return buffer.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
        pool.shutdownNow();
    }
}
