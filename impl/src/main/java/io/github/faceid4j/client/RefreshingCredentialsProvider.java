package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdConfigurationException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Temporary credentials that renew themselves: the SecretId, SecretKey and session token are fetched from a source
 * (STS, a vault, a file a sidecar rewrites) and replaced before they run out, without rebuilding the service.
 *
 * <pre>{@code
 * CredentialsProvider sts = RefreshingCredentialsProvider.untilExpiry(
 *         () -> { var t = stsClient.assumeRole("faceid-portal"); return new RefreshingCredentialsProvider.Expiring(
 *                 Credentials.of(t.id(), t.key(), t.token()), t.expiration()); },
 *         Duration.ofMinutes(5));
 * VerificationResultService results = FaceIdServiceBuilder.create()
 *         .region("ap-singapore")
 *         .credentialsProvider(sts)
 *         .build();
 * }</pre>
 *
 * <p>Thread-safe. Every request takes one immutable {@link Credentials} snapshot, so a request never mixes the id of
 * one set with the key or token of another. One caller at a time fetches; the others keep using the current set
 * while it is still valid. When a fetch fails, the current set is kept until it expires (the failure is logged
 * as a warning, without values) and the next request tries again; once it has expired the failure reaches the
 * caller as a {@link FaceIdConfigurationException}, and every caller that was waiting for that fetch gets the
 * same failure at once (callers queued behind a source that does not answer wait for one attempt, not one each).
 */
public final class RefreshingCredentialsProvider implements CredentialsProvider {

