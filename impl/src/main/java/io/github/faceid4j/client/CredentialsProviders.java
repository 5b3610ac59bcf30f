package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdConfigurationException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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

    private static final System.Logger LOG = System.getLogger("io.github.faceid4j.client");

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
        return new ProfileFile(file, profile.trim());
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

    /** A profile file, parsed again only when it changes. */
    private static final class ProfileFile implements CredentialsProvider {
        private final Path file;
        private final String profile;
        private volatile Parsed parsed;
        private volatile boolean permissionsChecked;

        private record Parsed(FileTime modified, long size, Credentials credentials, RuntimeException problem) {
        }

        ProfileFile(Path file, String profile) {
            this.file = file;
            this.profile = profile;
        }

        @Override
        public Credentials credentials() {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                throw new CredentialsUnavailableException("profile file " + file + " (not found)");
            } catch (IOException e) {
                throw new FaceIdConfigurationException(file.toString(), "cannot be read ("
                        + e.getClass().getSimpleName() + ")");
            }
            if (!attributes.isRegularFile()) {
                throw new CredentialsUnavailableException("profile file " + file + " (not a file)");
            }
            Parsed current = parsed;
            if (current == null || !current.modified().equals(attributes.lastModifiedTime())
                    || current.size() != attributes.size()) {
                current = parse(attributes);
                parsed = current;
            }
            if (current.problem() != null) {
                throw current.problem();
            }
            return current.credentials();
        }

        private Parsed parse(BasicFileAttributes attributes) {
            warnIfReadableByOthers();
            Map<String, String> values;
            try {
                values = section(Files.readAllLines(file, StandardCharsets.UTF_8), profile);
            } catch (IOException | RuntimeException e) {
                return new Parsed(attributes.lastModifiedTime(), attributes.size(), null,
                        new FaceIdConfigurationException(file.toString(), "cannot be read ("
                                + e.getClass().getSimpleName() + ")"));
            }
            RuntimeException problem = null;
            Credentials credentials = null;
            if (values == null) {
                problem = new CredentialsUnavailableException("profile file " + file + " (no [" + profile + "] profile)");
            } else {
                String id = text(values.get("secret_id"));
                String key = text(values.get("secret_key"));
                if (id == null && key == null) {
                    problem = new CredentialsUnavailableException("profile file " + file + " ([" + profile
                            + "] has no secret_id or secret_key)");
                } else if (id == null || key == null) {
                    problem = new FaceIdConfigurationException(file.toString(), "[" + profile + "] has "
                            + (id == null ? "secret_key but no secret_id" : "secret_id but no secret_key"));
                } else {
                    credentials = Credentials.of(id, key, text(values.get("token")));
                }
            }
            return new Parsed(attributes.lastModifiedTime(), attributes.size(), credentials, problem);
        }

        /** Keys (lower-cased) and values of one section, or null when the section is absent. */
        static Map<String, String> section(List<String> lines, String wanted) {
            Map<String, String> values = null;
            boolean inWanted = false;
            for (String raw : lines) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                    continue;
                }
                if (line.startsWith("[") && line.endsWith("]")) {
                    inWanted = line.substring(1, line.length() - 1).strip().equals(wanted);
                    if (inWanted && values == null) {
                        values = new HashMap<>();
                    }
                    continue;
                }
                int eq = line.indexOf('=');
                if (inWanted && eq > 0) {
                    values.put(line.substring(0, eq).strip().toLowerCase(Locale.ROOT), unquote(line.substring(eq + 1).strip()));
                }
            }
            return values;
        }

        private static String unquote(String value) {
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                return value.substring(1, value.length() - 1);
            }
            return value;
        }

        /**
         * Warns, once, when other users may read the file (group or others may read it) or list its folder: a
         * SecretKey there is as good as theirs. Where permissions are not POSIX, nothing is said.
         */
        private void warnIfReadableByOthers() {
            if (permissionsChecked) {
                return;
            }
            permissionsChecked = true;
            if (readableByOthers(file)) {
                LOG.log(System.Logger.Level.WARNING, "FaceID: the credentials file " + file
                        + " can be read by other users of this machine (group or others); restrict it (chmod 600)");
            }
            Path folder = file.toAbsolutePath().getParent();
            if (folder != null && readableByOthers(folder)) {
                LOG.log(System.Logger.Level.WARNING, "FaceID: the credentials folder " + folder
                        + " can be listed by other users of this machine (group or others); restrict it (chmod 700)");
            }
        }

        private static boolean readableByOthers(Path path) {
            try {
                PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
                if (view == null) {
                    return false;
                }
                Set<PosixFilePermission> permissions = view.readAttributes().permissions();
                return permissions.contains(PosixFilePermission.OTHERS_READ)
                        || permissions.contains(PosixFilePermission.GROUP_READ);
            } catch (IOException | RuntimeException e) {
                return false; // best effort only
            }
        }

        @Override
        public String toString() {
            return "profileFile(" + file + ", [" + profile + "])";
        }
    }
}
