package io.github.faceid4j.client;


import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The temporary credentials of a CAM role assumed with the pod's OIDC identity, as TKE sets it up for a pod and the
 * official SDKs read it: STS {@code AssumeRoleWithWebIdentity} (Version {@code 2018-08-13}), sent unsigned with
 * {@code ProviderId}, {@code WebIdentityToken} (read from a file TKE keeps fresh, on every fetch), {@code RoleArn},
 * {@code RoleSessionName} and {@code DurationSeconds}; it answers {@code Credentials{TmpSecretId, TmpSecretKey,
 * Token}} and {@code ExpiredTime}. Fetched again {@link Builder#refreshMargin margin} before they expire (see
 * {@link RefreshingCredentialsProvider}).
 *
 * <p>{@link #fromEnvironment()} takes its settings from TKE's variables {@code TKE_REGION}, {@code TKE_PROVIDER_ID},
 * {@code TKE_WEB_IDENTITY_TOKEN_FILE} and {@code TKE_ROLE_ARN}: none set is "unavailable" (a chain goes on), some but
 * not all is an error naming the missing one. Nothing is sent before the first request.
 *
 * <p>Thread-safe. No message, log line or {@code toString()} contains the web-identity token, a credential or the
 * STS session token.
 */
public final class OidcRoleCredentialsProvider implements CredentialsProvider {

    /** The environment variable TKE sets to the cluster's region: the STS request's {@code X-TC-Region}. */
    public static final String ENV_REGION = "TKE_REGION";
    /** The environment variable TKE sets to the id of the cluster's OIDC identity provider in CAM. */
    public static final String ENV_PROVIDER_ID = "TKE_PROVIDER_ID";
    /** The environment variable TKE sets to the path of the file holding the pod's OIDC token (kept fresh by TKE). */
    public static final String ENV_WEB_IDENTITY_TOKEN_FILE = "TKE_WEB_IDENTITY_TOKEN_FILE";
    /** The environment variable TKE sets to the ARN of the CAM role the pod may assume. */
    public static final String ENV_ROLE_ARN = "TKE_ROLE_ARN";
    /** Where the official SDKs send AssumeRoleWithWebIdentity. */
    public static final URI DEFAULT_STS_ENDPOINT = URI.create("https://sts.tencentcloudapi.com");
    /** TCP connect bound of the exchange with STS, a real service on the Internet: longer than the CVM probe's. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Bound of one exchange with STS, name lookup and answer included. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** The session length asked for, as the official SDKs do: 2 h. */
    public static final Duration DEFAULT_DURATION = Duration.ofHours(2);
    /** Credentials are fetched again this long before they expire. */
    public static final Duration DEFAULT_REFRESH_MARGIN = Duration.ofMinutes(5);
    static final String ACTION = "AssumeRoleWithWebIdentity";
    static final String VERSION = "2018-08-13";

    private final Path tokenFile;
    private final String roleArn;
    private final URI endpoint;
    private final RefreshingCredentialsProvider credentials;

    private OidcRoleCredentialsProvider(Builder b) {
        String region = required(b.region, "region"); // checked in this order: the first missing one is named
        String providerId = required(b.providerId, "providerId");
        this.tokenFile = Objects.requireNonNull(b.tokenFile, "webIdentityTokenFile");
        this.roleArn = required(b.roleArn, "roleArn");
        this.endpoint = b.endpoint.resolve("/");
        StsWebIdentity sts = new StsWebIdentity(region, providerId, tokenFile, roleArn, b.sessionName, b.duration,
                endpoint, b.fetch.http(true), b.fetch.clock());
        this.credentials = RefreshingCredentialsProvider.untilExpiry(sts::fetch, b.fetch.margin(), b.fetch.clock());
    }

    /**
     * Starts the settings of a provider configured in code rather than by TKE's variables (see
     * {@link #fromEnvironment()}).
     *
     * @return a builder; region, provider id, token file and role must be set before {@link Builder#build()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * From this process's {@code TKE_*} variables; see the class comment.
     *
     * @return a provider that reads the variables now and sends nothing before the first request
     */
    public static CredentialsProvider fromEnvironment() {
        return fromEnvironment(System.getenv(), DEFAULT_STS_ENDPOINT);
    }

    /**
     * From the given variables, sending to {@code stsEndpoint}. When none of the four variables is set, the provider
     * answers "unavailable" on every request; when some are missing, every request fails naming the first missing
     * one (a chain stops there: a half-configured role is a mistake, not a cue to use other credentials).
     *
     * @param environment the variables, by name; only the four {@code TKE_*} ones are read, blank ones are unset
     * @param stsEndpoint scheme, host and port of STS ({@link #DEFAULT_STS_ENDPOINT} in production)
     * @return a provider that sends nothing before the first request
     * @throws IllegalArgumentException when {@code stsEndpoint} is not an https URL with a host (plain http is
     *         accepted for a loopback host only)
     */
    public static CredentialsProvider fromEnvironment(Map<String, String> environment, URI stsEndpoint) {
        return OidcEnvironment.provider(environment, stsEndpoint);
    }

    /** Settings of an {@link OidcRoleCredentialsProvider}: region, provider id, token file and role are required. */
    public static final class Builder {
        private String region;
        private String providerId;
        private Path tokenFile;
        private String roleArn;
        private String sessionName = "faceid4j-" + ProcessHandle.current().pid();
        private Duration duration = DEFAULT_DURATION;
        private URI endpoint = DEFAULT_STS_ENDPOINT;
        private final RoleFetchSettings fetch = new RoleFetchSettings(DEFAULT_CONNECT_TIMEOUT, DEFAULT_TIMEOUT,
                DEFAULT_REFRESH_MARGIN);

        private Builder() {
        }

        /**
         * {@code X-TC-Region} of the STS request ({@code TKE_REGION}).
         *
         * @param region a Tencent Cloud region, such as {@code ap-singapore}; required
         * @return this builder
         */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /**
         * The OIDC identity provider's id in CAM ({@code TKE_PROVIDER_ID}): STS checks the token against it.
         *
         * @param providerId the provider's id; required
         * @return this builder
         */
        public Builder providerId(String providerId) {
            this.providerId = providerId;
            return this;
        }

        /**
         * The file holding the pod's OIDC token ({@code TKE_WEB_IDENTITY_TOKEN_FILE}); read on every fetch, because
         * TKE replaces the token before it expires.
         *
         * @param file the token file; required
         * @return this builder
         */
        public Builder webIdentityTokenFile(Path file) {
            this.tokenFile = file;
            return this;
        }

        /**
         * The role to assume, {@code qcs::cam::uin/<uin>:roleName/<name>} ({@code TKE_ROLE_ARN}).
         *
         * @param roleArn the role's ARN; required
         * @return this builder
         */
        public Builder roleArn(String roleArn) {
            this.roleArn = roleArn;
            return this;
        }

        /**
         * {@code RoleSessionName}: names the session, so that calls made with its credentials can be told apart from
         * other sessions of the same role; default {@code faceid4j-<pid>}.
         *
         * @param name the session name
         * @return this builder
         * @throws IllegalArgumentException when {@code name} is null or blank
         */
        public Builder roleSessionName(String name) {
            this.sessionName = required(name, "roleSessionName");
            return this;
        }

        /**
         * {@code DurationSeconds}: the session length asked for; default 2 h. The refresh follows the
         * {@code ExpiredTime} STS answers, not this value.
         *
         * @param duration at least one second (sent in whole seconds)
         * @return this builder
         * @throws IllegalArgumentException when {@code duration} is null or shorter than a second
         */
        public Builder duration(Duration duration) {
            if (duration == null || duration.toSeconds() < 1) {
                throw new IllegalArgumentException("duration must be at least one second");
            }
            this.duration = duration;
            return this;
        }

        /**
         * Scheme, host and port of STS; default {@code https://sts.tencentcloudapi.com}. It answers credentials, so
         * only https is accepted, plain http to a loopback host (an emulator, a test) excepted.
         *
         * @param endpoint an https URL with a host, or an http URL to a loopback host
         * @return this builder
         * @throws IllegalArgumentException when {@code endpoint} is neither
         */
        public Builder stsEndpoint(URI endpoint) {
            this.endpoint = checkStsEndpoint(endpoint);
            return this;
        }

        /**
         * TCP connect bound of every exchange with STS; default 5 s.
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
         * Bound of a whole exchange with STS, until the last byte of the answer; default 10 s.
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

        /** The clock expiry and {@code X-TC-Timestamp} are taken from (tests). */
        Builder clock(Clock clock) {
            fetch.clock(clock);
            return this;
        }

        /**
         * The provider with these settings. Nothing is sent, and the token file is not read, before the first
         * request for credentials.
         *
         * @return a new provider
         * @throws IllegalArgumentException when the region, provider id or role ARN is missing or blank
         * @throws NullPointerException when no token file is set
         */
        public OidcRoleCredentialsProvider build() {
            return new OidcRoleCredentialsProvider(this);
        }
    }

    @Override
    public Credentials credentials() {
        return credentials.credentials();
    }

    @Override
    public String toString() {
        return "oidcRole(" + roleArn + " via " + endpoint.getHost() + ", token file " + tokenFile + ")";
    }

    static URI checkStsEndpoint(URI endpoint) {
        Objects.requireNonNull(endpoint, "stsEndpoint");
        String scheme = endpoint.getScheme();
        if (endpoint.getHost() == null || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)
                && Endpoints.isLoopback(endpoint.getHost()))) {
            throw new IllegalArgumentException("the STS endpoint must be an https URL with a host (plain http"
                    + " only to a loopback host): it answers credentials");
        }
        return endpoint;
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value.trim();
    }

}
