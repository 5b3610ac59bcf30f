package io.github.faceid4j.client.internal;

import io.github.faceid4j.client.RateLimiter;

/**
 * Rate limiters by account: the service's budget belongs to an account (its SecretId), so clients signing with
 * different SecretIds must not share one. A cluster-wide limiter offers this so that each named client of a
 * deployment gets the bucket of its own account (the CDI extension asks it for every client configured with its
 * own SecretId). Internal: a contract between faceid4j's own modules, exported only to them.
 */
@FunctionalInterface
public interface AccountRateLimiters {

    /**
     * The limiter of the account {@code secretId}: the same one for the same account, every time.
     *
     * @param secretId the SecretId the client signs with, which names the account whose budget is spent
     * @return the limiter that all clients of this account share
     */
    RateLimiter forAccount(String secretId);
}
