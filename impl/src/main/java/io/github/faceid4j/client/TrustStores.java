package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdConfigurationException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The TLS context of the builder's {@code sslContext} or {@code trustStore} setting, loaded and checked at build. */
final class TrustStores {

    private TrustStores() {
    }

    /** The problem with the TLS settings, if any: checked by loading the store, as the service will. */
    static Optional<FaceIdConfigurationException> problem(Path trustStore, char[] password, String type,
                                                          javax.net.ssl.SSLContext sslContext) {
        if (trustStore != null && sslContext != null) {
            return Optional.of(new FaceIdConfigurationException("trustStore",
                    "and sslContext are alternatives; set one of them"));
        }
        try {
            context(trustStore, password, type, sslContext);
            return Optional.empty();
        } catch (FaceIdConfigurationException e) {
            return Optional.of(e);
        }
    }

    /**
     * {@code sslContext}, or one trusting {@code trustStore}'s certificates, or null for the JVM's. A store that
     * cannot be read is a {@link FaceIdConfigurationException} naming the file and the kind of failure, never the
     * password.
     */
    static javax.net.ssl.SSLContext context(Path trustStore, char[] password, String trustStoreType,
                                            javax.net.ssl.SSLContext sslContext) {
        if (trustStore == null) {
            return sslContext;
        }
        String type = trustStoreType == null || trustStoreType.isBlank() ? java.security.KeyStore.getDefaultType()
                : trustStoreType.trim();
        if (!Files.isReadable(trustStore)) {
            throw new FaceIdConfigurationException("trustStore", "'" + trustStore + "' is not a readable file");
        }
        try (java.io.InputStream in = Files.newInputStream(trustStore)) {
            java.security.KeyStore store = java.security.KeyStore.getInstance(type);
            store.load(in, password);
            if (store.size() == 0) {
                throw new FaceIdConfigurationException("trustStore", "'" + trustStore + "' holds no certificate");
            }
            javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (java.security.KeyStoreException e) {
            throw failure(trustStore, "the type '" + type + "' is not supported (trustStoreType)", e);
        } catch (IOException e) {
            // a wrong password shows as an IOException whose cause is an UnrecoverableKeyException
            boolean wrongPassword = e.getCause() instanceof java.security.UnrecoverableKeyException;
            throw failure(trustStore, wrongPassword ? "the password is wrong (trustStorePassword)"
                    : "it could not be read as " + type + ": " + e.getClass().getSimpleName(), e);
        } catch (java.security.GeneralSecurityException e) {
            throw failure(trustStore, "it could not be used as " + type + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private static FaceIdConfigurationException failure(Path trustStore, String why, Exception cause) {
        FaceIdConfigurationException e = new FaceIdConfigurationException("trustStore", "'" + trustStore
                + "' cannot be loaded: " + why);
        e.initCause(cause);
        return e;
    }
}
