package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdConfigurationException;
import jakarta.json.JsonObject;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * The temporary credentials of the CAM role bound to this CVM instance, from the instance metadata service, as the
 * official SDKs read them: {@code <endpoint>/latest/meta-data/cam/security-credentials/} names the role, and
 * {@code .../<role>} answers {@code TmpSecretId}, {@code TmpSecretKey}, {@code Token} and {@code ExpiredTime}.
 * They are fetched again {@link Builder#refreshMargin margin} before they expire (see
 * {@link RefreshingCredentialsProvider}: one caller fetches, the others keep the current set while it is valid).
 *
 * <p>Off Tencent Cloud there is no metadata service. The first request probes it with a short connect timeout
 * (1 s by default) and a bound on the whole exchange; when nothing answers, or no role is bound to the instance,
 * that is remembered and every later request is told "unavailable" at once, without probing again. A chain then
 * goes on to its next source. Once the service has answered, failures to refresh are errors, never "unavailable".
 *
 * <p>Thread-safe. No message, log line or {@code toString()} contains a credential or token.
 */
public final class CvmRoleCredentialsProvider implements CredentialsProvider {

    /** The metadata service of every CVM instance. */
    public static final URI DEFAULT_ENDPOINT = URI.create("http://metadata.tencentyun.com");
    /** Off Tencent Cloud a connect to the metadata service goes nowhere: give up quickly. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(1);
    /** Bound of one exchange with the metadata service, name lookup and answer included. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    /** Credentials are fetched again this long before they expire. */
    public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofMinutes(5);

    static final String CREDENTIALS_PATH = "/latest/meta-data/cam/security-credentials/";
    private static final String ROLE_NAME = "[A-Za-z0-9_+=,.@-]{1,128}";
    private static final System.Logger LOG = System.getLogger("io.github.faceid4j.client");

    private final URI endpoint;
    private final String configuredRole;
    private final PlatformHttp http;
    private final Duration margin;
    private final Clock clock;
    private final Object probing = new Object();
    /** {@code null} until probed; then either absent (a reason) or present (a refreshing provider). */
    private volatile Probe probe;

    private record Probe(String absentBecause, String role, RefreshingCredentialsProvider credentials) {
    }

    private CvmRoleCredentialsProvider(Builder b) {
        this.endpoint = b.endpoint.resolve("/");
        this.configuredRole = b.role;
        this.http = b.fetch.http(false);
        this.margin = b.fetch.margin();
        this.clock = b.fetch.clock();
    }

    /**
     * The system property that moves the metadata service of {@link #create()} (and so of the default chain), with
     * the same name as the MicroProfile Config key: a proxying sidecar, or a build that must not look beyond
     * loopback (this project's tests set it to a closed port on 127.0.0.1).
     */
    public static final String ENDPOINT_PROPERTY = "tencentcloud.faceid.cvm-role.metadata-endpoint";

    /**
     * The role of this instance, from {@link #DEFAULT_ENDPOINT} (or the {@value #ENDPOINT_PROPERTY} system
     * property), with the default timeouts.
     *
     * @return a provider of the instance's role
     */
    public static CvmRoleCredentialsProvider create() {
        String endpoint = System.getProperty(ENDPOINT_PROPERTY, "").trim();
        return endpoint.isEmpty() ? builder().build() : builder().endpoint(URI.create(endpoint)).build();
    }

    /**
     * Starts the settings of a provider that differs from {@link #create()}: another endpoint, a fixed role name,
     * other timeouts or refresh margin.
     *
     * @return a builder with every setting at its default
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Settings of a {@link CvmRoleCredentialsProvider}; every one has a default. */
    public static final class Builder {
        private URI endpoint = DEFAULT_ENDPOINT;
        private String role;
        private final RoleFetchSettings fetch = new RoleFetchSettings(DEFAULT_CONNECT_TIMEOUT, DEFAULT_TIMEOUT,
                DEFAULT_REFRESH_MARGIN);

        private Builder() {
        }

        /**
         * Scheme, host and port of the metadata service; default {@code http://metadata.tencentyun.com}. Its path is
         * ignored: the credentials are always asked for at {@code /latest/meta-data/cam/security-credentials/}.
         *
         * @param endpoint an absolute {@code http} or {@code https} URL with a host
         * @return this builder
         * @throws IllegalArgumentException when {@code endpoint} is not an http(s) URL with a host
         */
        public Builder endpoint(URI endpoint) {
            Objects.requireNonNull(endpoint, "endpoint");
            String scheme = endpoint.getScheme();
            if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || endpoint.getHost() == null) {
                throw new IllegalArgumentException("the metadata endpoint must be an absolute http(s) URL with a host");
            }
            this.endpoint = endpoint;
            return this;
        }

        /**
         * The role to ask for; default: the one the metadata service lists for this instance. Set it when more than
         * one could be listed and a particular one must be used.
         *
         * @param role a CAM role name (1 to 128 letters, digits or {@code +=,.@_-}), or null for the listed one
         * @return this builder
         * @throws IllegalArgumentException when {@code role} is not a valid CAM role name
         */
        public Builder roleName(String role) {
            if (role != null && !role.matches(ROLE_NAME)) {
                throw new IllegalArgumentException("a CAM role name has 1 to 128 letters, digits or +=,.@_-");
            }
            this.role = role;
            return this;
        }

