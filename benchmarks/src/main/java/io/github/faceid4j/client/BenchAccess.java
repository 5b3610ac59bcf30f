package io.github.faceid4j.client;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientRequestFilter;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.client.JerseyClientBuilder;

import java.net.URI;
import java.time.Clock;

/**
 * The benchmarks' window on impl's package-private signing, so the floor and the naive client sign exactly as the
 * service does and the emulator accepts them. Lives in impl's package on the class path; not part of impl.
 */
public final class BenchAccess {

    private BenchAccess() {
    }

    /** Content type every client here sends; it is part of the signature. */
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";
    public static final String ACTION = Transport.ACTION;
    public static final String VERSION = Transport.VERSION;

    /** A reusable signer for the emulator's (or any) credentials: one Authorization header per call. */
    public static final class Signer {
        private final Tc3Signer signer = new Tc3Signer("faceid");
        private final Credentials credentials;

        public Signer(Credentials credentials) {
            this.credentials = credentials;
        }

        /** The Authorization header for a POST of {@code body} to {@code endpoint} at {@code epochSeconds}. */
        public String authorization(URI endpoint, long epochSeconds, byte[] body) {
            return signer.sign(credentials.secretId(), credentials.secretKey(), epochSeconds, CONTENT_TYPE,
                    SigningFilter.hostHeader(endpoint), body);
        }
    }

    /** impl's signing filter, for the naive Jersey client. */
    public static ClientRequestFilter signingFilter(Credentials credentials) {
        return new SigningFilter(new Tc3Signer("faceid"), CredentialsProvider.of(credentials), Clock.systemUTC());
    }

    /** A plain Jersey client with the same timeouts and signing as the service's, nothing else. */
    public static Client naiveJerseyClient(Credentials credentials, Object... providers) {
        JerseyClientBuilder builder = new JerseyClientBuilder();
        builder.property(ClientProperties.CONNECT_TIMEOUT, 5_000)
                .property(ClientProperties.READ_TIMEOUT, 30_000)
                .property(ClientProperties.FOLLOW_REDIRECTS, false)
                .register(signingFilter(credentials));
        for (Object provider : providers) {
            builder.register(provider);
        }
        return builder.build();
    }
}
