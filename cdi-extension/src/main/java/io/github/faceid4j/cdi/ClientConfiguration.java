package io.github.faceid4j.cdi;

import io.github.faceid4j.FaceIdConfigurationException;
import io.github.faceid4j.client.FaceIdServiceBuilder;
import io.github.faceid4j.client.SlidingWindowRateLimiter;
import org.eclipse.microprofile.config.Config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.github.faceid4j.cdi.ConfigKeys.PREFIX;
import static io.github.faceid4j.cdi.ConfigKeys.key;

/**
 * Translates the MicroProfile Config of one client into {@link FaceIdServiceBuilder} calls, and the builder's
 * {@link FaceIdServiceBuilder#problems() problems} back into configuration keys.
 *
 * <p>Every value is looked up by its dotted key with {@link Config#getOptionalValue}, so MicroProfile Config's
 * environment-variable rules apply ({@code TENCENTCLOUD_FACEID_SECRET_KEY} for {@code tencentcloud.faceid.secret-key}).
 * No problem message carries a credential value.
 */
final class ClientConfiguration {

    /** A builder holding everything that could be read, and every problem found, each keyed by configuration key. */
    record Translation(FaceIdServiceBuilder builder, List<FaceIdConfigurationException> problems) {
    }

    record Found(String key, String value) {
    }

    private ClientConfiguration() {
    }

    /**
     * @param name the client's name, or {@code null} for the unnamed client
     */
    static Translation translate(Config config, String name) {
        FaceIdServiceBuilder builder = FaceIdServiceBuilder.create();
        List<FaceIdConfigurationException> problems = new ArrayList<>();
        Map<String, String> keyOfProperty = new HashMap<>();
        Map<String, Boolean> configured = new HashMap<>();
        for (ConfigKeys.Setting<?> setting : ConfigKeys.SETTINGS) {
            apply(config, name, setting, builder, problems, keyOfProperty, configured);
        }
        boolean credentialsReported = CredentialsConfiguration.credentials(config, name, builder, problems);
        ConnectionConfiguration.proxy(config, name, builder, problems);
        ConnectionConfiguration.trustStore(config, name, builder, problems, keyOfProperty);
        for (FaceIdConfigurationException problem : builder.problems()) {
            String property = problem.key();
            if (property.equals(ConfigKeys.CREDENTIALS_PROPERTY)) {
                if (!credentialsReported) {
                    problems.addAll(CredentialsConfiguration.missingCredentials(config, name));
                }
                continue;
            }
            String configKey = keyOfProperty.get(property);
            String detail = withoutKey(problem);
            if (property.equals(ConfigKeys.TRUST_STORE_PROPERTY)) { // "the password is wrong (trustStorePassword)"
                for (String part : new String[] {"Password", "Type"}) {
                    String builderName = ConfigKeys.TRUST_STORE_PROPERTY + part;
                    detail = detail.replace("(" + builderName + ")", "(" + keyOfProperty.get(builderName) + ")");
                }
            }
            if (configKey == null) { // a builder setting without a key yet: name the builder property
                configKey = (name == null ? PREFIX : PREFIX + "." + name) + " (builder setting " + property + ")";
            } else if (name != null && Boolean.FALSE.equals(configured.get(property))) {
                String suffix = configKey.substring(configKey.lastIndexOf('.') + 1);
                detail += "; or set " + key(null, suffix) + " for every client";
            }
            problems.add(new FaceIdConfigurationException(configKey, detail));
        }
        problems.sort(Comparator.comparing(FaceIdConfigurationException::key));
        return new Translation(builder, problems);
    }

    /**
     * Whether the named client has any key of its own, i.e. was configured at all. Looks each known key up (so the
     * environment-variable forms count) and also scans the property names (so a misspelt key counts: it then gets a
     * precise problem instead of "unknown client").
     */
    static boolean hasOwnKeys(Config config, String name) {
        for (String suffix : ConfigKeys.suffixes()) {
            try {
                if (get(config, key(name, suffix)).isPresent()) {
                    return true;
                }
            } catch (FaceIdConfigurationException unreadable) {
                return true; // present, if broken: reported by translate()
            }
        }
        String own = PREFIX + "." + name + ".";
        try {
            for (String property : config.getPropertyNames()) {
                if (property.startsWith(own)) {
                    return true;
                }
            }
        } catch (RuntimeException e) {
            // some sources cannot list their names; the lookups above decide
        }
        return false;
    }

    /**
     * The local limiter the builder would make from {@code rate-limit-permits} and {@code rate-limit-window}
     * (checked at deployment; defaults when absent), for a caller that wants to watch it.
     */
    static SlidingWindowRateLimiter localRateLimiter(Config config, String name) {
        int permits = lookup(config, name, "rate-limit-permits").map(f -> Values.intValue(f.value()))
                .orElse(SlidingWindowRateLimiter.DEFAULT_PERMITS);
        java.time.Duration window = lookup(config, name, "rate-limit-window").map(f -> Values.duration(f.value()))
                .orElse(SlidingWindowRateLimiter.DEFAULT_WINDOW);
        return SlidingWindowRateLimiter.of(permits, window);
    }

    /** Reads a value: trimmed, empty treated as absent (as MicroProfile Config does). */
    static Optional<String> get(Config config, String key) {
        try {
            return config.getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty());
        } catch (RuntimeException e) {
            // e.g. an expression that cannot be expanded; the message may quote values, so only the type is kept
            throw new FaceIdConfigurationException(key, "cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static <T> void apply(Config config, String name, ConfigKeys.Setting<T> setting, FaceIdServiceBuilder builder,
                                  List<FaceIdConfigurationException> problems, Map<String, String> keyOfProperty,
                                  Map<String, Boolean> configured) {
        Optional<Found> found;
        try {
            found = lookup(config, name, setting.suffix());
        } catch (FaceIdConfigurationException unreadable) {
            problems.add(unreadable);
            keyOfProperty.put(setting.builderProperty(), unreadable.key());
            return;
        }
        keyOfProperty.put(setting.builderProperty(), found.map(Found::key).orElse(key(name, setting.suffix())));
        configured.put(setting.builderProperty(), found.isPresent());
        if (found.isEmpty()) {
            return; // the builder's default
        }
        T value;
        try {
            value = setting.parser().parse(found.get().value());
        } catch (IllegalArgumentException e) {
            problems.add(new FaceIdConfigurationException(found.get().key(), e.getMessage()));
            return;
        }
        setting.apply().accept(builder, value);
    }

    /** The named key, else the unnamed one. */
    static Optional<Found> lookup(Config config, String name, String suffix) {
        if (name != null) {
            String own = key(name, suffix);
            Optional<String> value = get(config, own);
            if (value.isPresent()) {
                return Optional.of(new Found(own, value.get()));
            }
        }
        String shared = key(null, suffix);
        return get(config, shared).map(v -> new Found(shared, v));
    }

    /** The builder's message without its leading {@code "property: "}. */
    static String withoutKey(FaceIdConfigurationException problem) {
        String message = problem.getMessage();
        String lead = problem.key() + ": ";
        return message != null && message.startsWith(lead) ? message.substring(lead.length()) : String.valueOf(message);
    }
}
