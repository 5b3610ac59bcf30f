package io.github.faceid4j.client;

import io.github.faceid4j.client.internal.Redaction;
import java.util.Objects;
import java.util.Optional;

/**
 * A Tencent Cloud API key pair, with the session token of temporary (STS) credentials when there is one.
 * Immutable. {@link #toString()} shows only a prefix of the SecretId: the key and token sign for the whole account.
 */
public final class Credentials {

    private final String secretId;
    private final String secretKey;
    private final String sessionToken;

    private Credentials(String secretId, String secretKey, String sessionToken) {
        this.secretId = requireText(secretId, "secretId");
        this.secretKey = requireText(secretKey, "secretKey");
        this.sessionToken = sessionToken == null || sessionToken.isBlank() ? null : sessionToken;
    }

    /**
     * Permanent credentials.
     *
     * @param secretId the SecretId
     * @param secretKey the SecretKey
     * @return the credentials
     */
    public static Credentials of(String secretId, String secretKey) {
        return new Credentials(secretId, secretKey, null);
    }

    /**
     * Temporary credentials: the session token is sent as {@code X-TC-Token}.
     *
     * @param secretId the temporary SecretId
     * @param secretKey the temporary SecretKey
     * @param sessionToken the session token
     * @return the credentials
     */
    public static Credentials of(String secretId, String secretKey, String sessionToken) {
        return new Credentials(secretId, secretKey, sessionToken);
    }

    /**
     * @return the SecretId, sent in every request's {@code Authorization} header
     */
    public String secretId() {
        return secretId;
    }

    /**
     * @return the SecretKey, used to sign and never sent
     */
    public String secretKey() {
        return secretKey;
    }

    /**
     * @return the session token of temporary credentials, sent as {@code X-TC-Token}; empty for permanent ones
     */
    public Optional<String> sessionToken() {
        return Optional.ofNullable(sessionToken);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Credentials that && secretId.equals(that.secretId)
                && secretKey.equals(that.secretKey) && Objects.equals(sessionToken, that.sessionToken);
    }

    @Override
    public int hashCode() {
        return secretId.hashCode();
    }

    /** Shows a prefix of the SecretId and whether a session token is present; never the key or the token. */
    @Override
    public String toString() {
        return "Credentials[secretId=" + Redaction.prefix(secretId) + ", secretKey=***"
                + (sessionToken == null ? "" : ", sessionToken=***") + ']';
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
