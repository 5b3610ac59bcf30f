package io.github.faceid4j.client;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What the builders of {@link CvmRoleCredentialsProvider} and {@link OidcRoleCredentialsProvider} share: the bounds
 * of an exchange, the refresh margin and the clock, checked once here. The public setters stay on each builder
 * (their defaults differ) and hand over to this.
 */
final class RoleFetchSettings {

    private Duration connectTimeout;
    private Duration timeout;
    private Duration margin;
    private Clock clock = Clock.systemUTC();

    RoleFetchSettings(Duration connectTimeout, Duration timeout, Duration margin) {
        this.connectTimeout = connectTimeout;
        this.timeout = timeout;
        this.margin = margin;
    }

    void connectTimeout(Duration timeout) {
        this.connectTimeout = positive(timeout, "connectTimeout");
    }

    void timeout(Duration timeout) {
        this.timeout = positive(timeout, "timeout");
    }

    void refreshMargin(Duration margin) {
        if (margin == null || margin.isNegative()) {
            throw new IllegalArgumentException("refreshMargin must be zero or positive");
        }
        this.margin = margin;
    }

    void clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    Duration margin() {
        return margin;
    }

    Clock clock() {
        return clock;
    }

    /** @param proxies see {@link PlatformHttp#PlatformHttp(Duration, Duration, boolean)} */
    PlatformHttp http(boolean proxies) {
        return new PlatformHttp(connectTimeout, timeout, proxies);
    }

    private static Duration positive(Duration d, String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration");
        }
        return d;
    }
}
