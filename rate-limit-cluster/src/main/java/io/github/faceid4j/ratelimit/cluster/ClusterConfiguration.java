package io.github.faceid4j.ratelimit.cluster;

import io.github.faceid4j.FaceIdConfigurationException;
import io.github.faceid4j.client.internal.ConfigValues;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static io.github.faceid4j.ratelimit.cluster.ClusterRateLimitExtension.BURST;
import static io.github.faceid4j.ratelimit.cluster.ClusterRateLimitExtension.ENABLED;
import static io.github.faceid4j.ratelimit.cluster.ClusterRateLimitExtension.ENV_SECRET_ID;
import static io.github.faceid4j.ratelimit.cluster.ClusterRateLimitExtension.GRID;
import static io.github.faceid4j.ratelimit.cluster.ClusterRateLimitExtension.JNDI_NAME;
import static io.github.faceid4j.ratelimit.cluster.ClusterRateLimitExtension.ON_GRID_FAILURE;
import static io.github.faceid4j.ratelimit.cluster.ClusterRateLimitExtension.PERMITS_PER_SECOND;
import static io.github.faceid4j.ratelimit.cluster.ClusterRateLimitExtension.PREFIX;
import static io.github.faceid4j.ratelimit.cluster.ClusterRateLimitExtension.SECRET_ID;

/**
 * The {@code tencentcloud.faceid.rate-limit.*} keys of {@link ClusterRateLimitExtension}, read from MicroProfile
 * Config and checked at deployment: which grid, where its handle is, the account and the bucket's settings. Every bad
 * value is a problem naming its key; reading goes on after one, so that a deployment reports them all at once.
 */
final class ClusterConfiguration {

    private static final String LOCAL_SHARE = "local-share:";

    /** The account and the bucket's settings: present only when every key read is good. */
    record Setup(String secretId, RateSettings settings) {
    }

    private final List<FaceIdConfigurationException> problems = new ArrayList<>();
    private Grid grid;
    private Optional<String> jndiName = Optional.empty();
    private Setup setup;

    private ClusterConfiguration() {
    }

    /** The application's configuration; none at all (no MicroProfile Config) chooses no grid. */
    static ClusterConfiguration read() {
        Config config;
        try {
            config = ConfigProvider.getConfig();
        } catch (RuntimeException e) {
            return new ClusterConfiguration(); // no grid chosen (the FaceID extension reports the missing config)
        }
        return read(config);
    }

    static ClusterConfiguration read(Config config) {
        ClusterConfiguration read = new ClusterConfiguration();
        read.readFrom(config);
        return read;
    }

    /** {@return the grid chosen; empty when none is (the local limiter stays the default) or the choice is bad} */
    Optional<Grid> grid() {
        return Optional.ofNullable(grid);
    }

    /** {@return the grid handle's JNDI name; empty: a bean} */
    Optional<String> jndiName() {
        return jndiName;
    }

    /** {@return the account and settings of the limiters; empty when a value is bad or missing} */
    Optional<Setup> setup() {
        return Optional.ofNullable(setup);
    }

    /** {@return every problem found, each naming its key} */
    List<FaceIdConfigurationException> problems() {
        return List.copyOf(problems);
    }

