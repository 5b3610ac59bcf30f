package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdConfigurationException;
import jakarta.json.JsonObject;

import java.time.Instant;

/** The {@code TmpSecretId}/{@code TmpSecretKey}/{@code Token}/{@code ExpiredTime} answer of CVM and STS. */
final class TemporaryCredentials {
    private TemporaryCredentials() {
    }

    static RefreshingCredentialsProvider.Expiring parse(JsonObject credentials, Long expiredTime, String key,
                                                        String what) {
        String id = PlatformHttp.text(credentials, "TmpSecretId");
        String secret = PlatformHttp.text(credentials, "TmpSecretKey");
        String token = PlatformHttp.text(credentials, "Token");
        if (id == null || secret == null || token == null) {
            throw new FaceIdConfigurationException(key, what + " answered without "
                    + (id == null ? "TmpSecretId" : secret == null ? "TmpSecretKey" : "Token"));
        }
        if (expiredTime == null) {
            throw new FaceIdConfigurationException(key, what + " answered without ExpiredTime");
        }
        return new RefreshingCredentialsProvider.Expiring(Credentials.of(id, secret, token),
                Instant.ofEpochSecond(expiredTime));
    }

    static RefreshingCredentialsProvider.Expiring parse(JsonObject json, String key, String what) {
        return parse(json, PlatformHttp.number(json, "ExpiredTime"), key, what);
    }
}
