package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdConfigurationException;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.model.VerificationResult;
import io.github.faceid4j.VerificationStartService;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.ObjIntConsumer;

/**
 * Builds a {@link VerificationResultService} on the Jersey client. The one way to make a service, whatever the
 * entry point: Java SE code calls it directly, the CDI extension and the CLI translate their configuration into it.
 *
 * <pre>{@code
 * VerificationResultService results = FaceIdServiceBuilder.create()
 *         .region("ap-singapore")
 *         .credentials(Credentials.of(secretId, secretKey))
 *         .build();
 * }</pre>
 *
 * <p>{@link #build()} checks everything and throws {@link FaceIdConfigurationException} naming the first setting at
 * fault; {@link #problems()} lists all of them at once. A builder is not thread-safe; the service it builds is.
 */
public final class FaceIdServiceBuilder {

    /**
     * The regions both web-verification actions are offered in, as the current documents (2025-12) list them; the
     * older seed document named only ap-jakarta and ap-singapore.
     */
    public static final Set<String> SUPPORTED_REGIONS = Set.of("ap-bangkok", "ap-hongkong", "ap-jakarta",
            "ap-singapore", "sa-saopaulo");
    /** The endpoint named by the API's documentation. */
    public static final URI DEFAULT_ENDPOINT = URI.create("https://faceid.tencentcloudapi.com");
    /** The default of {@link #connectTimeout(Duration)}. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Longest silence while reading an answer. The official SDK has none, which can hang a thread forever. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    /**
     * The largest {@link #maxResponseBytes} accepted, 1 GiB: bodies are indexed with {@code int}s, and this keeps
     * every offset a body's reader computes (a 64 KiB step past the end included) far from overflowing.
     */
    public static final long MAX_RESPONSE_BYTES_LIMIT = 1L << 30;
    /** Large enough for a result with a long video and every card image; a body beyond it is refused. */
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;
    /** The values {@link #language(String)} accepts. */
    public static final Set<String> SUPPORTED_LANGUAGES = Set.of("zh-CN", "en-US");
    /** The whole call, including rate-limit waits, retries and backoff. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);
    /** Longest wait for a rate-limit permit before {@link io.github.faceid4j.RateLimitTimeoutException}. */
    public static final Duration DEFAULT_RATE_LIMIT_MAX_WAIT = Duration.ofSeconds(10);
    /** Bodies larger than this go to the spill directory, when one is set: 1 MiB. */
    public static final long DEFAULT_SPILL_THRESHOLD = 1024 * 1024;
    /** Disk space spilled answers may hold at once, per service: 1 GiB. */
    public static final long DEFAULT_SPILL_MAX_BYTES = 1024L * 1024 * 1024;
    /** Exchanges in flight at once per service (the I/O pool's size when the service owns it). */
    public static final int DEFAULT_MAX_CONCURRENCY = 16;

    // Package-private: read by SettingsAssembly, which checks them and makes the ServiceSettings.
    String region;
    CredentialsProvider credentials;
    URI endpoint = DEFAULT_ENDPOINT;
    Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    Duration readTimeout = DEFAULT_READ_TIMEOUT;
    long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    Path spillDirectory;
    long spillThreshold = DEFAULT_SPILL_THRESHOLD;
    long spillMaxBytes = DEFAULT_SPILL_MAX_BYTES;
    String language;
    boolean allowInsecureHttp;
    Clock clock = Clock.systemUTC();
    ExecutorService asyncExecutor;
    Duration callTimeout = DEFAULT_CALL_TIMEOUT;
    int maxAttempts = RetryPolicy.DEFAULT.maxAttempts();
    Duration retryBaseDelay = RetryPolicy.DEFAULT.baseDelay();
    Duration retryMaxDelay = RetryPolicy.DEFAULT.maxDelay();
    RateLimiter rateLimiter;
    RateLimiter applyRateLimiter;
    int rateLimitPermits = SlidingWindowRateLimiter.DEFAULT_PERMITS;
    Duration rateLimitWindow = SlidingWindowRateLimiter.DEFAULT_WINDOW;
    Duration rateLimitMaxWait = DEFAULT_RATE_LIMIT_MAX_WAIT;
    int maxConcurrency = DEFAULT_MAX_CONCURRENCY;
    boolean logRequests;
    ProxySettings proxy;
    ObjIntConsumer<VerificationResult> attemptsObserver;
    /** An {@code io.opentelemetry.api.OpenTelemetry}, or null: typed Object so nothing of the optional API loads. */
    Object openTelemetry;
    javax.net.ssl.SSLContext sslContext;
    Path trustStore;
    char[] trustStorePassword;
    String trustStoreType;

