package io.github.faceid4j.cdi;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * One BizToken kept for a session or key: the shared rules of {@link SessionBizToken} and {@link BizTokenBindings}.
 * Immutable; accepting it gives the used copy that replaces it. Serializable, so it travels with a replicated or
 * passivated session.
 */
final class BizTokenBinding implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The time source of every binding; tests move it (same package), nothing else does. */
    static volatile Clock clock = Clock.systemUTC();

    private final String token;
    private final Instant expires;
    private final boolean used;

    private BizTokenBinding(String token, Instant expires, boolean used) {
        this.token = token;
        this.expires = expires;
        this.used = used;
    }

    static BizTokenBinding of(String bizToken, Duration lifetime) {
        if (bizToken == null || bizToken.isBlank()) {
            throw new IllegalArgumentException("The started verification has no BizToken");
        }
        return new BizTokenBinding(bizToken, clock.instant().plus(lifetime), false);
    }

    /**
     * Checks a presented token against this binding ({@code null} when nothing is kept) and answers the used
     * binding to keep instead. The right token is decided first, in constant time, so a wrong token learns nothing
     * about whether the right one was used or has expired.
     */
    static BizTokenBinding accept(BizTokenBinding kept, String presented) {
        if (kept == null) {
            throw new BizTokenRefusedException(BizTokenRefusedException.Reason.NOT_STARTED);
        }
        if (presented == null || !sameToken(kept.token, presented)) {
            throw new BizTokenRefusedException(BizTokenRefusedException.Reason.WRONG_TOKEN);
        }
        if (kept.used) {
            throw new BizTokenRefusedException(BizTokenRefusedException.Reason.ALREADY_USED);
        }
        if (!clock.instant().isBefore(kept.expires)) {
            throw new BizTokenRefusedException(BizTokenRefusedException.Reason.EXPIRED);
        }
        return new BizTokenBinding(kept.token, kept.expires, true);
    }

    String token() {
        return token;
    }

    boolean pending() {
        return !used && !expiredAt(clock.instant());
    }

    boolean expiredAt(Instant now) {
        return !now.isBefore(expires);
    }

    /**
     * Compares digests rather than the strings: {@link MessageDigest#isEqual} takes the same time whatever the
     * content, and equal-length digests hide the tokens' lengths too.
     */
    private static boolean sameToken(String kept, String presented) {
        return MessageDigest.isEqual(sha256(kept), sha256(presented));
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        // never the token
        return "BizTokenBinding[" + (used ? "used" : "pending") + ", expires " + expires + "]";
    }
}
