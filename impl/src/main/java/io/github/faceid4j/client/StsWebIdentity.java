package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdConfigurationException;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.github.faceid4j.client.OidcRoleCredentialsProvider.ACTION;
import static io.github.faceid4j.client.OidcRoleCredentialsProvider.ENV_WEB_IDENTITY_TOKEN_FILE;
import static io.github.faceid4j.client.OidcRoleCredentialsProvider.VERSION;

/**
 * One STS {@code AssumeRoleWithWebIdentity} exchange for {@link OidcRoleCredentialsProvider}: reads the pod's token
 * (on every fetch: TKE replaces it), sends it unsigned, and reads the temporary credentials from the answer. No
 * message carries the token, a credential or the session token; an STS error is named by its code only.
 */
final class StsWebIdentity {

    private final String region;
    private final String providerId;
    private final Path tokenFile;
    private final String roleArn;
    private final String sessionName;
    private final Duration duration;
    private final URI endpoint;
    private final PlatformHttp http;
    private final Clock clock;

    StsWebIdentity(String region, String providerId, Path tokenFile, String roleArn, String sessionName,
                   Duration duration, URI endpoint, PlatformHttp http, Clock clock) {
        this.region = region;
        this.providerId = providerId;
        this.tokenFile = tokenFile;
        this.roleArn = roleArn;
        this.sessionName = sessionName;
        this.duration = duration;
        this.endpoint = endpoint;
        this.http = http;
        this.clock = clock;
    }

    RefreshingCredentialsProvider.Expiring fetch() {
        String key = CredentialsUnavailableException.KEY;
        String token;
        try {
            token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new FaceIdConfigurationException(ENV_WEB_IDENTITY_TOKEN_FILE, "the web identity token file "
                    + tokenFile + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        if (token.isEmpty()) {
            throw new FaceIdConfigurationException(ENV_WEB_IDENTITY_TOKEN_FILE, "the web identity token file "
                    + tokenFile + " is empty");
        }
        String body = Json.createObjectBuilder()
                .add("ProviderId", providerId)
                .add("WebIdentityToken", token)
                .add("RoleArn", roleArn)
                .add("RoleSessionName", sessionName)
                .add("DurationSeconds", duration.toSeconds())
                .build().toString();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("Authorization", "SKIP"); // AssumeRoleWithWebIdentity is not signed: the token is the proof
        headers.put("X-TC-Action", ACTION);
        headers.put("X-TC-Version", VERSION);
        headers.put("X-TC-Region", region);
        headers.put("X-TC-Timestamp", Long.toString(clock.instant().getEpochSecond()));
        String what = "STS " + ACTION + " at " + endpoint.getHost() + " (role " + roleArn + ")";
        PlatformHttp.Answer answer;
        try {
            answer = http.post(endpoint, headers, body);
        } catch (PlatformHttp.PlatformHttpException e) {
            throw new FaceIdConfigurationException(key, what + " did not answer (" + e.reason() + ")");
        }
        if (answer.status() != 200) {
            throw new FaceIdConfigurationException(key, what + " answered HTTP " + answer.status());
        }
        JsonObject response = answer.json(key, what).getJsonObject("Response");
        if (response == null) {
            throw new FaceIdConfigurationException(key, what + " answered without a Response");
        }
        JsonObject error = response.get("Error") instanceof JsonObject e ? e : null;
        if (error != null) {
            // the code only: an error message may quote what was sent
            throw new FaceIdConfigurationException(key, what + " failed: " + PlatformHttp.text(error, "Code")
                    + requestId(response));
        }
        JsonObject credentials = response.get("Credentials") instanceof JsonObject c ? c : null;
        if (credentials == null) {
            throw new FaceIdConfigurationException(key, what + " answered without Credentials" + requestId(response));
        }
        return TemporaryCredentials.parse(credentials,
                PlatformHttp.number(response, "ExpiredTime"), key, what);
    }

    private static String requestId(JsonObject response) {
        String id = PlatformHttp.text(response, "RequestId");
        return id == null ? "" : " (RequestId " + id + ")";
    }
}
