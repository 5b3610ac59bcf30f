package io.github.faceid4j.ratelimit.cluster;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.proxy.ProxyManager;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The grid-neutral part of the factories: the bucket key and a limiter on any Bucket4j {@link ProxyManager}. The
 * ready factories for the grids application servers ship are {@link JCacheRateLimiters} (Payara's Hazelcast, any
 * JSR-107 provider) and {@link InfinispanRateLimiters} (WildFly); each is a class of its own so that only its grid's
 * API must be present: this class, like the limiter, needs Bucket4j's core only.
 *
 * <p>The bucket key is {@link #bucketKey(String, String)}: per account (SecretId, hashed) and action, so accounts
 * never share a budget.
 */
public final class ClusterRateLimiters {

    /** First segment of every bucket key. */
    public static final String KEY_PREFIX = "faceid";

    private ClusterRateLimiters() {
    }

    /**
     * {@return a limiter on any Bucket4j {@link ProxyManager}}, e.g. {@code bucket4j_jdk17-hazelcast} on a
     * {@code HazelcastInstance}, or a database; {@code grid} describes it in messages.
     *
     * @param proxyManager the Bucket4j proxy manager of the grid
     * @param secretId the account's SecretId (only its hash is kept)
     * @param settings the rate settings
     * @param grid a name for the grid in messages
     */
    public static ClusterRateLimiter bucket4j(ProxyManager<String> proxyManager, String secretId, RateSettings settings,
                                              String grid) {
        Objects.requireNonNull(proxyManager, "proxyManager");
        Objects.requireNonNull(settings, "settings");
        String key = bucketKey(secretId, settings.action());
        BucketConfiguration configuration = bucketConfiguration(settings);
        return new ClusterRateLimiter(proxyManager.getProxy(key, () -> configuration), key,
                grid == null ? proxyManager.getClass().getSimpleName() : grid, settings);
    }

    /**
     * {@code faceid:<action>:<first 128 bits of SHA-256(secretId), hex>}: one bucket per account and action. The
     * SecretId is not a secret, but keys in a grid are visible to operators and tools, so it is not stored as is.
     *
     * @param secretId the account's SecretId
     * @param action the action
     * @return the bucket's key
     */
    public static String bucketKey(String secretId, String action) {
        if (secretId == null || secretId.isBlank()) {
            throw new IllegalArgumentException("secretId must not be blank: the budget belongs to an account");
        }
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("action must not be blank");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secretId.getBytes(StandardCharsets.UTF_8));
            return KEY_PREFIX + ":" + action + ":" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** One limit: capacity {@code burst}, refilled greedily at {@code permits} per {@code period}; starts full. */
    static BucketConfiguration bucketConfiguration(RateSettings settings) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(settings.burst()).refillGreedy(settings.permits(), settings.period()))
                .build();
    }
}
