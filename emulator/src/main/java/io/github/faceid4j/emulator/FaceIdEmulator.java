package io.github.faceid4j.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Tencent Cloud FaceID's {@code GetWebVerificationResultIntl}, on {@code 127.0.0.1}, and for
 * the whole web flow: {@code ApplyWebVerificationBizTokenIntl} issues a BizToken and a {@code VerificationURL} on this
 * emulator, whose plain-HTML pages let a tester play the customer ({@link WebFlow}, {@link HostedPages});
 * {@code POST /emulator/complete} and {@link #complete(String, FlowOutcome)} do the same without a browser.
 *
 * <p>It checks requests the way the service does (common parameters, TC3-HMAC-SHA256 signature, timestamp skew,
 * session token, 20 requests per second) with its own implementation, and answers each BizToken with a scripted
 * {@link Scenario} or, when unscripted, by the token's prefix ({@link Scenario#forToken(String)}). Every request
 * is logged for assertions ({@link #requests()}).
 *
 * <pre>{@code
 * try (FaceIdEmulator emulator = FaceIdEmulator.builder().build().start()) {
 *     emulator.script("tok-1", Scenario.notFinished(), Scenario.passed());
 *     // point a client at emulator.endpoint() with DEFAULT_SECRET_ID / DEFAULT_SECRET_KEY
 * }
 * }</pre>
 *
 * <p>Thread-safe. Always binds to the loopback address: it accepts any BizToken and hands out data that looks
 * like identity documents, so it must never be reachable from another machine.
 */
public final class FaceIdEmulator implements AutoCloseable {

    /** Synthetic SecretId accepted by default. Public knowledge, not a real credential. */
    public static final String DEFAULT_SECRET_ID = "AKIDEMULATOR0000000000000000000000";
    /** Synthetic SecretKey accepted by default. Public knowledge, not a real credential. */
    public static final String DEFAULT_SECRET_KEY = "emulator-secret-key-not-a-real-one";
    /** The documented limit of the action. */
    public static final int DEFAULT_RATE_LIMIT_PER_SECOND = 20;
    /** The regions the current documents (2025-12) allow for both web-verification actions. */
    public static final Set<String> DEFAULT_REGIONS = Set.of("ap-bangkok", "ap-hongkong", "ap-jakarta",
            "ap-singapore", "sa-saopaulo");
    /** How far X-TC-Timestamp may be from the emulator's clock. */
    public static final Duration DEFAULT_TIMESTAMP_TOLERANCE = Duration.ofMinutes(5);

    static final int MAX_REQUEST_BYTES = 1024 * 1024;
    /** Apply carries a compare image of up to 8 MB of base64: the common request limit of 10 MB applies. */
    static final int MAX_APPLY_REQUEST_BYTES = 10 * 1024 * 1024;
    /** Bounded so a long-running command-line emulator does not grow without limit. */
    static final int MAX_LOGGED_REQUESTS = 100_000;
    static final String THREAD_NAME_PREFIX = "faceid-emulator-";

    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final System.Logger LOG = System.getLogger(FaceIdEmulator.class.getName());

    private enum State { NEW, RUNNING, CLOSED }

    private final int requestedPort;
    private final String secretId;
    private final String secretKey;
    private final String sessionToken;
    private final int rateLimit;
    private final boolean rateLimitEnforced;
    /** Serves HTTPS with this context when set, else plain HTTP. */
    private final javax.net.ssl.SSLContext tls;
    private final Clock clock;
    private final int handlerThreads;
    /** Every handler thread ever started, joined by {@link #close()}. */
    private final java.util.Queue<Thread> startedThreads = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final RequestValidator validator;
    private final SlidingWindowLimiter limiter;
    /** Apply has its own budget of requests per second. */
    private final SlidingWindowLimiter applyLimiter;
    private final WebFlow flow;
    private final HostedPages pages;
    /** Answers for the next Apply calls, one each (see {@link #scriptApply}). */
    private final java.util.concurrent.ConcurrentLinkedQueue<Scenario> applyScript =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final String threadPrefix;

    private final ArrayDeque<RecordedRequest> log = new ArrayDeque<>();
    private final ConcurrentHashMap<String, Script> scripts = new ConcurrentHashMap<>();
    private final AtomicInteger rateLimitedCount = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);

    private State state = State.NEW;
    private HttpServer server;
    private ThreadPoolExecutor executor;

    private FaceIdEmulator(Builder b) {
        this.requestedPort = b.port;
        this.secretId = b.secretId;
        this.secretKey = b.secretKey;
        this.sessionToken = b.sessionToken;
        this.rateLimit = b.rateLimitPerSecond;
        this.rateLimitEnforced = b.rateLimitEnforced;
        this.tls = b.tls;
        this.clock = b.clock;
        this.handlerThreads = b.handlerThreads;
        this.validator = new RequestValidator(secretId, secretKey, sessionToken, b.regions, b.timestampTolerance,
                clock, b.tolerantCanonicalValues);
        this.limiter = new SlidingWindowLimiter(rateLimit);
        this.applyLimiter = new SlidingWindowLimiter(rateLimit);
        this.flow = new WebFlow(new FlowClock(clock));
        this.pages = new HostedPages(flow);
        this.threadPrefix = THREAD_NAME_PREFIX + INSTANCES.incrementAndGet() + "-";
    }

    /**
     * A builder with the defaults: any free port, the synthetic credentials, 20 requests/s, system clock.
     *
     * @return this builder
     */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------------------------------ lifecycle

    /**
     * Binds {@code 127.0.0.1} and starts serving. Starting a running emulator does nothing.
     *
     * @return this, for {@code try (var e = builder().build().start())}
     * @throws IllegalStateException when closed, or the port cannot be bound
     */
    public synchronized FaceIdEmulator start() {
        if (state == State.RUNNING) {
            return this;
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
            s.createContext("/", this::handle);
            s.createContext(HostedPages.PREFIX, pages::handle);
            s.createContext(HostedPages.COMPLETE, pages::handle);
            s.setExecutor(pool);
            s.start();
            this.server = s;
            this.executor = pool;
            this.state = State.RUNNING;
            return this;
        } catch (IOException e) {
            pool.shutdownNow();
            throw new IllegalStateException("Cannot bind 127.0.0.1:" + requestedPort + ": " + e.getMessage(), e);
        }
    }

    private static HttpServer https(InetSocketAddress address, javax.net.ssl.SSLContext context) throws IOException {
        com.sun.net.httpserver.HttpsServer s = com.sun.net.httpserver.HttpsServer.create(address, 128);
        s.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(context));
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

    /**
     * Stops at once: in-flight exchanges are cut, slow scenarios interrupted, and all emulator threads have ended
     * when this returns. Idempotent.
     */
    @Override
    public void close() {
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

    /**
     * Starts (if needed) and blocks until the thread is interrupted or the JVM shuts down (Ctrl-C), then closes.
     * For command-line front ends.
     */
    public void runUntilInterrupted() {
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

    /** {@return whether the emulator is serving} */
    public synchronized boolean isRunning() {
        return state == State.RUNNING;
    }

    /**
     * {@code http://127.0.0.1:<port>}, or {@code https://} when built with
     * {@link Builder#tls(javax.net.ssl.SSLContext)}.
     *
     * @return the base URI to point a client at
     */
    public URI endpoint() {
        return URI.create((tls == null ? "http" : "https") + "://127.0.0.1:" + port());
    }

    /** {@return the bound port (the chosen one when built with port 0)} */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("Not started");
        }
        return server.getAddress().getPort();
    }

    /** {@return the SecretId this emulator accepts} */
    public String secretId() {
        return secretId;
    }

    /** {@return the SecretKey this emulator verifies signatures with} */
    public String secretKey() {
        return secretKey;
    }

    /** {@return the session token required in {@code X-TC-Token}, if any} */
    public Optional<String> sessionToken() {
        return Optional.ofNullable(sessionToken);
    }

    /** {@return the configured requests-per-second limit} */
    public int rateLimitPerSecond() {
        return rateLimit;
    }

    // ------------------------------------------------------------------------------------------ scripting

    /**
     * Scripts the answers for one BizToken: the first call gets {@code sequence[0]}, the next {@code sequence[1]}
     * and so on; the last one repeats. Replaces an earlier script of the token; overrides the prefix conventions.
     * Only calls that pass authentication, the rate limit and body checks consume the script.
     *
     * @param bizToken the token the script is for
     * @param sequence the answers, in order; the last one repeats
     */
    public void script(String bizToken, Scenario... sequence) {
        Objects.requireNonNull(bizToken, "bizToken");
        if (sequence == null || sequence.length == 0) {
            throw new IllegalArgumentException("At least one scenario is needed");
        }
        List<Scenario> list = List.of(sequence); // rejects null elements
        scripts.put(bizToken, new Script(list));
    }

    /** Forgets all scripts, started verifications, the request log and the rate windows; resets the flow's clock. */
    public void reset() {
        scripts.clear();
        flow.reset();
        applyScript.clear();
        applyLimiter.reset();
        synchronized (log) {
            log.clear();
        }
        rateLimitedCount.set(0);
        limiter.reset();
    }

    private Scenario nextScenario(String bizToken) {
        Script s = scripts.get(bizToken);
        return s == null ? Scenario.forToken(bizToken) : s.next();
    }

    private static final class Script {
        private final List<Scenario> sequence;
        private final AtomicInteger index = new AtomicInteger();

        Script(List<Scenario> sequence) {
            this.sequence = sequence;
        }

        Scenario next() {
            int last = sequence.size() - 1;
            return sequence.get(index.getAndUpdate(i -> Math.min(i + 1, last)));
        }
    }

    // ------------------------------------------------------------------------------------------ web flow

    /**
     * Finishes a verification started with {@code ApplyWebVerificationBizTokenIntl} as if the customer had done
     * {@code outcome} on the hosted pages (what {@code POST /emulator/complete} does), with the outcome's default code.
     *
     * @param bizToken the BizToken of the verification
     * @param outcome what the customer did
     * @throws IllegalArgumentException when no verification was started with the token
     * @throws IllegalStateException    when it is already completed, or expired unused (10 minutes)
     */
    public void complete(String bizToken, FlowOutcome outcome) {
        pages.complete(bizToken, Objects.requireNonNull(outcome, "outcome"), null);
    }

    /**
     * Like {@link #complete(String, FlowOutcome)} with a result code of the outcome's kind (e.g. 1207).
     *
     * @param bizToken the BizToken of the verification
     * @param outcome what the customer did
     * @param code the result code
     */
    public void complete(String bizToken, FlowOutcome outcome, long code) {
        pages.complete(bizToken, Objects.requireNonNull(outcome, "outcome"), code);
    }

    /**
     * Moves the web flow's clock forward (BizToken and result lifetimes), not the clock signatures are checked
     * against: clients keep signing with real time. {@link #reset()} moves it back.
     *
     * @param by how far to move it
     */
    public void advanceClock(Duration by) {
        flow.clock().advance(by);
    }

    /**
     * Scripts the answers of the next {@code ApplyWebVerificationBizTokenIntl} calls, one scenario each, in order
     * (API errors such as {@code Scenario.apiError("UnauthorizedOperation.Arrears", ...)}, faults, delays;
     * {@link Scenario#passed()} issues a BizToken as usual). Once they are used up, Apply answers normally again.
     * Only calls that pass authentication, the rate limit and the body checks consume them.
     *
     * @param sequence the answers, in order
     */
    public void scriptApply(Scenario... sequence) {
        if (sequence == null || sequence.length == 0) {
            throw new IllegalArgumentException("At least one scenario is needed");
        }
        applyScript.addAll(List.of(sequence));
    }

    /**
     * SHA-256 (lowercase hex) of the decoded compare image a verification was started with, if it had one: lets a
     * test check that an image arrived exactly as it was on disk.
     *
     * @param bizToken the BizToken of the verification
     * @return the hash, or empty without a compare image
     */
    public Optional<String> compareImageSha256(String bizToken) {
        return flow.find(bizToken).map(s -> s.request.compareImageSha256());
    }

    /**
     * {@return the hosted pages of a started verification: {@code <endpoint>/verify/<BizToken>}}
     *
     * @param bizToken the BizToken of the verification
     */
    public URI verificationUrl(String bizToken) {
        return WebFlow.verificationUrl(endpoint(), bizToken);
    }

    // ------------------------------------------------------------------------------------------ inspection

    /** {@return every request so far (up to the last 100,000), oldest first} A snapshot. */
    public List<RecordedRequest> requests() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /**
     * {@return the requests whose body carried {@code bizToken}}
     *
     * @param bizToken the token to look for
     */
    public List<RecordedRequest> requestsFor(String bizToken) {
        return requests().stream().filter(r -> Objects.equals(r.bizToken(), bizToken)).toList();
    }

    /**
     * The largest number of accepted requests (past authentication and the limiter) whose arrivals lie within one
     * second of each other, per action (each has its own budget). Never above {@link #rateLimitPerSecond()} while
     * the limit is enforced, so a test of a client's pacing asks an emulator built with
     * {@link Builder#rateLimitEnforced(boolean) rateLimitEnforced(false)}: then every authenticated arrival counts,
     * and this is the rate the client really sent at.
     *
     * @return the largest number of accepted requests of one action in any one-second window
     */
    public int maxRequestsInAnyOneSecondWindow() {
        // Per action: each has its own budget.
        java.util.Map<String, List<Long>> nanos = new java.util.HashMap<>();
        for (RecordedRequest r : requests()) {
            if (r.accepted()) {
                nanos.computeIfAbsent(String.valueOf(r.header("X-TC-Action")), a -> new ArrayList<>())
                        .add(r.arrivalNanos);
            }
        }
        int max = 0;
        for (List<Long> action : nanos.values()) {
            Collections.sort(action);
            max = Math.max(max, SlidingWindowLimiter.maxInAnyWindow(action));
        }
        return max;
    }

    /**
     * {@return how many requests the emulator's own limiter refused (scripted {@link Scenario#rateLimited()} not counted)}
     */
    public int rateLimitedCount() {
        return rateLimitedCount.get();
    }

    // ------------------------------------------------------------------------------------------ serving

    private void handle(HttpExchange ex) throws IOException {
        // An IOException (client went away, or a fault scenario aborting on purpose) propagates: HttpServer then
        // drops the connection instead of reusing a half-written one.
        try {
            serve(ex);
            ex.close();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "FaceID emulator failed to answer a request", e);
            throw new IOException("emulator bug", e);
        }
    }

    private void serve(HttpExchange ex) throws IOException {
        Instant arrival = clock.instant();
        long arrivalNanos = System.nanoTime();
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        var headers = ex.getRequestHeaders();

        String action = headers.getFirst("X-TC-Action");
        boolean apply = action != null && ApplyRequest.ACTION.equals(action.trim());
        byte[] body = readLimited(ex.getRequestBody(), apply ? MAX_APPLY_REQUEST_BYTES : MAX_REQUEST_BYTES);
        if (body == null) {
            answerError(ex, new RecordedRequest(arrival, arrivalNanos, method, path, null, headers, false, false,
                    ErrorCodes.REQUEST_SIZE_LIMIT_EXCEEDED, "error"), "The request body exceeds "
                    + (apply ? "10" : "1") + " MiB.");
            return;
        }

        String peeked = RequestValidator.peekBizToken(body);
        RequestValidator.Verdict auth = validator.authenticate(method, path, headers::getFirst, body);
        if (!auth.ok()) {
            answerError(ex, new RecordedRequest(arrival, arrivalNanos, method, path, peeked, headers,
                    auth.signatureValid(), false, auth.code(), "error"), auth.message());
            return;
        }
        long acceptedAt = arrivalNanos;
        if (rateLimitEnforced && !(apply ? applyLimiter : limiter).tryAcquire(arrivalNanos)) {
            rateLimitedCount.incrementAndGet();
            answerError(ex, new RecordedRequest(arrival, arrivalNanos, method, path, peeked, headers, true, false,
                    ErrorCodes.REQUEST_LIMIT_EXCEEDED, "error"), ErrorCodes.RATE_LIMIT_MESSAGE);
            return;
        }
        if (apply) {
            answerApply(ex, new RecordedRequest(arrival, acceptedAt, method, path, null, headers, true, true, null,
                    "apply"), ApplyRequest.read(headers.getFirst("Content-Type"), body));
            return;
        }
        RequestValidator.BodyVerdict read = validator.readBody(headers.getFirst("Content-Type"), body);
        if (!read.ok()) {
            answerError(ex, new RecordedRequest(arrival, acceptedAt, method, path, peeked, headers, true,
                    true, read.code(), "error"), read.message());
            return;
        }
        Optional<WebFlow.Session> started = scripts.containsKey(read.bizToken()) ? Optional.empty()
                : flow.find(read.bizToken());
        if (started.isPresent()) {
            answerFlowResult(ex, new RecordedRequest(arrival, acceptedAt, method, path, read.bizToken(), headers, true,
                    true, null, "web flow"), started.get());
            return;
        }
        Scenario scenario = nextScenario(read.bizToken());
        // Logged before answering, so a test that has its response can already see the request.
        record(new RecordedRequest(arrival, acceptedAt, method, path, read.bizToken(), headers, true, true,
                finalErrorCode(scenario), scenario.description()));
        answer(ex, scenario);
    }

    private static String finalErrorCode(Scenario s) {
        Scenario last = s;
        while (last.kind == Scenario.Kind.SLOW) {
            last = last.then;
        }
        return last.kind == Scenario.Kind.API_ERROR ? last.errorCode : null;
    }

    /** Apply: a checked body gets a BizToken and the hosted pages' URL on this emulator. */
    private void answerApply(HttpExchange ex, RecordedRequest r, ApplyRequest.Parsed parsed) throws IOException {
        if (!parsed.ok()) {
            answerError(ex, r.with(null, parsed.code(), "error"), parsed.message());
            return;
        }
        Scenario scripted = applyScript.poll();
        if (scripted != null && scripted.kind != Scenario.Kind.RESULT) {
            record(r.with(null, finalErrorCode(scripted), scripted.description()));
            answer(ex, scripted);
            return;
        }
        WebFlow.Session session = flow.issue(parsed.request());
        record(r.with(session.token, null, "apply"));
        ResponseBody.Builder body = new ResponseBody.Builder();
        String url = verificationUrl(session.token).toString();
        new JsonWriter(body).beginObject().name("Response").beginObject().field("BizToken", session.token)
                .field("VerificationURL", url).field("VerificationUrl", url).field("RequestId", requestId())
                .endObject().endObject();
        send(ex, 200, "application/json", body.build());
    }

    /** GetWebVerificationResultIntl for a token this emulator issued: as far as the customer has come. */
    private void answerFlowResult(HttpExchange ex, RecordedRequest r, WebFlow.Session session) throws IOException {
        WebFlow.ResultView view = flow.result(session);
        if (view.apiExpired()) {
            answerError(ex, r.with(session.token, "InvalidParameterValue.BizTokenExpired", "error"),
                    "BizToken expired: results can be fetched for 3 days.");
            return;
        }
        record(r.with(session.token, null, "web flow: " + (view.outcome() == null ? "code " + view.code()
                : view.outcome().formValue())));
        send(ex, 200, "application/json", FlowResultJson.result(view, flow.clock(), requestId()));
    }

    private void answerError(HttpExchange ex, RecordedRequest recorded, String message) throws IOException {
        record(recorded);
        send(ex, 200, "application/json", ResultJson.apiError(recorded.errorCode(), message, requestId()));
    }

    private void answer(HttpExchange ex, Scenario s) throws IOException {
        switch (s.kind) {
            case SLOW -> {
                try {
                    Thread.sleep(s.delay.toMillis());
                } catch (InterruptedException e) {
                    // close() is stopping us: drop the exchange rather than answer late.
                    Thread.currentThread().interrupt();
                    throw new IOException("emulator closing");
                }
                answer(ex, s.then);
            }
            case API_ERROR -> send(ex, 200, "application/json",
                    ResultJson.apiError(s.errorCode, s.errorMessage, requestId()));
            case RESULT, OVERSIZED -> send(ex, 200, "application/json", ResultJson.result(s, clock, requestId()));
            case RAW -> send(ex, s.status, s.contentType, ResponseBody.of(s.rawBody()));
            case TRUNCATED -> {
                ResponseBody full = ResultJson.result(s, clock, requestId());
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(200, full.length());
                OutputStream out = ex.getResponseBody();
                full.writePrefixTo(out, full.length() / 2);
                out.flush();
                // Throwing out of the handler is the only way HttpServer offers to close the socket with the
                // promised length unfulfilled: the client sees the connection end mid-body.
                throw new IOException("truncatedMidBody: connection closed on purpose");
            }
            default -> throw new IllegalStateException("Unknown scenario kind " + s.kind);
        }
    }

    private static void send(HttpExchange ex, int status, String contentType, ResponseBody body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        long length = body.length();
        ex.sendResponseHeaders(status, length == 0 ? -1 : length); // -1: "no body", sent as Content-Length: 0
        if (length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                body.writeTo(out);
            }
        }
    }

    private void record(RecordedRequest r) {
        synchronized (log) {
            if (log.size() >= MAX_LOGGED_REQUESTS) {
                log.pollFirst();
            }
            log.addLast(r);
        }
    }

    private static String requestId() {
        return UUID.randomUUID().toString();
    }

    /** The body, or null when it is larger than {@code max}. */
    private static byte[] readLimited(InputStream in, int max) throws IOException {
        try (in) {
            byte[] b = in.readNBytes(max + 1);
            if (b.length > max) {
                in.transferTo(OutputStream.nullOutputStream()); // drain, so the answer can still be read
                return null;
            }
            return b;
        }
    }

    @Override
    public String toString() {
        synchronized (this) {
            return "FaceIdEmulator[" + state + (server == null ? "" : " " + endpoint()) + ", secretId=" + secretId
                    + "]";
        }
    }

    // ------------------------------------------------------------------------------------------ builder

    /** Configures a {@link FaceIdEmulator}. Not thread-safe; {@link #build()} may be called more than once. */
    public static final class Builder {
        private int port;
        private String secretId = DEFAULT_SECRET_ID;
        private String secretKey = DEFAULT_SECRET_KEY;
        private String sessionToken;
        private int rateLimitPerSecond = DEFAULT_RATE_LIMIT_PER_SECOND;
        private Clock clock = Clock.systemUTC();
        private Set<String> regions = DEFAULT_REGIONS;
        private Duration timestampTolerance = DEFAULT_TIMESTAMP_TOLERANCE;
        private int handlerThreads = 64;
        private boolean tolerantCanonicalValues;
        private boolean rateLimitEnforced = true;
        private javax.net.ssl.SSLContext tls;

        private Builder() {
        }

        /**
         * Whether a signature over header values as sent (e.g. {@code charset=UTF-8}) is accepted besides one over the
         * documented canonical form (values lower-cased). Default false: strict, as documented.
         *
         * @param tolerant whether to accept values as sent too
         * @return this builder
         */
        public Builder tolerantCanonicalValues(boolean tolerant) {
            this.tolerantCanonicalValues = tolerant;
            return this;
        }

        /**
         * TCP port on 127.0.0.1; 0 (the default) picks a free one.
         *
         * @param port the port, 0 to 65535
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * The one credential pair the emulator accepts.
         *
         * @param secretId the SecretId to accept
         * @param secretKey the SecretKey signatures are checked with
         * @return this builder
         */
        public Builder credentials(String secretId, String secretKey) {
            this.secretId = requireText(secretId, "secretId");
            this.secretKey = requireText(secretKey, "secretKey");
            return this;
        }

        /**
         * Requires {@code X-TC-Token} to equal this (temporary credentials); null (the default) requires none.
         *
         * @param sessionToken the token to require, or null
         * @return this builder
         */
        public Builder sessionToken(String sessionToken) {
            this.sessionToken = sessionToken == null ? null : requireText(sessionToken, "sessionToken");
            return this;
        }

        /**
         * Accepted requests per sliding second; default 20, as documented for the action.
         *
         * @param limit requests per second, 1 or more
         * @return this builder
         */
        public Builder rateLimitPerSecond(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("rate limit must be at least 1: " + limit);
            }
            this.rateLimitPerSecond = limit;
            return this;
        }

        /**
         * Whether requests over the limit are refused with {@code RequestLimitExceeded} (the default, as the service
         * does). False: every request is answered and only counted, so that
         * {@link FaceIdEmulator#maxRequestsInAnyOneSecondWindow()} shows how fast a client really sends.
         *
         * @param enforced whether to refuse requests over the limit
         * @return this builder
         */
        public Builder rateLimitEnforced(boolean enforced) {
            this.rateLimitEnforced = enforced;
            return this;
        }

        /**
         * Serves HTTPS with this server-side context (its key and certificate), e.g. a
         * {@link SelfSignedCertificate#serverContext()}; null (the default) serves plain HTTP.
         *
         * @param serverContext the server's TLS context, or null for plain HTTP
         * @return this builder
         */
        public Builder tls(javax.net.ssl.SSLContext serverContext) {
            this.tls = serverContext;
            return this;
        }

        /**
         * The clock X-TC-Timestamp is checked against and results are stamped with.
         *
         * @param clock the emulator's clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Regions accepted in X-TC-Region; default {@link #DEFAULT_REGIONS}.
         *
         * @param regions the accepted region names
         * @return this builder
         */
        public Builder regions(String... regions) {
            Set<String> set = new LinkedHashSet<>(Arrays.asList(regions));
            if (set.isEmpty() || set.stream().anyMatch(r -> r == null || r.isBlank())) {
                throw new IllegalArgumentException("regions must be non-empty and non-blank");
            }
            this.regions = Set.copyOf(set);
            return this;
        }

        /**
         * How far X-TC-Timestamp may be from the clock; default 5 minutes.
         *
         * @param tolerance the largest accepted difference
         * @return this builder
         */
        public Builder timestampTolerance(Duration tolerance) {
            if (tolerance == null || tolerance.isNegative()) {
                throw new IllegalArgumentException("tolerance must be zero or positive");
            }
            this.timestampTolerance = tolerance;
            return this;
        }

        /**
         * Size of the handler pool; default 64, enough for 50 concurrent connections.
         *
         * @param threads the number of handler threads
         * @return this builder
         */
        public Builder handlerThreads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("handler threads must be at least 1: " + threads);
            }
            this.handlerThreads = threads;
            return this;
        }

        /** {@return a new, not yet started emulator} */
        public FaceIdEmulator build() {
            return new FaceIdEmulator(this);
        }

        private static String requireText(String s, String what) {
            if (s == null || s.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return s;
        }
    }
}
