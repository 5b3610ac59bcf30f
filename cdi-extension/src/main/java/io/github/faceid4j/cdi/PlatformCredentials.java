package io.github.faceid4j.cdi;

import io.github.faceid4j.FaceIdConfigurationException;
import io.github.faceid4j.client.CredentialsProvider;
import io.github.faceid4j.client.CredentialsProviders;
import io.github.faceid4j.client.CredentialsUnavailableException;
import io.github.faceid4j.client.CvmRoleCredentialsProvider;
import io.github.faceid4j.client.FaceIdServiceBuilder;
import io.github.faceid4j.client.OidcRoleCredentialsProvider;
import org.eclipse.microprofile.config.Config;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static io.github.faceid4j.cdi.ConfigKeys.key;

/**
 * The platform's temporary credentials for a client, from MicroProfile Config: the OIDC role of a TKE pod (TKE's
 * {@code TKE_*} variables, read through MicroProfile Config) and the CAM role of a CVM instance (its metadata
 * service). Either as the end of the {@code auto} chain, after the profile file, or alone
 * ({@code credentials-source=cvm-role|oidc-role}).
 *
 * <p>Checked at deployment by fetching credentials once: a role that cannot be assumed fails the deployment,
 * naming the key or variable. Providers are shared by everyone configured alike (a JVM-wide map), so the metadata
 * service is probed once however often a configuration is read, and its absence is remembered.
 */
final class PlatformCredentials {

    /** Providers by their settings: one probe, one refresh schedule per distinct configuration. */
    private static final Map<List<String>, CredentialsProvider> SHARED = new ConcurrentHashMap<>();

    private PlatformCredentials() {
    }

    /**
     * After the keys, the environment and the profile file had nothing: the OIDC role when any {@code TKE_*}
     * variable is set, else the CVM role when the metadata service answers. Nothing found is not a problem here
     * (the builder then reports missing credentials).
     *
     * @return whether a problem was reported
     */
    static boolean auto(Config config, String name, FaceIdServiceBuilder builder,
                        List<FaceIdConfigurationException> problems) {
        Map<String, String> tke;
        try {
            tke = tkeVariables(config);
        } catch (FaceIdConfigurationException unreadable) {
            problems.add(unreadable);
            return true;
        }
        if (!tke.isEmpty()) {
            return oidc(config, name, tke, key(name, ConfigKeys.CREDENTIALS_SOURCE), builder, problems);
        }
        return cvm(config, name, false, key(name, ConfigKeys.CREDENTIALS_SOURCE), builder, problems);
    }

    /** {@code credentials-source} names one source: only that one, which must work. */
    static boolean explicit(Config config, String name, String sourceKey, String mode, FaceIdServiceBuilder builder,
                            List<FaceIdConfigurationException> problems) {
        switch (mode) {
            case ConfigKeys.SOURCE_CVM_ROLE:
                return cvm(config, name, true, sourceKey, builder, problems);
            case ConfigKeys.SOURCE_OIDC_ROLE:
                Map<String, String> tke;
                try {
                    tke = tkeVariables(config);
                } catch (FaceIdConfigurationException unreadable) {
                    problems.add(unreadable);
                    return true;
                }
                return oidc(config, name, tke, sourceKey, builder, problems);
            default:
                problems.add(new FaceIdConfigurationException(sourceKey, "must be " + ConfigKeys.SOURCE_AUTO + ", "
                        + ConfigKeys.SOURCE_CVM_ROLE + " or " + ConfigKeys.SOURCE_OIDC_ROLE + ", was '" + mode + "'"));
                return true;
        }
    }

    private static boolean oidc(Config config, String name, Map<String, String> tke, String sourceKey,
                                FaceIdServiceBuilder builder, List<FaceIdConfigurationException> problems) {
        for (String variable : ConfigKeys.TKE_VARIABLES) {
            if (!tke.containsKey(variable)) {
                problems.add(new FaceIdConfigurationException(variable, "is required for the TKE OIDC role ("
                        + sourceKey + "); set " + String.join(", ", ConfigKeys.TKE_VARIABLES)));
                return true;
            }
        }
        String fileVariable = ConfigKeys.TKE_VARIABLES.get(2);
        try {
            if (!Files.isReadable(Path.of(tke.get(fileVariable)))) {
                problems.add(new FaceIdConfigurationException(fileVariable, "names a file that does not exist or"
                        + " cannot be read: " + tke.get(fileVariable)));
                return true;
            }
        } catch (InvalidPathException e) {
            problems.add(new FaceIdConfigurationException(fileVariable, "is not a valid path"));
            return true;
        }
        Optional<URI> sts = uri(config, name, ConfigKeys.OIDC_ROLE_STS_ENDPOINT, problems);
        if (sts == null) {
            return true;
        }
        URI endpoint = sts.orElse(OidcRoleCredentialsProvider.DEFAULT_STS_ENDPOINT);
        CredentialsProvider provider;
        try {
            Map<String, String> env = new LinkedHashMap<>(tke);
            provider = SHARED.computeIfAbsent(List.of("oidc", endpoint.toString(), env.toString()),
                    k -> OidcRoleCredentialsProvider.fromEnvironment(env, endpoint));
        } catch (IllegalArgumentException e) {
            problems.add(new FaceIdConfigurationException(key(name, ConfigKeys.OIDC_ROLE_STS_ENDPOINT), e.getMessage()));
            return true;
        }
        return use(provider, sourceKey, "the TKE OIDC role", builder, problems);
    }

