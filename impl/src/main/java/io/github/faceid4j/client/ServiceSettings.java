package io.github.faceid4j.client;

import io.github.faceid4j.model.VerificationResult;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.function.ObjIntConsumer;

/**
 * The validated settings a service runs with: made once by {@link FaceIdServiceBuilder} (through
 * {@link SettingsAssembly}), then only read, by {@link Transport}, the services and {@link ResilientCall} (through
 * {@link #policies}). Immutable; no runtime class reads the builder itself.
 *
 * @param endpoint        the endpoint's root, scheme and host lower-cased
 * @param spillDirectory  absolute, or null when answers stay in memory
 * @param sslContext      the context trusting the configured store, or null for the JVM's
 * @param openTelemetry   an {@code io.opentelemetry.api.OpenTelemetry}, or null: typed Object so that nothing of the
 *                        optional API loads
 */
record ServiceSettings(String region, CredentialsProvider credentials, URI endpoint, Duration connectTimeout,
                       Duration readTimeout, int maxResponseBytes, Path spillDirectory, int spillThreshold,
                       long spillMaxBytes, String language, Clock clock,
                       ExecutorService asyncExecutor, Duration callTimeout, RetryPolicy retryPolicy,
                       RateLimiter rateLimiter, Duration rateLimitMaxWait, int maxConcurrency, boolean logRequests,
                       ProxySettings proxy, ObjIntConsumer<VerificationResult> attemptsObserver,
                       javax.net.ssl.SSLContext sslContext, Object openTelemetry) {

    /** What every call of {@code action} paced by {@code limiter} needs to know about pacing, retries and time. */
    ResilientCall.Policies policies(RateLimiter limiter, String action) {
        return new ResilientCall.Policies(limiter, rateLimitMaxWait, retryPolicy, callTimeout, connectTimeout,
                readTimeout, logRequests, CallTelemetry.of(openTelemetry, action, region, endpoint, limiter));
    }
}
