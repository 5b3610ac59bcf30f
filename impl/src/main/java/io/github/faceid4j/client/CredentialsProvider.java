package io.github.faceid4j.client;

/**
 * Where credentials come from. Asked once per request, so a provider may rotate temporary credentials without the
 * service being rebuilt; each request signs with one consistent snapshot.
 */
@FunctionalInterface
public interface CredentialsProvider {

    /** {@return the credentials to sign the next request with; never {@code null}} */
    Credentials credentials();

    /**
     * {@return a provider that always answers the same credentials}
     *
     * @param credentials the credentials to answer
     */
    static CredentialsProvider of(Credentials credentials) {
        java.util.Objects.requireNonNull(credentials, "credentials");
        return () -> credentials;
    }
}