    private FaceIdServiceBuilder() {
    }

    /**
     * @return a builder with every setting at its default
     */
    public static FaceIdServiceBuilder create() {
        return new FaceIdServiceBuilder();
    }

    /**
     * Required: one of {@link #SUPPORTED_REGIONS} ({@code ap-singapore}, {@code ap-jakarta}...).
     *
     * @param region the region
     * @return this builder
     */
    public FaceIdServiceBuilder region(String region) {
        this.region = region;
        return this;
    }

    /**
     * Required (or {@link #credentialsProvider}): fixed credentials.
     *
     * @param credentials the credentials
     * @return this builder
     */
    public FaceIdServiceBuilder credentials(Credentials credentials) {
        this.credentials = credentials == null ? null : CredentialsProvider.of(credentials);
        return this;
    }

    /**
     * Credentials asked for on every request: {@link CredentialsProviders#defaultChain()} (environment, then
     * {@code ~/.tencentcloud/credentials}), a {@link RefreshingCredentialsProvider} for temporary credentials, or a
     * provider of one's own. Each request signs with one snapshot.
     *
     * @param provider the provider
     * @return this builder
     */
    public FaceIdServiceBuilder credentialsProvider(CredentialsProvider provider) {
        this.credentials = provider;
        return this;
    }

    /**
     * Where requests go; default {@code https://faceid.tencentcloudapi.com}. Also {@code https://faceid.intl.tencentcloudapi.com},
     * or an emulator on loopback. Plain {@code http} is accepted only for loopback hosts unless
     * {@link #allowInsecureHttp(boolean)} is set.
     *
     * @param endpoint the endpoint's base URI
     * @return this builder
     */
    public FaceIdServiceBuilder endpoint(URI endpoint) {
        this.endpoint = endpoint;
        return this;
    }

    /**
     * As {@link #endpoint(URI)}, from text; text that is not a URI fails at {@link #build()}, naming the setting.
     *
     * @param endpoint the endpoint's base URI, as text
     * @return this builder
     */
    public FaceIdServiceBuilder endpoint(String endpoint) {
        try {
            this.endpoint = endpoint == null ? null : new URI(endpoint.trim());
        } catch (URISyntaxException e) {
            this.endpoint = Endpoints.MALFORMED;
        }
        return this;
    }

    /**
     * The TLS context whose trust decides which servers' certificates are accepted (hostname verification stays on).
     * Default: the JVM's (its {@code cacerts}, or {@code javax.net.ssl.trustStore}). An alternative to
     * {@link #trustStore(Path, char[], String)}.
     *
     * @param context the client's TLS context
     * @return this builder
     */
    public FaceIdServiceBuilder sslContext(javax.net.ssl.SSLContext context) {
        this.sslContext = context;
        return this;
    }

    /**
     * Trusts the certificates in this key store file (and no others) for https endpoints; checked by {@link #build()}.
     * Default: the JVM's trust store. An alternative to {@link #sslContext(javax.net.ssl.SSLContext)}.
     *
     * @param path     the key store file
     * @param password the store's password, or null for a store without one; never shown in a message
     * @param type     {@code PKCS12}, {@code JKS}, ...; null for the JVM's default type ({@code PKCS12})
     * @return this builder
     */
    public FaceIdServiceBuilder trustStore(Path path, char[] password, String type) {
        this.trustStore = path;
        this.trustStorePassword = password == null ? null : password.clone();
        this.trustStoreType = type;
        return this;
    }

