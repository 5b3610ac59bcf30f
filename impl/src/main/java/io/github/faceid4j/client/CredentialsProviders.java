package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdConfigurationException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where operators keep credentials, as {@link CredentialsProvider}s: the Tencent Cloud SDKs' environment variables
 * and profile file, and a chain that takes the first source that has credentials.
 *
 * <p>The default chain, also used by the command line:
 * <ol>
 *   <li>the environment: {@code TENCENTCLOUD_SECRET_ID}, {@code TENCENTCLOUD_SECRET_KEY} and, for temporary
 *       credentials, {@code TENCENTCLOUD_SESSION_TOKEN};</li>
 *   <li>the profile file {@code ~/.tencentcloud/credentials} (INI, section {@code [default]}: {@code secret_id},
 *       {@code secret_key}, optional {@code token}), the file the official SDKs and tccli read;</li>
 *   <li>the OIDC role of a TKE pod, when {@code TKE_REGION}, {@code TKE_PROVIDER_ID},
 *       {@code TKE_WEB_IDENTITY_TOKEN_FILE} and {@code TKE_ROLE_ARN} are set ({@link OidcRoleCredentialsProvider});</li>
 *   <li>the CAM role of this CVM instance, from the instance metadata service ({@link CvmRoleCredentialsProvider}:
 *       probed once with a 1 s connect timeout; off Tencent Cloud its absence is remembered).</li>
 * </ol>
 * The OIDC role comes before the CVM role (the official SDKs ask them the other way round): a pod configured for
 * its own role must not get the role of the node it runs on, and the variables are checked without a network call.
 * Explicit credentials ({@link FaceIdServiceBuilder#credentials}) and, in the CDI extension, MicroProfile Config
 * come before this chain. A source that is absent is skipped; a source that is present but broken (a SecretId
 * without a SecretKey, an unreadable file) is an error, never a cue to fall back to the next one.
 *
 * <p>Providers are asked once per request: the profile file is re-read when it changes, so a rotated file is
 * picked up without rebuilding the service. No message names a credential value.
 */
public final class CredentialsProviders {

    /** The environment variable of the SecretId. */
    public static final String ENV_SECRET_ID = "TENCENTCLOUD_SECRET_ID";
    /** The environment variable of the SecretKey. */
    public static final String ENV_SECRET_KEY = "TENCENTCLOUD_SECRET_KEY";
    /** The environment variable of the session token of temporary credentials. */
    public static final String ENV_SESSION_TOKEN = "TENCENTCLOUD_SESSION_TOKEN";
    /** The profile every SDK reads when none is named. */
    public static final String DEFAULT_PROFILE = "default";

    private CredentialsProviders() {
    }

    /**
     * Fixed credentials.
     *
     * @param credentials the credentials
     * @return a provider that always answers them
     */
    public static CredentialsProvider of(Credentials credentials) {
        return CredentialsProvider.of(credentials);
    }

    /**
     * {@return the first provider that has credentials} A provider without any throws {@link CredentialsUnavailableException}
     * and the next is asked; any other failure ends the search. When none has credentials, the exception lists
     * where each looked.
     *
     * @param providers the providers, asked in order
     */
    public static CredentialsProvider chain(CredentialsProvider... providers) {
        List<CredentialsProvider> list = List.of(providers); // rejects nulls
        if (list.isEmpty()) {
            throw new IllegalArgumentException("a chain needs at least one provider");
        }
        return new Chain(list);
    }

    /**
     * {@code TENCENTCLOUD_SECRET_ID}, {@code TENCENTCLOUD_SECRET_KEY}, {@code TENCENTCLOUD_SESSION_TOKEN} of this process.
     *
     * @return a provider reading this process's environment
     */
    public static CredentialsProvider environment() {
        return environment(System.getenv());
    }

    /**
     * {@return the same variables, read from the given map (tests, or an environment of one's own)}
     *
     * @param environment the variables to read
     */
    public static CredentialsProvider environment(Map<String, String> environment) {
        Map<String, String> env = Map.copyOf(environment);
        return new CredentialsProvider() {
            @Override
            public Credentials credentials() {
                String id = text(env.get(ENV_SECRET_ID));
                String key = text(env.get(ENV_SECRET_KEY));
                if (id == null && key == null) {
                    throw new CredentialsUnavailableException("environment variables " + ENV_SECRET_ID + " and "
                            + ENV_SECRET_KEY + " are not set");
                }
                if (id == null || key == null) {
                    throw new FaceIdConfigurationException(id == null ? ENV_SECRET_ID : ENV_SECRET_KEY,
                            "is not set, while " + (id == null ? ENV_SECRET_KEY : ENV_SECRET_ID) + " is");
                }
                return Credentials.of(id, key, text(env.get(ENV_SESSION_TOKEN)));
            }

            @Override
            public String toString() {
                return "environment(" + ENV_SECRET_ID + ", " + ENV_SECRET_KEY + ", " + ENV_SESSION_TOKEN + ")";
            }
        };
    }

    /**
     * {@code ~/.tencentcloud/credentials} under the given home directory.
     *
     * @param userHome the home directory
     * @return the path of the credentials file under it
     */
    public static Path defaultProfileFile(Path userHome) {
        return userHome.resolve(".tencentcloud").resolve("credentials");
    }

    /**
     * {@return the {@code [default]} profile of a Tencent Cloud credentials file}
     *
     * @param file the credentials file
     */
    public static CredentialsProvider profileFile(Path file) {
        return profileFile(file, DEFAULT_PROFILE);
    }

    /**
     * A profile of a Tencent Cloud credentials file (INI):
     * <pre>
     * [default]
     * secret_id = AKID...
     * secret_key = ...
     * token = ...        # optional: the session token of temporary credentials
     * </pre>
     * A missing file or profile is "unavailable" (a chain goes on); a profile with only one of
     * {@code secret_id}/{@code secret_key}, or a file that cannot be read, is an error. The file is re-read when its
     * modification time or size changes. A file other users can read is reported once, as a warning.
     *
     * @param file the credentials file
     * @param profile the profile's name, e.g. {@code default}
     * @return a provider reading that profile
     */
    public static CredentialsProvider profileFile(Path file, String profile) {
        Objects.requireNonNull(file, "file");
        if (profile == null || profile.isBlank()) {
            throw new IllegalArgumentException("profile must not be blank");
        }
        return new ProfileFileCredentials(file, profile.trim());
    }

    /**
     * The role bound to this CVM instance, from the instance metadata service ({@link CvmRoleCredentialsProvider}).
     * One instance per JVM, so a metadata service found absent is probed once, whoever asks.
     *
     * @return the JVM's CVM role provider
     */
    public static CvmRoleCredentialsProvider cvmRole() {
        return PlatformDefaults.CVM_ROLE;
    }

    /**
     * The OIDC role of a TKE pod, from this process's {@code TKE_*} variables ({@link OidcRoleCredentialsProvider}).
     *
     * @return a provider of the pod's role
     */
    public static CredentialsProvider oidcRole() {
        return OidcRoleCredentialsProvider.fromEnvironment();
    }

    /** Made on first use only. */
    private static final class PlatformDefaults {
        static final CvmRoleCredentialsProvider CVM_ROLE = CvmRoleCredentialsProvider.create();
    }

    /**
     * The default chain (see above) of this process's environment and home directory.
     *
     * @return the default chain
     */
    public static CredentialsProvider defaultChain() {
        return defaultChain(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * The default chain (see above) of the given environment and home directory.
     *
     * @param environment the environment variables to read
     * @param userHome the home directory of the credentials file
     * @return the default chain
     */
    public static CredentialsProvider defaultChain(Map<String, String> environment, Path userHome) {
        return defaultChain(environment, userHome, cvmRole(), OidcRoleCredentialsProvider.DEFAULT_STS_ENDPOINT);
    }

    /**
     * As {@link #defaultChain(Map, Path)}, with the platform sources' endpoints of one's own (tests, emulators).
     *
     * @param environment the environment variables to read
     * @param userHome the home directory of the credentials file
     * @param cvmRole the CVM role provider to end the chain with
     * @param stsEndpoint the STS endpoint for the OIDC role
     * @return the default chain
     */
    public static CredentialsProvider defaultChain(Map<String, String> environment, Path userHome,
                                                   CredentialsProvider cvmRole, java.net.URI stsEndpoint) {
        return chain(environment(environment), profileFile(defaultProfileFile(userHome)),
                OidcRoleCredentialsProvider.fromEnvironment(environment, stsEndpoint), cvmRole);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private record Chain(List<CredentialsProvider> providers) implements CredentialsProvider {
        @Override
        public Credentials credentials() {
            List<String> looked = new ArrayList<>(providers.size());
            for (CredentialsProvider provider : providers) {
                try {
                    return Objects.requireNonNull(provider.credentials(), "a credentials provider answered null");
                } catch (CredentialsUnavailableException e) {
                    String message = e.getMessage();
                    looked.add(message.startsWith(e.key() + ": ") ? message.substring(e.key().length() + 2) : message);
                }
            }
            throw new CredentialsUnavailableException("none found; looked at " + String.join("; ", looked));
        }

        @Override
        public String toString() {
            return "chain" + providers;
        }
    }
}
