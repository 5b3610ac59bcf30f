package io.github.faceid4j.cdi;

import io.github.faceid4j.FaceIdConfigurationException;
import io.github.faceid4j.client.FaceIdServiceBuilder;
import io.github.faceid4j.client.ProxySettings;
import org.eclipse.microprofile.config.Config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.github.faceid4j.cdi.ClientConfiguration.get;
import static io.github.faceid4j.cdi.ConfigKeys.key;

/**
 * The connection part of {@link ClientConfiguration}: the proxy and the trust store, each read as a unit from the
 * first level that sets any of its keys. No message quotes a password.
 */
final class ConnectionConfiguration {

    private ConnectionConfiguration() {
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
    static void proxy(Config config, String name, FaceIdServiceBuilder builder,
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
    static void trustStore(Config config, String name, FaceIdServiceBuilder builder,
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
}
