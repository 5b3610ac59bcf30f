package io.github.faceid4j.cli;

import io.github.faceid4j.FaceIdConfigurationException;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.client.Credentials;
import io.github.faceid4j.client.FaceIdServiceBuilder;

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

    private final Map<String, String> env;

    ServiceFactory(Map<String, String> env) {
        this.env = env;
    }

    /**
     * @param region   {@code --region}, or null to use {@code TENCENTCLOUD_REGION}
     * @param endpoint {@code --endpoint}, or null for the builder's default
     * @param timeout  {@code --timeout}, or null for the builder's default
     */
    VerificationResultService create(String region, String endpoint, Duration timeout) {
        List<FaceIdConfigurationException> problems = new ArrayList<>();
        String secretId = env(SECRET_ID);
        String secretKey = env(SECRET_KEY);
        if (secretId == null) {
            problems.add(new FaceIdConfigurationException(SECRET_ID, "is not set"));
        }
        if (secretKey == null) {
            problems.add(new FaceIdConfigurationException(SECRET_KEY, "is not set"));
        }
        FaceIdServiceBuilder builder = FaceIdServiceBuilder.create()
                .region(region != null ? region : env(REGION));
        if (secretId != null && secretKey != null) {
            builder.credentials(Credentials.of(secretId, secretKey, env(SESSION_TOKEN)));
        }
        if (endpoint != null) {
            builder.endpoint(endpoint);
        }
        if (timeout != null) {
            builder.callTimeout(timeout); // the whole call: rate-limit wait, attempts and backoff
        }
        builder.problems().stream()
                .filter(p -> !p.key().equals("credentials") || problems.isEmpty())
                .forEach(problems::add);
        if (!problems.isEmpty()) {
            FaceIdConfigurationException first = problems.get(0);
            problems.subList(1, problems.size()).forEach(first::addSuppressed);
            throw first;
        }
        return builder.build();
    }

    private String env(String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