    private static boolean cvm(Config config, String name, boolean required, String sourceKey,
                               FaceIdServiceBuilder builder, List<FaceIdConfigurationException> problems) {
        Optional<URI> metadata = uri(config, name, ConfigKeys.CVM_ROLE_METADATA_ENDPOINT, problems);
        if (metadata == null) {
            return true;
        }
        Optional<ClientConfiguration.Found> role;
        try {
            role = ClientConfiguration.lookup(config, name, ConfigKeys.CVM_ROLE_NAME);
        } catch (FaceIdConfigurationException unreadable) {
            problems.add(unreadable);
            return true;
        }
        CvmRoleCredentialsProvider provider;
        try {
            provider = metadata.isEmpty() && role.isEmpty() ? CredentialsProviders.cvmRole()
                    : (CvmRoleCredentialsProvider) SHARED.computeIfAbsent(List.of("cvm",
                            metadata.map(URI::toString).orElse(""), role.map(ClientConfiguration.Found::value).orElse("")),
                    k -> {
                        CvmRoleCredentialsProvider.Builder b = CvmRoleCredentialsProvider.builder();
                        metadata.ifPresent(b::endpoint);
                        role.ifPresent(r -> b.roleName(r.value()));
                        return b.build();
                    });
        } catch (IllegalArgumentException e) {
            problems.add(new FaceIdConfigurationException(role.map(ClientConfiguration.Found::key)
                    .orElse(key(name, ConfigKeys.CVM_ROLE_METADATA_ENDPOINT)), e.getMessage()));
            return true;
        }
        if (!required && !provider.available()) {
            return false; // off Tencent Cloud: nothing here, and remembered
        }
        return use(provider, sourceKey, "the CVM role", builder, problems);
    }

    /** Fetches once at deployment (then refreshed as needed on use); a failure names the source's key. */
    private static boolean use(CredentialsProvider provider, String sourceKey, String what,
                               FaceIdServiceBuilder builder, List<FaceIdConfigurationException> problems) {
        try {
            provider.credentials();
        } catch (CredentialsUnavailableException absent) {
            problems.add(new FaceIdConfigurationException(sourceKey, what + " is not available: "
                    + ClientConfiguration.withoutKey(absent)));
            return true;
        } catch (FaceIdConfigurationException broken) {
            String problemKey = ConfigKeys.TKE_VARIABLES.contains(broken.key()) ? broken.key() : sourceKey;
            problems.add(new FaceIdConfigurationException(problemKey, what + ": "
                    + ClientConfiguration.withoutKey(broken)));
            return true;
        }
        builder.credentialsProvider(provider);
        return false;
    }

    /** Empty: not set; {@code null}: a problem was reported. */
    private static Optional<URI> uri(Config config, String name, String suffix,
                                     List<FaceIdConfigurationException> problems) {
        Optional<ClientConfiguration.Found> found;
        try {
            found = ClientConfiguration.lookup(config, name, suffix);
        } catch (FaceIdConfigurationException unreadable) {
            problems.add(unreadable);
            return null;
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(found.get().value());
            if (uri.getHost() == null || !("http".equalsIgnoreCase(uri.getScheme())
                    || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw new java.net.URISyntaxException(found.get().value(), "not an absolute http(s) URL");
            }
            return Optional.of(uri);
        } catch (java.net.URISyntaxException e) {
            problems.add(new FaceIdConfigurationException(found.get().key(),
                    "must be an absolute http(s) URL with a host, e.g. http://127.0.0.1:8080"));
            return null;
        }
    }

    /** The {@code TKE_*} variables that are set (trimmed, non-empty), by name. */
    private static Map<String, String> tkeVariables(Config config) {
        Map<String, String> tke = new LinkedHashMap<>();
        for (String variable : ConfigKeys.TKE_VARIABLES) {
            ClientConfiguration.get(config, variable).ifPresent(v -> tke.put(variable, v));
        }
        return tke;
    }
}
