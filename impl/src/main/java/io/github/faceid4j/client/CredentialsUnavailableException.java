package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdConfigurationException;

/**
 * A {@link CredentialsProvider} has no credentials to give: its source is simply not there (no environment
 * variables, no profile file). A {@link CredentialsProviders#chain chain} then asks the next provider; any other
 * {@link FaceIdConfigurationException} (half a key pair, an unreadable file) stops the chain, because falling back
 * past a broken source would sign with credentials nobody meant to use.
 *
 * <p>The message says where the provider looked, never a value.
 */
public class CredentialsUnavailableException extends FaceIdConfigurationException {

    private static final long serialVersionUID = 1L;

    /** The builder property credential problems are reported under. */
    public static final String KEY = "credentials";

    /** @param where what the provider looked at, e.g. {@code "environment variables TENCENTCLOUD_SECRET_ID/_KEY (not set)"} */
    public CredentialsUnavailableException(String where) {
        super(KEY, where);
    }
}