    /**
     * Time allowed to open a connection; default 5 s.
     *
     * @param timeout the connect timeout
     * @return this builder
     */
    public FaceIdServiceBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = timeout;
        return this;
    }

    /**
     * Longest wait for the next bytes of an answer; default 30 s.
     *
     * @param timeout the read timeout
     * @return this builder
     */
    public FaceIdServiceBuilder readTimeout(Duration timeout) {
        this.readTimeout = timeout;
        return this;
    }

    /**
     * Largest answer accepted, in bytes; default 64 MiB.
     *
     * @param bytes the largest answer, in bytes
     * @return this builder
     */
    public FaceIdServiceBuilder maxResponseBytes(long bytes) {
        this.maxResponseBytes = bytes;
        return this;
    }

    /**
     * Keeps large answers in files in this directory instead of on the heap; default ({@code null}): in memory.
     * A body larger than {@link #spillThreshold(long)} is written to a file there as it arrives, a chunk at a time,
     * and the result's media read from that file when asked: neither the base64 text nor the decoded media of such
     * a result is ever in memory whole, whatever its size (a media value with JSON escapes, which the service does
     * not send, is unescaped on the heap; an answer that finds {@link #spillMaxBytes(long)} reached stays in memory).
     * Costs a write and a read of the body through the page cache (docs/performance.md); worth it where heap is
     * scarce and results are large or many at once. A relative path is resolved when the service is built.
     *
     * <p>Files are created owner-only and opened delete-on-close: on Linux and other Unix systems their names are
     * gone as soon as they are opened (nothing is left behind, not even by a crash); the space is freed once the
     * result's media are unreachable. They hold faces and identity documents: use a directory on storage your data
     * protection rules allow (e.g. encrypted, not shared). The directory must exist and be writable; {@link #build()}
     * checks by creating a file there.
     *
     * @param directory an existing, writable directory, or null
     * @return this builder
     */
    public FaceIdServiceBuilder spillDirectory(Path directory) {
        this.spillDirectory = directory;
        return this;
    }

    /**
     * Size in bytes above which an answer goes to the {@link #spillDirectory(Path) spill directory}; default 1 MiB.
     *
     * @param bytes the threshold, in bytes; 0 spills every answer
     * @return this builder
     */
    public FaceIdServiceBuilder spillThreshold(long bytes) {
        this.spillThreshold = bytes;
        return this;
    }

    /**
     * Disk space the spilled answers of this service may hold at once; default 1 GiB. An answer reserves its
     * Content-Length (or {@link #maxResponseBytes(long)} when it has none) before it is written; its space is freed
     * once its result is no longer reachable and has been garbage-collected, which can be late, as spilled answers
     * hardly use the heap. At the bound the service asks for a collection (as the JDK does for direct buffers; at
     * most once a second) and, if that frees too little, keeps the answer in memory and logs a warning.
     *
     * @param bytes the bound, in bytes
     * @return this builder
     */
    public FaceIdServiceBuilder spillMaxBytes(long bytes) {
        this.spillMaxBytes = bytes;
        return this;
    }

    /**
     * Optional {@code X-TC-Language}: {@code zh-CN} or {@code en-US}; the service's default when unset.
     *
     * @param language {@code zh-CN}, {@code en-US} or null
     * @return this builder
     */
    public FaceIdServiceBuilder language(String language) {
        this.language = language;
        return this;
    }

    /**
     * Allows plain {@code http} to a non-loopback host, e.g. behind a TLS-terminating gateway. Default off.
     *
     * @param allow whether to allow it
     * @return this builder
     */
    public FaceIdServiceBuilder allowInsecureHttp(boolean allow) {
        this.allowInsecureHttp = allow;
        return this;
    }

    /**
     * Logs every request and response, default off: on the {@code System.Logger} {@code io.github.faceid4j.client}
     * at INFO, an allow-list of headers (X-TC-Action, -Version, -Region, -Timestamp, -Language, Content-Type,
     * Content-Length, Host; X-TC-RequestId of the answer), the status, the masked BizToken, the attempt, the
     * duration and the outcome. Never {@code Authorization}, {@code X-TC-Token}, a body, media or personal data.
     * Retries (DEBUG) and failures about to be thrown (WARNING) are logged whatever this says.
     *
     * @param log whether to log
     * @return this builder
     */
    public FaceIdServiceBuilder logRequests(boolean log) {
        this.logRequests = log;
        return this;
    }

    /**
     * Told, for each successful call, its result and how many requests it took (retries included), just before the
     * caller sees the result; default none. For observability layers (the CDI extension's
     * {@code VerificationCallEvent}): failures carry their count themselves ({@code FaceIdException.attempts()}).
     * Runs on the thread completing the call, never the service's timer; what it throws is logged and ignored.
     *
     * @param observer given the result and the number of requests it took, or null for none
     * @return this builder
     */
    public FaceIdServiceBuilder attemptsObserver(ObjIntConsumer<VerificationResult> observer) {
        this.attemptsObserver = observer;
        return this;
    }

    /**
     * Where the services' spans and metrics go (see docs/operations.md, "Telemetry"). Default ({@code null}):
     * {@code GlobalOpenTelemetry} when {@code opentelemetry-api} is on the classpath, nothing when it is not (the
     * dependency is optional: without it the library works and records nothing). {@code OpenTelemetry.noop()}
     * switches telemetry off. Only calling this method needs the API; a builder that never calls it works without.
     *
     * @param openTelemetry the application's OpenTelemetry, or null for the default
     * @return this builder
     */
    public FaceIdServiceBuilder openTelemetry(io.opentelemetry.api.OpenTelemetry openTelemetry) {
        this.openTelemetry = openTelemetry;
        return this;
    }

    /**
     * An HTTP proxy, or {@link ProxySettings#direct()} for none. Default ({@code null}): the JVM's standard proxy
     * properties ({@code https.proxyHost}, {@code http.proxyHost}, {@code http.nonProxyHosts}) decide.
     *
     * @param proxy the proxy, {@link ProxySettings#direct()}, or null
     * @return this builder
     */
    public FaceIdServiceBuilder proxy(ProxySettings proxy) {
        this.proxy = proxy;
        return this;
    }

    /**
     * The clock that timestamps signatures; tests pin it. Default: the system clock, UTC.
     *
     * @param clock the clock
     * @return this builder
     */
    public FaceIdServiceBuilder clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /**
     * Runs the HTTP exchanges of every call, e.g. a Jakarta EE {@code ManagedExecutorService}. Default: a pool of
     * {@link #maxConcurrency} daemon threads owned by the service and shut down by {@code close()}.
     *
     * @param executor the executor, or null for the service's own pool
     * @return this builder
     */
    public FaceIdServiceBuilder asyncExecutor(ExecutorService executor) {
        this.asyncExecutor = executor;
        return this;
    }

    /**
     * Deadline of a whole call: rate-limit wait, every attempt and every backoff. Default 60 s. When it passes the
     * call fails with {@link io.github.faceid4j.FaceIdTimeoutException}; each attempt's connect and read timeouts
     * are capped by the time left.
     *
     * @param timeout the deadline of a call
     * @return this builder
     */
    public FaceIdServiceBuilder callTimeout(Duration timeout) {
        this.callTimeout = timeout;
        return this;
    }

    /**
     * Retries of transient failures; default {@link RetryPolicy#DEFAULT} (3 attempts), {@link RetryPolicy#NONE} turns them off.
     *
     * @param policy the policy
     * @return this builder
     */
    public FaceIdServiceBuilder retryPolicy(RetryPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        this.maxAttempts = policy.maxAttempts();
        this.retryBaseDelay = policy.baseDelay();
        this.retryMaxDelay = policy.maxDelay();
        return this;
    }

    /**
     * Total attempts per call, the first included; default 3; 1 turns retries off.
     *
     * @param attempts the number of attempts, 1 or more
     * @return this builder
     */
    public FaceIdServiceBuilder maxAttempts(int attempts) {
        this.maxAttempts = attempts;
        return this;
    }

    /**
     * The backoff's first step; default 200 ms.
     *
     * @param delay the first backoff step
     * @return this builder
     */
    public FaceIdServiceBuilder retryBaseDelay(Duration delay) {
        this.retryBaseDelay = delay;
        return this;
    }

    /**
     * The backoff's ceiling; default 2 s.
     *
     * @param delay the longest backoff step
     * @return this builder
     */
    public FaceIdServiceBuilder retryMaxDelay(Duration delay) {
        this.retryMaxDelay = delay;
        return this;
    }

    /**
     * The local limit: at most {@code permits} requests in any {@code window} as the service counts them; default
     * 20 per second, the action's limit (see {@link SlidingWindowRateLimiter}). Ignored when
     * {@link #rateLimiter(RateLimiter)} is set.
     *
     * @param permits requests allowed per window
     * @param window the window
     * @return this builder
     */
    public FaceIdServiceBuilder rateLimit(int permits, Duration window) {
        this.rateLimitPermits = permits;
        this.rateLimitWindow = window;
        return this;
    }

    /**
     * The limiter of {@code ApplyWebVerificationBizTokenIntl} calls ({@link #buildStartService()}), which have a
     * budget of their own; by default a local one with the same permits and window as {@link #rateLimit}, separate
     * from the result calls'.
     *
     * @param limiter the limiter of the start calls
     * @return this builder
     */
    public FaceIdServiceBuilder applyRateLimiter(RateLimiter limiter) {
        this.applyRateLimiter = limiter;
        return this;
    }

    /**
     * Requests allowed per {@link #rateLimitWindow}; default 20.
     *
     * @param permits requests allowed per window
     * @return this builder
     */
    public FaceIdServiceBuilder rateLimitPermits(int permits) {
        this.rateLimitPermits = permits;
        return this;
    }

    /**
     * The window {@link #rateLimitPermits} applies to; default 1 s.
     *
     * @param window the window
     * @return this builder
     */
    public FaceIdServiceBuilder rateLimitWindow(Duration window) {
        this.rateLimitWindow = window;
        return this;
    }

    /**
     * A limiter of one's own, e.g. shared by several services or across a cluster. {@link RateLimiter#unlimited()} turns pacing off.
     *
     * @param limiter the limiter
     * @return this builder
     */
    public FaceIdServiceBuilder rateLimiter(RateLimiter limiter) {
        this.rateLimiter = limiter;
        return this;
    }

    /**
     * Longest wait for a rate-limit permit; default 10 s.
     *
     * @param wait the longest wait
     * @return this builder
     */
    public FaceIdServiceBuilder rateLimitMaxWait(Duration wait) {
        this.rateLimitMaxWait = wait;
        return this;
    }

    /**
     * Exchanges in flight at once on the service's own I/O pool; default 16. Ignored with {@link #asyncExecutor}.
     *
     * @param threads exchanges in flight at once, 1 or more
     * @return this builder
     */
    public FaceIdServiceBuilder maxConcurrency(int threads) {
        this.maxConcurrency = threads;
        return this;
    }

    /**
     * {@return every problem with the current settings, each naming its setting; empty when {@link #build()} will work}
     */
    public List<FaceIdConfigurationException> problems() {
        return SettingsAssembly.problems(this);
    }

    /**
     * Builds the service.
     *
     * @return the service; close it when done
     * @throws FaceIdConfigurationException for the first problem {@link #problems()} reports, with the others
     * attached as suppressed exceptions
     */
    public VerificationResultService build() {
        return new JerseyVerificationResultService(SettingsAssembly.settings(this));
    }

    /**
     * Builds the service that starts verifications ({@code ApplyWebVerificationBizTokenIntl}) from the same settings:
     * signing, transport, deadline, retries and logging as {@link #build()}, with its own rate limiter
     * ({@link #applyRateLimiter}).
     *
     * @return the service; close it when done
     * @throws FaceIdConfigurationException as {@link #build()}
     */
    public VerificationStartService buildStartService() {
        ServiceSettings settings = SettingsAssembly.settings(this);
        return new JerseyVerificationStartService(settings, applyRateLimiter != null ? applyRateLimiter
                : SlidingWindowRateLimiter.of(rateLimitPermits, rateLimitWindow));
    }
}