    private static final System.Logger LOG = System.getLogger("io.github.faceid4j.client");
    /** After a failed fetch, how long requests keep the current set before trying again. */
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);

    /**
     * Credentials and the instant they stop working.
     *
     * @param credentials the credentials
     * @param expiresAt   when they stop working; {@code null}: unknown, refreshed by period only
     */
    public record Expiring(Credentials credentials, Instant expiresAt) {
        /**
         * Checks that the credentials are given.
         *
         * @param credentials the credentials
         * @param expiresAt   when they stop working, or {@code null}
         */
        public Expiring {
            Objects.requireNonNull(credentials, "credentials");
        }
    }

    private record Snapshot(Credentials credentials, Instant refreshAt, Instant expiresAt) {
    }

    private final Supplier<Expiring> source;
    private final Duration period;
    private final Duration margin;
    private final Clock clock;
    private final ReentrantLock fetching = new ReentrantLock();
    private volatile Snapshot current;
    /** Fetches that failed with nothing usable left, and the last such failure (written under {@link #fetching}). */
    private volatile int failures;
    private volatile FaceIdConfigurationException lastFailure;

    private RefreshingCredentialsProvider(Supplier<Expiring> source, Duration period, Duration margin, Clock clock) {
        this.source = Objects.requireNonNull(source, "source");
        this.period = period;
        this.margin = margin;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Fetches new credentials every {@code period}.
     *
     * @param period how long a set of credentials is used
     * @param source fetches a new set
     * @return the provider
     */
    public static RefreshingCredentialsProvider every(Duration period, Supplier<Credentials> source) {
        return every(period, source, Clock.systemUTC());
    }

    /**
     * As {@link #every(Duration, Supplier)}, on the given clock (tests).
     *
     * @param period how long a set of credentials is used
     * @param source fetches a new set
     * @param clock the clock
     * @return the provider
     */
    public static RefreshingCredentialsProvider every(Duration period, Supplier<Credentials> source, Clock clock) {
        requirePositive(period, "period");
        Objects.requireNonNull(source, "source");
        return new RefreshingCredentialsProvider(() -> new Expiring(source.get(), null), period, Duration.ZERO, clock);
    }

    /**
     * Fetches new credentials {@code margin} before the current ones expire.
     *
     * @param source fetches a new set with its expiry
     * @param margin how long before the expiry to fetch
     * @return the provider
     */
    public static RefreshingCredentialsProvider untilExpiry(Supplier<Expiring> source, Duration margin) {
        return untilExpiry(source, margin, Clock.systemUTC());
    }

    /**
     * As {@link #untilExpiry(Supplier, Duration)}, on the given clock (tests).
     *
     * @param source fetches a new set with its expiry
     * @param margin how long before the expiry to fetch
     * @param clock the clock
     * @return the provider
     */
    public static RefreshingCredentialsProvider untilExpiry(Supplier<Expiring> source, Duration margin, Clock clock) {
        if (margin == null || margin.isNegative()) {
            throw new IllegalArgumentException("margin must be zero or positive");
        }
        return new RefreshingCredentialsProvider(source, null, margin, clock);
    }

    @Override
    public Credentials credentials() {
        Snapshot snapshot = current;
        Instant now = clock.instant();
        if (snapshot != null && now.isBefore(snapshot.refreshAt())) {
            return snapshot.credentials();
        }
        boolean usable = snapshot != null && (snapshot.expiresAt() == null || now.isBefore(snapshot.expiresAt()));
        int failuresSeen = failures;
        if (usable) {
            if (!fetching.tryLock()) {
                return snapshot.credentials(); // another thread is fetching; this set is still good
            }
        } else {
            fetching.lock();
        }
        try {
            Snapshot latest = current;
            now = clock.instant();
            if (latest != snapshot && latest != null && now.isBefore(latest.refreshAt())) {
                return latest.credentials(); // fetched while this thread waited
            }
            FaceIdConfigurationException failure = lastFailure;
            if (!usable && failures != failuresSeen && failure != null) {
                // a fetch failed while this thread waited for it: fail at once with it, rather than each queued
                // caller waiting in turn for a source that does not answer; the next caller tries again
                throw new FaceIdConfigurationException(failure.key(), detail(failure));
            }
            return fetch(latest, now);
        } finally {
            fetching.unlock();
        }
    }

    /** Drops the current set: the next request fetches, e.g. after the service answered AuthFailure.TokenFailure. */
    public void invalidate() {
        current = null;
    }

    private Credentials fetch(Snapshot previous, Instant now) {
        Expiring fresh;
        try {
            fresh = Objects.requireNonNull(source.get(), "the credentials source answered null");
        } catch (RuntimeException e) {
            if (previous != null && (previous.expiresAt() == null || now.isBefore(previous.expiresAt()))) {
                LOG.log(System.Logger.Level.WARNING, "FaceID: could not refresh temporary credentials ("
                        + e.getClass().getSimpleName() + "); using the current ones until they expire");
                current = new Snapshot(previous.credentials(), now.plus(RETRY_AFTER_FAILURE), previous.expiresAt());
                return previous.credentials();
            }
            FaceIdConfigurationException error = e instanceof FaceIdConfigurationException configuration ? configuration
                    : new FaceIdConfigurationException(CredentialsUnavailableException.KEY,
                    "temporary credentials could not be fetched (" + e.getClass().getSimpleName() + ")");
            lastFailure = error;
            failures++; // only written with the lock held
            throw error;
        }
        Instant refreshAt;
        if (period != null) {
            refreshAt = now.plus(period);
            if (fresh.expiresAt() != null && fresh.expiresAt().minus(margin).isBefore(refreshAt)) {
                refreshAt = fresh.expiresAt().minus(margin);
            }
        } else if (fresh.expiresAt() != null) {
            refreshAt = fresh.expiresAt().minus(margin);
        } else {
            refreshAt = Instant.MAX; // no expiry, no period: fetched once (and after invalidate())
        }
        current = new Snapshot(fresh.credentials(), refreshAt, fresh.expiresAt());
        LOG.log(System.Logger.Level.DEBUG, () -> "FaceID: temporary credentials refreshed: "
                + fresh.credentials() + (fresh.expiresAt() == null ? "" : ", expiring " + fresh.expiresAt()));
        return fresh.credentials();
    }

    private static String detail(FaceIdConfigurationException e) {
        String message = e.getMessage();
        String lead = e.key() + ": ";
        return message != null && message.startsWith(lead) ? message.substring(lead.length()) : String.valueOf(message);
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
    }

    @Override
    public String toString() {
        Snapshot s = current;
        return "RefreshingCredentialsProvider[" + (s == null ? "not fetched" : s.credentials()) + "]";
    }
}
