package io.github.faceid4j.emulator;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * What one {@link FaceIdEmulator} runs with, as its {@link FaceIdEmulator.Builder} checked it. Immutable; the builder
 * makes it, the server, the request checks and the answers read it.
 *
 * @param port TCP port on 127.0.0.1, 0 for any free one
 * @param secretId the SecretId accepted
 * @param secretKey the SecretKey signatures are checked with
 * @param sessionToken the X-TC-Token required, or null for none
 * @param rateLimitPerSecond accepted requests per sliding second, per action
 * @param rateLimitEnforced whether requests over the limit are refused, or only counted
 * @param tls the server's TLS context, or null for plain HTTP
 * @param clock what X-TC-Timestamp is checked against and results are stamped with
 * @param regions the regions accepted in X-TC-Region
 * @param timestampTolerance how far X-TC-Timestamp may be from the clock
 * @param handlerThreads size of the handler pool
 * @param tolerantCanonicalValues whether a signature over header values as sent is accepted too
 */
record EmulatorSettings(int port, String secretId, String secretKey, String sessionToken, int rateLimitPerSecond,
                        boolean rateLimitEnforced, SSLContext tls, Clock clock, Set<String> regions,
                        Duration timestampTolerance, int handlerThreads, boolean tolerantCanonicalValues) {

    /** Names no secret: the generated one would print the SecretKey and the session token. */
    @Override
    public String toString() {
        return "EmulatorSettings[port=" + port + ", secretId=" + secretId + ", rateLimitPerSecond="
                + rateLimitPerSecond + (rateLimitEnforced ? "" : " (counted only)") + ", "
                + (tls == null ? "http" : "https") + ", regions=" + regions + "]";
    }
}
