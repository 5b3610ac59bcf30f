package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdConfigurationException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static io.github.faceid4j.client.FaceIdServiceBuilder.MAX_RESPONSE_BYTES_LIMIT;
import static io.github.faceid4j.client.FaceIdServiceBuilder.SUPPORTED_LANGUAGES;
import static io.github.faceid4j.client.FaceIdServiceBuilder.SUPPORTED_REGIONS;

/**
 * The builder's second half: checks what was set on a {@link FaceIdServiceBuilder} (every problem, each naming its
 * setting) and turns it into the {@link ServiceSettings} a service runs with. The builder only collects values;
 * nothing at run time reads it.
 */
final class SettingsAssembly {

    private SettingsAssembly() {
    }

    /** The settings of {@code b}, checked; throws the first problem with the others suppressed. */
    static ServiceSettings settings(FaceIdServiceBuilder b) {
        FaceIdConfigurationException.throwIfAny(problems(b));
        RateLimiter limiter = b.rateLimiter != null ? b.rateLimiter
                : SlidingWindowRateLimiter.of(b.rateLimitPermits, b.rateLimitWindow);
        return new ServiceSettings(b.region, b.credentials, Endpoints.normalise(b.endpoint), b.connectTimeout,
                b.readTimeout, (int) b.maxResponseBytes,
                b.spillDirectory == null ? null : b.spillDirectory.toAbsolutePath(),
                (int) b.spillThreshold, b.spillMaxBytes, b.language, b.clock,
                b.asyncExecutor, b.callTimeout,
                new RetryPolicy(b.maxAttempts, b.retryBaseDelay, b.retryMaxDelay), limiter,
                b.rateLimitMaxWait, b.maxConcurrency, b.logRequests, b.proxy, b.attemptsObserver,
                TrustStores.context(b.trustStore, b.trustStorePassword, b.trustStoreType, b.sslContext),
                b.openTelemetry);
    }

    /** See {@link FaceIdServiceBuilder#problems()}. */
    static List<FaceIdConfigurationException> problems(FaceIdServiceBuilder b) {
        List<FaceIdConfigurationException> problems = new ArrayList<>();
        if (b.region == null || b.region.isBlank()) {
            problems.add(new FaceIdConfigurationException("region", "is required; one of " + sorted(SUPPORTED_REGIONS)));
        } else if (!SUPPORTED_REGIONS.contains(b.region)) {
            problems.add(new FaceIdConfigurationException("region",
                    "'" + b.region + "' is not supported by FaceID web verification; use one of " + sorted(SUPPORTED_REGIONS)));
        }
        if (b.credentials == null) {
            problems.add(new FaceIdConfigurationException(CredentialsUnavailableException.KEY, "are required (SecretId and SecretKey): credentials(...), or"
                    + " credentialsProvider(CredentialsProviders.defaultChain()) for the environment and profile file"));
        }
        Endpoints.problem(b.endpoint, b.allowInsecureHttp).ifPresent(problems::add);
        TrustStores.problem(b.trustStore, b.trustStorePassword, b.trustStoreType, b.sslContext).ifPresent(problems::add);
        positive("connectTimeout", b.connectTimeout).ifPresent(problems::add);
        positive("readTimeout", b.readTimeout).ifPresent(problems::add);
        if (b.maxResponseBytes <= 0 || b.maxResponseBytes > MAX_RESPONSE_BYTES_LIMIT) {
            problems.add(new FaceIdConfigurationException("maxResponseBytes",
                    "must be between 1 and " + MAX_RESPONSE_BYTES_LIMIT + ", was " + b.maxResponseBytes));
        }
        spillDirectoryProblem(b.spillDirectory).ifPresent(problems::add);
        if (b.spillMaxBytes < 1) {
            problems.add(new FaceIdConfigurationException("spillMaxBytes", "must be at least 1, was " + b.spillMaxBytes));
        }
        if (b.spillThreshold < 0 || b.spillThreshold > MAX_RESPONSE_BYTES_LIMIT) {
            problems.add(new FaceIdConfigurationException("spillThreshold",
                    "must be between 0 and " + MAX_RESPONSE_BYTES_LIMIT + ", was " + b.spillThreshold));
        }
        if (b.language != null && !SUPPORTED_LANGUAGES.contains(b.language)) {
            problems.add(new FaceIdConfigurationException("language",
                    "'" + b.language + "' is not supported; use one of " + sorted(SUPPORTED_LANGUAGES)));
        }
        positive("callTimeout", b.callTimeout).ifPresent(problems::add);
        positive("rateLimitMaxWait", b.rateLimitMaxWait).ifPresent(problems::add);
        if (b.maxAttempts < 1) {
            problems.add(new FaceIdConfigurationException("maxAttempts", "must be at least 1, was " + b.maxAttempts));
        }
        notNegative("retryBaseDelay", b.retryBaseDelay).ifPresent(problems::add);
        notNegative("retryMaxDelay", b.retryMaxDelay).ifPresent(problems::add);
        if (b.rateLimiter == null) {
            if (b.rateLimitPermits < 1) {
                problems.add(new FaceIdConfigurationException("rateLimitPermits", "must be at least 1, was " + b.rateLimitPermits));
            }
            positive("rateLimitWindow", b.rateLimitWindow).ifPresent(problems::add);
        }
        if (b.maxConcurrency < 1) {
            problems.add(new FaceIdConfigurationException("maxConcurrency", "must be at least 1, was " + b.maxConcurrency));
        }
        if (b.clock == null) {
            problems.add(new FaceIdConfigurationException("clock", "must not be null"));
        }
        return problems;
    }

    /** Checked by creating a spill file there, as a call would: a mistake shows at deployment, not on a call. */
    private static Optional<FaceIdConfigurationException> spillDirectoryProblem(Path spillDirectory) {
        if (spillDirectory == null) {
            return Optional.empty();
        }
        if (!Files.isDirectory(spillDirectory)) {
            return Optional.of(new FaceIdConfigurationException("spillDirectory",
                    "'" + spillDirectory + "' is not an existing directory"));
        }
        try (ResponseBody.Spilled probe = ResponseBody.Spilled.create(spillDirectory)) {
            probe.append(new byte[1], 1);
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of(new FaceIdConfigurationException("spillDirectory",
                    "'" + spillDirectory + "' does not take files: " + e.getClass().getSimpleName()));
        }
    }

    private static Optional<FaceIdConfigurationException> positive(String key, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            return Optional.of(new FaceIdConfigurationException(key, "must be a positive duration, was " + value));
        }
        if (value.toMillis() > Integer.MAX_VALUE) {
            return Optional.of(new FaceIdConfigurationException(key, "is too long, was " + value));
        }
        return Optional.empty();
    }

    private static Optional<FaceIdConfigurationException> notNegative(String key, Duration value) {
        if (value == null || value.isNegative()) {
            return Optional.of(new FaceIdConfigurationException(key, "must be zero or a positive duration, was " + value));
        }
        return Optional.empty();
    }

    private static String sorted(Set<String> values) {
        return new TreeSet<>(values).toString();
    }
}
