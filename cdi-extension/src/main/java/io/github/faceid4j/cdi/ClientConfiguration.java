package io.github.faceid4j.cdi;

import io.github.faceid4j.FaceIdConfigurationException;
import io.github.faceid4j.client.Credentials;
import io.github.faceid4j.client.CredentialsProvider;
import io.github.faceid4j.client.CredentialsProviders;
import io.github.faceid4j.client.CredentialsUnavailableException;
import io.github.faceid4j.client.FaceIdServiceBuilder;
import io.github.faceid4j.client.ProxySettings;
import io.github.faceid4j.client.SlidingWindowRateLimiter;
import org.eclipse.microprofile.config.Config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
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

    /** One place credentials may come from: three keys read together. */
    private record CredentialLevel(String idKey, String secretKey, String tokenKey) {
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
        boolean credentialsReported = credentials(config, name, builder, problems);
        proxy(config, name, builder, problems);
        trustStore(config, name, builder, problems, keyOfProperty);
        for (FaceIdConfigurationException problem : builder.problems()) {
            String property = problem.key();
            if (property.equals(ConfigKeys.CREDENTIALS_PROPERTY)) {
                if (!credentialsReported) {
                    problems.addAll(missingCredentials(config, name));
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

    private static List<CredentialLevel> credentialLevels(String name) {
        List<CredentialLevel> levels = new ArrayList<>(3);
        if (name != null) {
            levels.add(new CredentialLevel(key(name, ConfigKeys.SECRET_ID), key(name, ConfigKeys.SECRET_KEY),
                    key(name, ConfigKeys.SESSION_TOKEN)));
        }
        levels.add(new CredentialLevel(key(null, ConfigKeys.SECRET_ID), key(null, ConfigKeys.SECRET_KEY),
                key(null, ConfigKeys.SESSION_TOKEN)));
        levels.add(new CredentialLevel(ConfigKeys.ENV_SECRET_ID, ConfigKeys.ENV_SECRET_KEY, ConfigKeys.ENV_SESSION_TOKEN));
        return levels;
    }

    /**
     * Credentials come from the first level that sets a SecretId or a SecretKey: the client's own keys, the unnamed
     * keys, then the SDK environment variables; when none does, from the Tencent Cloud profile file
     * ({@code credentials-file}, default {@code ~/.tencentcloud/credentials}), re-read on every request so a rotated
     * file is picked up. Never mixed across levels: half a pair is a problem, not a cue to borrow the other half
     * from elsewhere.
     *
     * @return whether a credentials problem was reported
     */
    private static boolean credentials(Config config, String name, FaceIdServiceBuilder builder,
                                       List<FaceIdConfigurationException> problems) {
        Optional<Found> source;
        try {
            source = lookup(config, name, ConfigKeys.CREDENTIALS_SOURCE);
        } catch (FaceIdConfigurationException unreadable) {
            problems.add(unreadable);
            return true;
        }
        String mode = source.map(f -> f.value().toLowerCase(java.util.Locale.ROOT)).orElse(ConfigKeys.SOURCE_AUTO);
        if (!mode.equals(ConfigKeys.SOURCE_AUTO)) {
            return PlatformCredentials.explicit(config, name, source.get().key(), mode, builder, problems);
        }
        for (CredentialLevel level : credentialLevels(name)) {
            Optional<String> id;
            Optional<String> secret;
            Optional<String> token;
            try {
                id = get(config, level.idKey());
                secret = get(config, level.secretKey());
                token = get(config, level.tokenKey());
            } catch (FaceIdConfigurationException unreadable) {
                problems.add(unreadable);
                return true;
            }
            if (id.isEmpty() && secret.isEmpty()) {
                continue;
            }
            if (id.isEmpty()) {
                problems.add(new FaceIdConfigurationException(level.idKey(), "is required when " + level.secretKey() + " is set"));
                return true;
            }
            if (secret.isEmpty()) {
                problems.add(new FaceIdConfigurationException(level.secretKey(), "is required when " + level.idKey() + " is set"));
                return true;
            }
            try {
                builder.credentials(Credentials.of(id.get(), secret.get(), token.orElse(null)));
            } catch (IllegalArgumentException e) { // values are trimmed and non-empty, so this is unexpected
                problems.add(new FaceIdConfigurationException(level.idKey(), "credentials are not usable"));
                return true;
            }
            return false;
        }
        return profileFile(config, name, builder, problems);
    }

    /** The last level: the profile file. Absent is not a problem here (the builder then reports "credentials"). */
    private static boolean profileFile(Config config, String name, FaceIdServiceBuilder builder,
                                       List<FaceIdConfigurationException> problems) {
        Optional<Found> configured;
        Path file;
        try {
            configured = lookup(config, name, ConfigKeys.CREDENTIALS_FILE);
            file = configured.isPresent() ? Path.of(configured.get().value()) : defaultProfileFile();
        } catch (FaceIdConfigurationException unreadable) {
            problems.add(unreadable);
            return true;
        } catch (InvalidPathException e) {
            problems.add(new FaceIdConfigurationException(key(name, ConfigKeys.CREDENTIALS_FILE), "is not a valid path"));
            return true;
        }
        CredentialsProvider provider = CredentialsProviders.profileFile(file);
        try {
            provider.credentials(); // checked at deployment; read again, as it then is, on every request
        } catch (CredentialsUnavailableException absent) {
            if (configured.isPresent()) { // named explicitly: its absence is a mistake, not a fallback
                problems.add(new FaceIdConfigurationException(configured.get().key(), "has no credentials: "
                        + withoutKey(absent)));
                return true;
            }
            return PlatformCredentials.auto(config, name, builder, problems);
        } catch (FaceIdConfigurationException broken) {
            problems.add(new FaceIdConfigurationException(configured.map(Found::key)
                    .orElse(key(name, ConfigKeys.CREDENTIALS_FILE)), withoutKey(broken)));
            return true;
        }
        builder.credentialsProvider(provider);
        return false;
    }

    private static Path defaultProfileFile() {
        return CredentialsProviders.defaultProfileFile(Path.of(System.getProperty("user.home")));
    }

    private static List<FaceIdConfigurationException> missingCredentials(Config config, String name) {
        String file;
        try {
            file = lookup(config, name, ConfigKeys.CREDENTIALS_FILE).map(Found::value)
                    .orElse(defaultProfileFile().toString());
        } catch (RuntimeException e) {
            file = defaultProfileFile().toString();
        }
        String orFile = ", or the profile file " + file + ", or a TKE OIDC role or CVM role: see "
                + key(name, ConfigKeys.CREDENTIALS_SOURCE) + ")";
        return List.of(
                new FaceIdConfigurationException(key(name, ConfigKeys.SECRET_ID), "is required (or "
                        + (name == null ? "" : key(null, ConfigKeys.SECRET_ID) + " for every client, or ")
                        + "the environment variable " + ConfigKeys.ENV_SECRET_ID + orFile),
                new FaceIdConfigurationException(key(name, ConfigKeys.SECRET_KEY), "is required (or "
                        + (name == null ? "" : key(null, ConfigKeys.SECRET_KEY) + " for every client, or ")
                        + "the environment variable " + ConfigKeys.ENV_SECRET_KEY + orFile));
    }

    /** Keys that come as a unit, as set at one level: {@code level} is the client's name, or null for the unnamed. */
    private record Group(String level, Map<String, String> values) {
    }

    /**
     * The {@code suffixes} set at the first level that sets any of them: the client's own, else the unnamed one;
     * null when neither does.
     *
     * @throws FaceIdConfigurationException when a value cannot be read
     */
    private static Group firstLevelSetting(Config config, String name, List<String> suffixes) {
        for (String candidate : name == null ? new String[] {null} : new String[] {name, null}) {
            Map<String, String> values = new HashMap<>();
            for (String suffix : suffixes) {
                get(config, key(candidate, suffix)).ifPresent(v -> values.put(suffix, v));
            }
            if (!values.isEmpty()) {
                return new Group(candidate, values);
            }
        }
        return null;
    }

    /**
     * The proxy comes as a unit from the first level that sets any {@code proxy.*} key: the client's own, else the
     * unnamed one. {@code proxy.host} and {@code proxy.port} go together, as do {@code proxy.username} and
     * {@code proxy.password}. No message quotes the password.
     */
    private static void proxy(Config config, String name, FaceIdServiceBuilder builder,
                              List<FaceIdConfigurationException> problems) {
        Group group;
        try {
            group = firstLevelSetting(config, name, ConfigKeys.PROXY_KEYS);
        } catch (FaceIdConfigurationException unreadable) {
            problems.add(unreadable);
            return;
        }
        if (group == null) {
            return; // the JVM's proxy properties apply
        }
        Map<String, String> values = group.values();
        String level = group.level();
        String hostKey = key(level, ConfigKeys.PROXY_HOST);
        String portKey = key(level, ConfigKeys.PROXY_PORT);
        String userKey = key(level, ConfigKeys.PROXY_USERNAME);
        String passwordKey = key(level, ConfigKeys.PROXY_PASSWORD);
        String host = values.get(ConfigKeys.PROXY_HOST);
        String port = values.get(ConfigKeys.PROXY_PORT);
        String user = values.get(ConfigKeys.PROXY_USERNAME);
        String password = values.get(ConfigKeys.PROXY_PASSWORD);
        int before = problems.size();
        if (host == null) {
            problems.add(new FaceIdConfigurationException(hostKey, "is required when other " + key(level, "proxy")
                    + ".* keys are set"));
        }
        if (port == null) {
            problems.add(new FaceIdConfigurationException(portKey, "is required when " + hostKey + " is set"));
        }
        if (user == null && password != null) {
            problems.add(new FaceIdConfigurationException(userKey, "is required when " + passwordKey + " is set"));
        }
        if (user != null && password == null) {
            problems.add(new FaceIdConfigurationException(passwordKey, "is required when " + userKey + " is set"));
        }
        Integer portNumber = null;
        if (port != null) {
            try {
                portNumber = Values.intValue(port);
            } catch (IllegalArgumentException e) {
                problems.add(new FaceIdConfigurationException(portKey, e.getMessage()));
            }
        }
        if (problems.size() > before) {
            return;
        }
        ProxySettings settings;
        try {
            settings = ProxySettings.of(host, portNumber);
        } catch (IllegalArgumentException e) {
            problems.add(new FaceIdConfigurationException(e.getMessage().contains("port") ? portKey : hostKey,
                    e.getMessage()));
            return;
        }
        if (user != null) {
            settings = settings.withCredentials(user, password);
        }
        builder.proxy(settings.withNonProxyHosts(values.get(ConfigKeys.PROXY_NON_PROXY_HOSTS)));
    }

    /**
     * The trust store comes as a unit from the first level that sets {@code trust-store}: the client's own, else the
     * unnamed one; its password and type from the same level. Without it, the JVM's trust store applies. The builder
     * loads it (so a missing file, a wrong password or type fails the deployment) and no message quotes the password.
     */
    private static void trustStore(Config config, String name, FaceIdServiceBuilder builder,
                                   List<FaceIdConfigurationException> problems, Map<String, String> keyOfProperty) {
        Group group;
        try {
            group = firstLevelSetting(config, name, ConfigKeys.TRUST_STORE_KEYS);
        } catch (FaceIdConfigurationException unreadable) {
            problems.add(unreadable);
            return;
        }
        if (group == null) {
            return;
        }
        Map<String, String> values = group.values();
        String level = group.level();
        String storeKey = key(level, ConfigKeys.TRUST_STORE);
        String path = values.get(ConfigKeys.TRUST_STORE);
        if (path == null) {
            String other = values.containsKey(ConfigKeys.TRUST_STORE_PASSWORD) ? ConfigKeys.TRUST_STORE_PASSWORD
                    : ConfigKeys.TRUST_STORE_TYPE;
            problems.add(new FaceIdConfigurationException(storeKey, "is required when " + key(level, other)
                    + " is set"));
            return;
        }
        try {
            String password = values.get(ConfigKeys.TRUST_STORE_PASSWORD);
            builder.trustStore(Path.of(path), password == null ? null : password.toCharArray(),
                    values.get(ConfigKeys.TRUST_STORE_TYPE));
        } catch (InvalidPathException e) {
            problems.add(new FaceIdConfigurationException(storeKey, "is not a valid path"));
            return;
        }
        // the builder names its own settings; here they are keys
        keyOfProperty.put(ConfigKeys.TRUST_STORE_PROPERTY, storeKey);
        keyOfProperty.put(ConfigKeys.TRUST_STORE_PROPERTY + "Password", key(level, ConfigKeys.TRUST_STORE_PASSWORD));
        keyOfProperty.put(ConfigKeys.TRUST_STORE_PROPERTY + "Type", key(level, ConfigKeys.TRUST_STORE_TYPE));
    }

    /** The builder's message without its leading {@code "property: "}. */
    static String withoutKey(FaceIdConfigurationException problem) {
        String message = problem.getMessage();
        String lead = problem.key() + ": ";
        return message != null && message.startsWith(lead) ? message.substring(lead.length()) : String.valueOf(message);
    }
}