    private void readFrom(Config config) {
        Optional<String> value;
        try {
            Optional<String> enabled = config.getOptionalValue(ENABLED, String.class);
            if (enabled.isPresent() && !enabledOrReported(enabled.get())) {
                return;
            }
            value = config.getOptionalValue(GRID, String.class).map(String::trim).filter(v -> !v.isEmpty());
        } catch (RuntimeException e) {
            problems.add(new FaceIdConfigurationException(GRID, "cannot be read: " + e.getMessage()));
            return;
        }
        if (value.isEmpty()) {
            return; // the local limiter stays the default
        }
        Optional<Grid> chosen = Grid.of(value.get().toLowerCase(Locale.ROOT));
        if (chosen.isEmpty()) {
            problems.add(new FaceIdConfigurationException(GRID, "unknown data grid '" + value.get() + "'; use "
                    + Grid.JCACHE.value + " (" + Grid.JCACHE.needs + ") or " + Grid.INFINISPAN.value + " ("
                    + Grid.INFINISPAN.needs + "), or remove the key for the local limiter"));
            return;
        }
        grid = chosen.get();
        jndiName = text(config, JNDI_NAME);
        Optional<String> secretId = secretId(config);
        Optional<RateSettings> settings = settings(config);
        if (secretId.isEmpty()) {
            problems.add(new FaceIdConfigurationException(SECRET_ID, "the cluster rate limit (" + GRID + "="
                    + grid.value + ") keeps one budget per account, but neither " + SECRET_ID + " nor "
                    + ENV_SECRET_ID + " is set"));
        }
        if (secretId.isPresent() && settings.isPresent()) {
            setup = new Setup(secretId.get(), settings.get());
        }
    }

    /**
     * {@code tencentcloud.faceid.enabled} read as the FaceID extension reads it (one parser); a value that is not a
     * boolean is reported by that extension, and adds no cluster limiter here either.
     */
    private static boolean enabledOrReported(String value) {
        try {
            return ConfigValues.bool(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private Optional<String> secretId(Config config) {
        try {
            return config.getOptionalValue(SECRET_ID, String.class)
                    .or(() -> config.getOptionalValue(ENV_SECRET_ID, String.class))
                    .map(String::trim).filter(v -> !v.isEmpty());
        } catch (RuntimeException e) {
            problems.add(new FaceIdConfigurationException(SECRET_ID, "cannot be read: " + e.getMessage()));
            return Optional.empty();
        }
    }

    /** The settings from configuration; empty (and a problem per bad key recorded) when a value is bad. */
    private Optional<RateSettings> settings(Config config) {
        int before = problems.size();
        RateSettings.Builder builder = RateSettings.defaults().toBuilder();
        positiveInt(config, PERMITS_PER_SECOND).ifPresent(n -> builder.rate(n, Duration.ofSeconds(1)));
        positiveInt(config, BURST).ifPresent(builder::burst);
        text(config, ON_GRID_FAILURE).ifPresent(v -> policy(v).ifPresent(builder::onGridFailure));
        if (problems.size() > before) {
            return Optional.empty();
        }
        try {
            return Optional.of(builder.build());
        } catch (FaceIdConfigurationException e) {
            problems.add(new FaceIdConfigurationException(PREFIX, e.getMessage()));
            return Optional.empty();
        }
    }

    private Optional<GridFailurePolicy> policy(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        if (v.equals("fail-closed")) {
            return Optional.of(GridFailurePolicy.failClosed());
        }
        if (v.startsWith(LOCAL_SHARE)) {
            try {
                int nodes = Integer.parseInt(v.substring(LOCAL_SHARE.length()).trim());
                if (nodes >= 1) {
                    return Optional.of(GridFailurePolicy.fallbackToLocalShare(nodes));
                }
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        problems.add(new FaceIdConfigurationException(ON_GRID_FAILURE, "must be fail-closed or local-share:<expected"
                + " nodes, at least 1>, was '" + value + "'"));
        return Optional.empty();
    }

    private Optional<Integer> positiveInt(Config config, String key) {
        return text(config, key).flatMap(value -> {
            try {
                int n = Integer.parseInt(value);
                if (n >= 1) {
                    return Optional.of(n);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problems.add(new FaceIdConfigurationException(key, "must be a whole number of at least 1, was '"
                    + value + "'"));
            return Optional.empty();
        });
    }

    private Optional<String> text(Config config, String key) {
        try {
            return config.getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty());
        } catch (RuntimeException e) {
            problems.add(new FaceIdConfigurationException(key, "cannot be read: " + e.getMessage()));
            return Optional.empty();
        }
    }
}
