package io.github.faceid4j.emulator;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * The HTTP(S) server of one emulator and its life: binds {@code 127.0.0.1} only, runs the handlers it is given on a
 * pool of daemon threads, and stops so that no emulator thread is alive once {@link #close()} returns. What is
 * served is the handlers' business.
 */
final class EmulatorServer {

    static final String THREAD_NAME_PREFIX = "faceid-emulator-";

    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final System.Logger LOG = System.getLogger(FaceIdEmulator.class.getName());

    private enum State { NEW, RUNNING, CLOSED }

    private final int requestedPort;
    /** Serves HTTPS with this context when set, else plain HTTP. */
    private final SSLContext tls;
    private final int handlerThreads;
    /** Path prefix to handler, created in this order. */
    private final Map<String, HttpHandler> contexts;
    private final String threadPrefix;
    /** Every handler thread ever started, joined by {@link #close()}. */
    private final Queue<Thread> startedThreads = new ConcurrentLinkedQueue<>();
    private final CountDownLatch closed = new CountDownLatch(1);

    private State state = State.NEW;
    private HttpServer server;
    private ThreadPoolExecutor executor;

    EmulatorServer(EmulatorSettings settings, Map<String, HttpHandler> contexts) {
        this.requestedPort = settings.port();
        this.tls = settings.tls();
        this.handlerThreads = settings.handlerThreads();
        this.contexts = contexts;
        this.threadPrefix = THREAD_NAME_PREFIX + INSTANCES.incrementAndGet() + "-";
    }

    /** Binds and starts serving; does nothing when running; refuses when closed or the port cannot be bound. */
    synchronized void start() {
        if (state == State.RUNNING) {
            return;
        }
        if (state == State.CLOSED) {
            throw new IllegalStateException("This emulator was closed; build a new one");
        }
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, threadPrefix + "handler-" + n.incrementAndGet());
            t.setDaemon(true); // a forgotten close() must not keep a test JVM alive
            // idle threads time out: forget the ended ones (not merely unstarted: a new one is not alive yet)
            startedThreads.removeIf(old -> old.getState() == Thread.State.TERMINATED);
            startedThreads.add(t);
            return t;
        };
        // Fixed size, idle threads time out: enough for load tests firing 50 concurrent requests.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(handlerThreads, handlerThreads, 10, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads);
        pool.allowCoreThreadTimeOut(true);
        try {
            HttpServer s = tls == null ? HttpServer.create(new InetSocketAddress(loopback(), requestedPort), 128)
                    : https(new InetSocketAddress(loopback(), requestedPort), tls);
            contexts.forEach(s::createContext);
            s.setExecutor(pool);
            s.start();
            this.server = s;
            this.executor = pool;
            this.state = State.RUNNING;
        } catch (IOException e) {
            pool.shutdownNow();
            throw new IllegalStateException("Cannot bind 127.0.0.1:" + requestedPort + ": " + e.getMessage(), e);
        }
    }

    private static HttpServer https(InetSocketAddress address, SSLContext context) throws IOException {
        HttpsServer s = HttpsServer.create(address, 128);
        s.setHttpsConfigurator(new HttpsConfigurator(context));
        return s;
    }

    private static InetAddress loopback() {
        try {
            // Explicit 127.0.0.1: getLoopbackAddress() may be ::1, which some clients and containers refuse.
            return InetAddress.getByAddress("127.0.0.1", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stops at once: exchanges cut, handlers interrupted and joined. Idempotent. */
    void close() {
        HttpServer s;
        ThreadPoolExecutor pool;
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
            s = server;
            pool = executor;
        }
        try {
            if (s != null) {
                s.stop(0); // closes the listener and every connection, joins the dispatcher thread
            }
            if (pool != null) {
                pool.shutdownNow(); // interrupts handlers sleeping in slow scenarios
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                boolean stopped = pool.awaitTermination(5, TimeUnit.SECONDS);
                // A terminated pool's last workers may still be returning from run(): join them, so that no
                // emulator thread is alive once close() returns, as promised (a test counting threads relies on it)
                for (Thread t : startedThreads) {
                    long left = deadline - System.nanoTime();
                    if (left > 0) {
                        t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                    }
                    stopped &= !t.isAlive();
                }
                if (!stopped) {
                    LOG.log(System.Logger.Level.WARNING, "FaceID emulator handler threads did not stop within 5 s");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closed.countDown();
        }
    }

    /** Starts (if needed) and blocks until the thread is interrupted or the JVM shuts down, then closes. */
    void runUntilInterrupted() {
        start();
        Thread hook = new Thread(this::close, threadPrefix + "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run; nothing to undo
            }
        }
    }

    synchronized boolean isRunning() {
        return state == State.RUNNING;
    }

    /** {@code http://127.0.0.1:<port>}, or {@code https://} with TLS. */
    URI endpoint() {
        return URI.create((tls == null ? "http" : "https") + "://127.0.0.1:" + port());
    }

    /** The bound port (the chosen one when built with port 0). */
    synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("Not started");
        }
        return server.getAddress().getPort();
    }

    /** The state, and the endpoint once started: for {@link FaceIdEmulator#toString()}. */
    synchronized String describe() {
        return state + (server == null ? "" : " " + endpoint());
    }
}