        /**
         * TCP connect bound of every exchange; default 1 s. Short, because off Tencent Cloud the first probe's
         * connect goes nowhere, and a chain waits for it before it tries its next source.
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException when {@code timeout} is null, zero or negative
         */
        public Builder connectTimeout(Duration timeout) {
            fetch.connectTimeout(timeout);
            return this;
        }

        /**
         * Bound of a whole exchange, until the last byte of the answer; default 2 s.
         *
         * @param timeout a positive duration
         * @return this builder
         * @throws IllegalArgumentException when {@code timeout} is null, zero or negative
         */
        public Builder timeout(Duration timeout) {
            fetch.timeout(timeout);
            return this;
        }

        /**
         * How long before they expire credentials are fetched again; default 5 min. The margin keeps a request
         * signed just before expiry from reaching the service with credentials that expired on the way.
         *
         * @param margin zero or a positive duration
         * @return this builder
         * @throws IllegalArgumentException when {@code margin} is null or negative
         */
        public Builder refreshMargin(Duration margin) {
            fetch.refreshMargin(margin);
            return this;
        }

        /** The clock expiry is judged by (tests). */
        Builder clock(Clock clock) {
            fetch.clock(clock);
            return this;
        }

        /**
         * The provider with these settings. Nothing is sent yet: the metadata service is probed on the first
         * request for credentials (or the first {@link CvmRoleCredentialsProvider#available()}).
         *
         * @return a new provider
         */
        public CvmRoleCredentialsProvider build() {
            return new CvmRoleCredentialsProvider(this);
        }
    }

    @Override
    public Credentials credentials() {
        Probe p = probe;
        if (p == null) {
            p = probe();
        }
        if (p.absentBecause() != null) {
            throw new CredentialsUnavailableException(p.absentBecause());
        }
        return p.credentials().credentials();
    }

    /**
     * Whether this instance has a role the metadata service will give credentials for: probes on the first call
     * (bounded by the timeouts), then answers from memory.
     *
     * @return {@code true} when the metadata service answered with a role; {@code false} off Tencent Cloud or when
     *         no role is bound to the instance
     */
    public boolean available() {
        Probe p = probe;
        return (p == null ? probe() : p).absentBecause() == null;
    }

    private Probe probe() {
        synchronized (probing) {
            if (probe != null) {
                return probe;
            }
            Probe found = discover();
            if (found.absentBecause() != null) {
                LOG.log(System.Logger.Level.DEBUG, () -> "FaceID: no CVM role credentials: " + found.absentBecause());
            }
            probe = found;
            return found;
        }
    }

    private Probe discover() {
        String where = "CVM role metadata service " + endpoint;
        PlatformHttp.Answer answer; // the listing, also when the role is configured: it is the probe
        try {
            answer = http.get(endpoint.resolve(CREDENTIALS_PATH));
        } catch (PlatformHttp.PlatformHttpException e) {
            return absent(where + " (not reachable: " + e.reason() + ")");
        }
        if (answer.status() == 404) {
            return absent(where + " (no role bound to this instance)");
        }
        if (answer.status() != 200) {
            return absent(where + " (answered HTTP " + answer.status() + " when asked for the role)");
        }
        if (configuredRole != null) {
            return present(configuredRole);
        }
        String role = answer.body().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(null);
        if (role == null) {
            return absent(where + " (no role bound to this instance)");
        }
        if (!role.matches(ROLE_NAME)) {
            return absent(where + " (did not answer a role name)");
        }
        return present(role);
    }

    private Probe present(String role) {
        return new Probe(null, role, RefreshingCredentialsProvider.untilExpiry(() -> fetch(role), margin, clock));
    }

    private static Probe absent(String reason) {
        return new Probe(reason, null, null);
    }

    private RefreshingCredentialsProvider.Expiring fetch(String role) {
        String key = CredentialsUnavailableException.KEY;
        String what = "the CVM metadata service (role " + role + ")";
        PlatformHttp.Answer answer;
        try {
            answer = http.get(endpoint.resolve(CREDENTIALS_PATH + role));
        } catch (PlatformHttp.PlatformHttpException e) {
            throw new FaceIdConfigurationException(key, what + " did not answer (" + e.reason() + ")");
        }
        if (answer.status() != 200) {
            throw new FaceIdConfigurationException(key, what + " answered HTTP " + answer.status());
        }
        JsonObject json = answer.json(key, what);
        String code = PlatformHttp.text(json, "Code");
        if (code != null && !code.equals("Success")) {
            throw new FaceIdConfigurationException(key, what + " answered Code " + code);
        }
        return TemporaryCredentials.parse(json, key, what);
    }

    @Override
    public String toString() {
        Probe p = probe;
        return "cvmRole(" + endpoint + (p == null ? ", not probed" : p.absentBecause() != null ? ", absent"
                : ", role " + p.role()) + ")";
    }
}
