package io.github.faceid4j.cli;

import io.github.faceid4j.FaceIdConfigurationException;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.VerificationStartService;
import io.github.faceid4j.client.CredentialsProvider;
import io.github.faceid4j.client.CredentialsProviders;
import io.github.faceid4j.client.CredentialsUnavailableException;
import io.github.faceid4j.client.FaceIdServiceBuilder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the command line and the environment into a {@link VerificationResultService}, through
 * {@link FaceIdServiceBuilder} like every other entry point. Checks everything before anything is sent and reports
 * all problems at once (the first thrown, the others suppressed on it).
 */
final class ServiceFactory {

    static final String SECRET_ID = "TENCENTCLOUD_SECRET_ID";
    static final String SECRET_KEY = "TENCENTCLOUD_SECRET_KEY";
    static final String SESSION_TOKEN = "TENCENTCLOUD_SESSION_TOKEN";
    static final String REGION = "TENCENTCLOUD_REGION";
    /** The key credential problems of the profile file are reported under. */
    static final String PROFILE_FILE = "~/.tencentcloud/credentials";

    private final Map<String, String> env;
    private final Path home;
    private boolean logRequests;

    ServiceFactory(Map<String, String> env) {
        this(env, Path.of(System.getProperty("user.home")));
    }

    /** Credentials: the environment, then {@code .tencentcloud/credentials} under {@code home}. */
    ServiceFactory(Map<String, String> env, Path home) {
        this.env = env;
        this.home = home;
    }

    /** {@code --verbose}: the service logs each request and response (see {@link RequestLog}). */
    ServiceFactory logRequests(boolean log) {
        this.logRequests = log;
        return this;
    }

    /**
     * @param region   {@code --region}, or null to use {@code TENCENTCLOUD_REGION}
     * @param endpoint {@code --endpoint}, or null for the builder's default
     * @param timeout  {@code --timeout}, or null for the builder's default
     */
    VerificationResultService create(String region, String endpoint, Duration timeout) {
        return configured(region, endpoint, timeout).build();
    }

    /** {@code faceid apply}: the start service from the same options and environment as {@link #create}. */
    VerificationStartService createStartService(String region, String endpoint, Duration timeout) {
        return configured(region, endpoint, timeout).buildStartService();
    }

    private FaceIdServiceBuilder configured(String region, String endpoint, Duration timeout) {
        List<FaceIdConfigurationException> problems = new ArrayList<>();
        FaceIdServiceBuilder builder = FaceIdServiceBuilder.create()
                .region(region != null ? region : env(REGION))
                .logRequests(logRequests);
        // The SDKs' default chain: the environment, then the profile file. Checked now, so a missing key is a usage
        // error before anything is sent; asked again per request (a long `results` run sees a rotated file).
        Path profile = CredentialsProviders.defaultProfileFile(home);
        CredentialsProvider chain = CredentialsProviders.defaultChain(env, home);
        try {
            chain.credentials();
            builder.credentialsProvider(chain);
        } catch (CredentialsUnavailableException none) {
            problems.add(new FaceIdConfigurationException(SECRET_ID, "is not set"));
            problems.add(new FaceIdConfigurationException(SECRET_KEY, "is not set"));
            problems.add(new FaceIdConfigurationException(PROFILE_FILE, "has no credentials either: " + profile
                    + " (not found, or no [default] secret_id/secret_key)"));
        } catch (FaceIdConfigurationException broken) {
            problems.add(broken); // half a pair in the environment, or a broken profile file: never skipped
        }
        if (endpoint != null) {
            builder.endpoint(endpoint);
        }
        if (timeout != null) {
            builder.callTimeout(timeout); // the whole call: rate-limit wait, attempts and backoff
        }
        builder.problems().stream()
                .filter(p -> !p.key().equals(CredentialsUnavailableException.KEY))
                .forEach(problems::add);
        FaceIdConfigurationException.throwIfAny(problems);
        return builder;
    }

    private String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
