package io.github.faceid4j.ratelimit.cluster;

import io.github.faceid4j.FaceIdConfigurationException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@link RateSettings.Builder#build()} accepts: every setting checked, each problem naming its setting (the
 * builder method's name), all of them at once.
 */
final class RateSettingsRules {

    private RateSettingsRules() {
    }

    /** Every problem with {@code candidate}, a value not yet handed out: its fields may be anything a builder took. */
    static List<FaceIdConfigurationException> problems(RateSettings candidate) {
        List<FaceIdConfigurationException> problems = new ArrayList<>();
        if (candidate.permits() < 1) {
            problems.add(new FaceIdConfigurationException("rate", "permits must be at least 1, was "
                    + candidate.permits()));
        }
        positive("rate", candidate.period()).ifPresent(problems::add);
        if (candidate.burst() < 1) {
            problems.add(new FaceIdConfigurationException("burst", "must be at least 1, was " + candidate.burst()));
        }
        positive("gridTimeout", candidate.gridTimeout()).ifPresent(problems::add);
        positive("gridRetryInterval", candidate.gridRetryInterval()).ifPresent(problems::add);
        positive("reservationHorizon", candidate.reservationHorizon()).ifPresent(problems::add);
        if (candidate.onGridFailure() == null) {
            problems.add(new FaceIdConfigurationException("onGridFailure", "must not be null"));
        }
        if (candidate.action() == null || candidate.action().isBlank()) {
            problems.add(new FaceIdConfigurationException("action", "must not be blank"));
        }
        if (candidate.cacheName() == null || candidate.cacheName().isBlank()) {
            problems.add(new FaceIdConfigurationException("cacheName", "must not be blank"));
        }
        if (candidate.gridThreads() < 1) {
            problems.add(new FaceIdConfigurationException("gridThreads", "must be at least 1, was "
                    + candidate.gridThreads()));
        }
        return problems;
    }

    private static Optional<FaceIdConfigurationException> positive(String key, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            return Optional.of(new FaceIdConfigurationException(key, "must be a positive duration, was " + value));
        }
        return Optional.empty();
    }
}
