package io.github.faceid4j.cdi;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The deployment's warning about configuration keys under the prefix that no client reads, for {@link FaceIdExtension}. */
final class UnknownKeys {

    /** The extension's logger: where the warning has always been written. */
    private static final Logger LOG = Logger.getLogger(FaceIdExtension.class.getName());

    private UnknownKeys() {
    }

    /**
     * Logs (names only, never values) keys under the prefix that no client reads: usually a typo. Environment
     * variables are judged in their own form: SmallRye Config lists {@code TENCENTCLOUD_FACEID_SECRET_ID} as
     * {@code tencentcloud.faceid.secret.id}, which is no key, so a dotted name that some source holds as an
     * environment variable is checked (and reported) as that variable.
     */
    static void warnAbout(Config cfg) {
        Set<String> suffixes = ConfigKeys.suffixes();
        Set<String> names = new LinkedHashSet<>();
        try {
            cfg.getPropertyNames().forEach(names::add);
            for (ConfigSource source : cfg.getConfigSources()) {
                names.addAll(source.getPropertyNames());
            }
        } catch (RuntimeException e) {
            return; // a source that cannot list its names: nothing to warn about
        }
        Set<String> environmentNames = new LinkedHashSet<>();
        names.stream().filter(ConfigKeys::isEnvironmentName).forEach(environmentNames::add);
        Set<String> unknown = new LinkedHashSet<>();
        for (String property : names) {
            if (otherModulesOrGlobal(property)) {
                continue;
            }
            if (property.startsWith(ConfigKeys.PREFIX + ".")) {
                if (!ConfigKeys.known(property.substring(ConfigKeys.PREFIX.length() + 1))
                        && !environmentNames.contains(ConfigKeys.environmentForm(property))) {
                    unknown.add(property);
                }
            } else if (environmentNames.contains(property) && !ConfigKeys.knownEnvironmentName(property)) {
                unknown.add(property);
            }
        }
        if (!unknown.isEmpty()) {
            LOG.log(Level.WARNING, "FaceID: ignoring unrecognised configuration keys {0}; known keys per client: {1}",
                    new Object[] {List.copyOf(unknown), suffixes});
        }
    }

    /** The global switch and the cluster limiter's keys, in either form: read elsewhere, never warned about. */
    private static boolean otherModulesOrGlobal(String property) {
        return ConfigKeys.sameInEnvironmentForm(property, ConfigKeys.ENABLED)
                || ConfigKeys.CLUSTER_RATE_LIMIT_KEYS.stream()
                        .anyMatch(key -> ConfigKeys.sameInEnvironmentForm(property, key));
    }
}
