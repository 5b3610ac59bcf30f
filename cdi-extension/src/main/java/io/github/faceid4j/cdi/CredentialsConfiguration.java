package io.github.faceid4j.cdi;

import io.github.faceid4j.FaceIdConfigurationException;
import io.github.faceid4j.cdi.ClientConfiguration.Found;
import io.github.faceid4j.client.Credentials;
import io.github.faceid4j.client.CredentialsProvider;
import io.github.faceid4j.client.CredentialsProviders;
import io.github.faceid4j.client.CredentialsUnavailableException;
import io.github.faceid4j.client.FaceIdServiceBuilder;
import org.eclipse.microprofile.config.Config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.github.faceid4j.cdi.ClientConfiguration.get;
import static io.github.faceid4j.cdi.ClientConfiguration.lookup;
import static io.github.faceid4j.cdi.ClientConfiguration.withoutKey;
import static io.github.faceid4j.cdi.ConfigKeys.key;

/**
 * The credentials part of {@link ClientConfiguration}: the levels credentials may come from (the client's keys, the
 * shared keys, the environment, a profile file, a platform role), read together as a pair, and the problem to
 * report when none gives any. No message quotes a credential.
 */
final class CredentialsConfiguration {

    /** One place credentials may come from: three keys read together. */
    private record CredentialLevel(String idKey, String secretKey, String tokenKey) {
    }

    private CredentialsConfiguration() {
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
    static boolean credentials(Config config, String name, FaceIdServiceBuilder builder,
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

    static List<FaceIdConfigurationException> missingCredentials(Config config, String name) {
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
}
