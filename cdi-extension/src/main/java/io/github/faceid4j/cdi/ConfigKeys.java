package io.github.faceid4j.cdi;

import io.github.faceid4j.client.FaceIdServiceBuilder;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The one table from MicroProfile Config keys to {@link FaceIdServiceBuilder} calls. Adding a builder setting is one
 * line in {@link #SETTINGS} (and one row in {@code docs/configuration.md}; a test checks the two agree).
 *
 * <p>Each key exists unnamed ({@code tencentcloud.faceid.region}) and per named client
 * ({@code tencentcloud.faceid.<name>.region}); a named client falls back to the unnamed key. Credentials are the one
 * exception to "one key, one builder call": they are read as a unit, see {@link ClientConfiguration}.
 */
final class ConfigKeys {

    static final String PREFIX = "tencentcloud.faceid";
    /** Global switch; unnamed only. */
    static final String ENABLED = PREFIX + ".enabled";

    /** A key's last segment, the builder property it sets (its name in builder problems), how it is parsed and applied. */
    record Setting<T>(String suffix, String builderProperty, Values.Parser<T> parser,
                      BiConsumer<FaceIdServiceBuilder, T> apply) {
    }

    static final List<Setting<?>> SETTINGS = List.of(
            new Setting<>("region", "region", Values::text, FaceIdServiceBuilder::region),
            new Setting<>("endpoint", "endpoint", Values::text, FaceIdServiceBuilder::endpoint),
            new Setting<>("connect-timeout", "connectTimeout", Values::duration, FaceIdServiceBuilder::connectTimeout),
            new Setting<>("read-timeout", "readTimeout", Values::duration, FaceIdServiceBuilder::readTimeout),
            new Setting<>("max-response-bytes", "maxResponseBytes", Values::longValue, FaceIdServiceBuilder::maxResponseBytes),
            new Setting<>("spill-directory", "spillDirectory", Values::path, FaceIdServiceBuilder::spillDirectory),
            new Setting<>("spill-threshold", "spillThreshold", Values::longValue, FaceIdServiceBuilder::spillThreshold),
            new Setting<>("spill-max-bytes", "spillMaxBytes", Values::longValue, FaceIdServiceBuilder::spillMaxBytes),
            new Setting<>("language", "language", Values::text, FaceIdServiceBuilder::language),
            new Setting<>("allow-insecure-http", "allowInsecureHttp", Values::bool, FaceIdServiceBuilder::allowInsecureHttp),
            new Setting<>("call-timeout", "callTimeout", Values::duration, FaceIdServiceBuilder::callTimeout),
            new Setting<>("max-attempts", "maxAttempts", Values::intValue, FaceIdServiceBuilder::maxAttempts),
            new Setting<>("retry-base-delay", "retryBaseDelay", Values::duration, FaceIdServiceBuilder::retryBaseDelay),
            new Setting<>("retry-max-delay", "retryMaxDelay", Values::duration, FaceIdServiceBuilder::retryMaxDelay),
            new Setting<>("rate-limit-permits", "rateLimitPermits", Values::intValue, FaceIdServiceBuilder::rateLimitPermits),
            new Setting<>("rate-limit-window", "rateLimitWindow", Values::duration, FaceIdServiceBuilder::rateLimitWindow),
            new Setting<>("rate-limit-max-wait", "rateLimitMaxWait", Values::duration, FaceIdServiceBuilder::rateLimitMaxWait),
            new Setting<>("max-concurrency", "maxConcurrency", Values::intValue, FaceIdServiceBuilder::maxConcurrency),
            new Setting<>("log-requests", "logRequests", Values::bool, FaceIdServiceBuilder::logRequests));

    /** Credentials: a SecretId/SecretKey pair with an optional session token, read together from one level. */
    static final String SECRET_ID = "secret-id";
    static final String SECRET_KEY = "secret-key";
    static final String SESSION_TOKEN = "session-token";
    /** The builder property credential problems are reported under. */
    static final String CREDENTIALS_PROPERTY = io.github.faceid4j.client.CredentialsUnavailableException.KEY;
    /** The Tencent Cloud SDKs' environment variables: the last fallback for credentials. */
    static final String ENV_SECRET_ID = "TENCENTCLOUD_SECRET_ID";
    static final String ENV_SECRET_KEY = "TENCENTCLOUD_SECRET_KEY";
    static final String ENV_SESSION_TOKEN = "TENCENTCLOUD_SESSION_TOKEN";
    /** The Tencent Cloud profile file read after all of the above; default {@code ~/.tencentcloud/credentials}. */
    static final String CREDENTIALS_FILE = "credentials-file";

    /**
     * Where credentials come from: {@code auto} (the keys above, the environment, the profile file, then the
     * platform: TKE OIDC role, CVM role), or only the platform source named ({@code cvm-role}, {@code oidc-role}).
     */
    static final String CREDENTIALS_SOURCE = "credentials-source";
    static final String SOURCE_AUTO = "auto";
    static final String SOURCE_CVM_ROLE = "cvm-role";
    static final String SOURCE_OIDC_ROLE = "oidc-role";
    /** The CVM instance metadata service (scheme, host, port) and, optionally, the role to ask it for. */
    static final String CVM_ROLE_METADATA_ENDPOINT = "cvm-role.metadata-endpoint";
    static final String CVM_ROLE_NAME = "cvm-role.name";
    /** Where AssumeRoleWithWebIdentity goes for the OIDC role. */
    static final String OIDC_ROLE_STS_ENDPOINT = "oidc-role.sts-endpoint";
    /** TKE's variables for a pod's OIDC role, read through MicroProfile Config like {@link #ENV_SECRET_ID}. */
    static final List<String> TKE_VARIABLES = List.of("TKE_REGION", "TKE_PROVIDER_ID", "TKE_WEB_IDENTITY_TOKEN_FILE",
            "TKE_ROLE_ARN");

    /** Consecutive calls without a usable answer that turn the client's readiness check DOWN. */
    static final String HEALTH_FAILURE_THRESHOLD = "health.failure-threshold";

    /** An HTTP proxy, read as a unit like the credentials (builder property {@link #PROXY_PROPERTY}). */
    static final String PROXY_HOST = "proxy.host";
    static final String PROXY_PORT = "proxy.port";
    static final String PROXY_USERNAME = "proxy.username";
    static final String PROXY_PASSWORD = "proxy.password";
    static final String PROXY_NON_PROXY_HOSTS = "proxy.non-proxy-hosts";
    static final List<String> PROXY_KEYS = List.of(PROXY_HOST, PROXY_PORT, PROXY_USERNAME, PROXY_PASSWORD,
            PROXY_NON_PROXY_HOSTS);
    static final String PROXY_PROPERTY = "proxy";

    /** A trust store for https, read as a unit like the proxy (builder property {@link #TRUST_STORE_PROPERTY}). */
    static final String TRUST_STORE = "trust-store";
    static final String TRUST_STORE_PASSWORD = "trust-store-password";
    static final String TRUST_STORE_TYPE = "trust-store-type";
    static final List<String> TRUST_STORE_KEYS = List.of(TRUST_STORE, TRUST_STORE_PASSWORD, TRUST_STORE_TYPE);
    static final String TRUST_STORE_PROPERTY = "trustStore";

    /**
     * Unnamed keys read by faceid4j-rate-limit-cluster's ClusterRateLimitExtension, not by this extension: known, so
     * not warned about (this module does not depend on that one).
     */
    static final Set<String> CLUSTER_RATE_LIMIT_KEYS = Set.of(PREFIX + ".rate-limit.grid",
            PREFIX + ".rate-limit.permits-per-second", PREFIX + ".rate-limit.burst",
            PREFIX + ".rate-limit.on-grid-failure", PREFIX + ".rate-limit.jndi-name");

    private ConfigKeys() {
    }

    /** {@code tencentcloud.faceid.<suffix>} for the unnamed client ({@code name == null}), else {@code tencentcloud.faceid.<name>.<suffix>}. */
    static String key(String name, String suffix) {
        return name == null ? PREFIX + "." + suffix : PREFIX + "." + name + "." + suffix;
    }

    /** Every per-client key suffix: the table's, the credentials' and the proxy's (some contain a dot). */
    static Set<String> suffixes() {
        Set<String> all = new LinkedHashSet<>();
        SETTINGS.forEach(s -> all.add(s.suffix()));
        all.addAll(List.of(SECRET_ID, SECRET_KEY, SESSION_TOKEN, CREDENTIALS_FILE, CREDENTIALS_SOURCE,
                CVM_ROLE_METADATA_ENDPOINT, CVM_ROLE_NAME, OIDC_ROLE_STS_ENDPOINT, HEALTH_FAILURE_THRESHOLD));
        all.addAll(PROXY_KEYS);
        all.addAll(TRUST_STORE_KEYS);
        return all;
    }

    /** Whether {@code rest} (a key without the prefix) is a known suffix, alone or after a valid client name. */
    static boolean known(String rest) {
        for (String suffix : suffixes()) {
            if (rest.equals(suffix)) {
                return true;
            }
            if (rest.endsWith("." + suffix) && validName(rest.substring(0, rest.length() - suffix.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    /** The environment form of the prefix: every environment variable of this extension starts with it. */
    static final String ENV_PREFIX = environmentForm(PREFIX) + "_";

    /**
     * Whether an environment variable name ({@code TENCENTCLOUD_FACEID_SECRET_ID}) is the environment form of a known
     * key, unnamed or of a client. In that form a '-' cannot be told from a '.', in the suffix as in a client name
     * ({@code TENCENTCLOUD_FACEID_PAY_OUTS_READ_TIMEOUT} is {@code tencentcloud.faceid.pay-outs.read-timeout}).
     */
    static boolean knownEnvironmentName(String name) {
        if (!name.startsWith(ENV_PREFIX)) {
            return false;
        }
        String rest = name.substring(ENV_PREFIX.length());
        for (String suffix : suffixes()) {
            String envSuffix = environmentForm(suffix);
            if (rest.equals(envSuffix) || rest.endsWith("_" + envSuffix)
                    && validName(rest.substring(0, rest.length() - envSuffix.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a name has the shape of an environment variable of this extension (upper case, '_'). */
    static boolean isEnvironmentName(String name) {
        return name.startsWith(ENV_PREFIX) && name.matches("[A-Z0-9_]+");
    }

    /** Whether two keys are the same in environment form (MicroProfile Config's third lookup rule). */
    static boolean sameInEnvironmentForm(String key, String other) {
        return environmentForm(key).equals(environmentForm(other));
    }

    /**
     * The environment variable MicroProfile Config also looks a key up under: every character other than a letter or
     * digit replaced by '_', upper case ({@code tencentcloud.faceid.secret-id} -> {@code TENCENTCLOUD_FACEID_SECRET_ID}).
     */
    static String environmentForm(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** Whether a client name is usable in keys and environment variables. */
    static boolean validName(String name) {
        return name != null && name.matches("[A-Za-z0-9_-]+");
    }
}
