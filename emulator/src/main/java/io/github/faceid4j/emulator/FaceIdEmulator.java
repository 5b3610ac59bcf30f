package io.github.faceid4j.emulator;

import com.sun.net.httpserver.HttpHandler;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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

    private final EmulatorSettings settings;
    private final RequestLog log = new RequestLog();
    private final Scripts scripts = new Scripts();
    private final WebFlow flow;
    private final CompletionApi completion;
    private final WebFlowAnswers flowAnswers;
    private final ApiHandler api;
    private final EmulatorServer server;

    private FaceIdEmulator(EmulatorSettings settings) {
        this.settings = settings;
        this.flow = new WebFlow(new FlowClock(settings.clock()));
        this.completion = new CompletionApi(flow);
        AnswerWriter answers = new AnswerWriter(settings.clock());
        this.flowAnswers = new WebFlowAnswers(flow, scripts, log, answers, this::endpoint);
        this.api = new ApiHandler(settings, scripts, flow, flowAnswers, log, answers);
        HostedPages pages = new HostedPages(flow, completion);
        // HttpServer picks the longest matching prefix: the pages' two addresses, and the API everywhere else.
        Map<String, HttpHandler> contexts = new LinkedHashMap<>();
        contexts.put("/", api::handle);
        contexts.put(HostedPages.PREFIX, pages::handle);
        contexts.put(HostedPages.COMPLETE, pages::handle);
        this.server = new EmulatorServer(settings, contexts);
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
    public FaceIdEmulator start() {
        server.start();
        return this;
    }

    /**
     * Stops at once: in-flight exchanges are cut, slow scenarios interrupted, and all emulator threads have ended
     * when this returns. Idempotent.
     */
    @Override
    public void close() {
        server.close();
    }

    /**
     * Starts (if needed) and blocks until the thread is interrupted or the JVM shuts down (Ctrl-C), then closes.
     * For command-line front ends.
     */
    public void runUntilInterrupted() {
        server.runUntilInterrupted();
    }

    /** {@return whether the emulator is serving} */
    public boolean isRunning() {
        return server.isRunning();
    }

    /**
     * {@code http://127.0.0.1:<port>}, or {@code https://} when built with
     * {@link Builder#tls(javax.net.ssl.SSLContext)}.
     *
     * @return the base URI to point a client at
     */
    public URI endpoint() {
        return server.endpoint();
    }

    /** {@return the bound port (the chosen one when built with port 0)} */
    public int port() {
        return server.port();
    }

    /** {@return the SecretId this emulator accepts} */
    public String secretId() {
        return settings.secretId();
    }

    /** {@return the SecretKey this emulator verifies signatures with} */
    public String secretKey() {
        return settings.secretKey();
    }

    /** {@return the session token required in {@code X-TC-Token}, if any} */
    public Optional<String> sessionToken() {
        return Optional.ofNullable(settings.sessionToken());
    }

    /** {@return the configured requests-per-second limit} */
    public int rateLimitPerSecond() {
        return settings.rateLimitPerSecond();
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
        scripts.script(bizToken, sequence);
    }

    /** Forgets all scripts, started verifications, the request log and the rate windows; resets the flow's clock. */
    public void reset() {
        scripts.reset();
        flow.reset();
        log.reset();
        api.reset();
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
        completion.complete(bizToken, Objects.requireNonNull(outcome, "outcome"), null);
    }

    /**
     * Like {@link #complete(String, FlowOutcome)} with a result code of the outcome's kind (e.g. 1207).
     *
     * @param bizToken the BizToken of the verification
     * @param outcome what the customer did
     * @param code the result code
     */
    public void complete(String bizToken, FlowOutcome outcome, long code) {
        completion.complete(bizToken, Objects.requireNonNull(outcome, "outcome"), code);
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
        scripts.scriptApply(sequence);
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
        return flowAnswers.verificationUrl(bizToken);
    }

    // ------------------------------------------------------------------------------------------ inspection

    /** {@return every request so far (up to the last 100,000), oldest first} A snapshot. */
    public List<RecordedRequest> requests() {
        return log.requests();
    }

    /**
     * {@return the requests whose body carried {@code bizToken}}
     *
     * @param bizToken the token to look for
     */
    public List<RecordedRequest> requestsFor(String bizToken) {
        return log.requestsFor(bizToken);
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
        return log.maxRequestsInAnyOneSecondWindow();
    }

    /**
     * {@return how many requests the emulator's own limiter refused (scripted {@link Scenario#rateLimited()} not counted)}
     */
    public int rateLimitedCount() {
        return log.rateLimitedCount();
    }

    @Override
    public String toString() {
        return "FaceIdEmulator[" + server.describe() + ", secretId=" + settings.secretId() + "]";
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
            return new FaceIdEmulator(new EmulatorSettings(port, secretId, secretKey, sessionToken,
                    rateLimitPerSecond, rateLimitEnforced, tls, clock, regions, timestampTolerance, handlerThreads,
                    tolerantCanonicalValues));
        }

        private static String requireText(String s, String what) {
            if (s == null || s.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return s;
        }
    }
}
