package io.github.faceid4j.client;

import io.github.faceid4j.model.VerificationResult;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientRequestFilter;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.client.JerseyClientBuilder;

import java.net.URI;
import java.time.Clock;

/**
 * The benchmarks' window on impl's package-private signing and decoding, so the floor and the naive client sign
 * exactly as the service does and the JMH benchmarks time the service's own code. A test seam: it lives in impl's
 * tests (the test-jar the benchmarks module depends on), so that no other module declares impl's package.
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

    /** The Authorization header alone, from a fresh signer: what {@link SigningFilter} computes per call. */
    public static final class RawSigner {
        private final Tc3Signer signer = new Tc3Signer("faceid");

        public String sign(String secretId, String secretKey, long epochSeconds, String contentType, String host,
                           byte[] body) {
            return signer.sign(secretId, secretKey, epochSeconds, contentType, host, body);
        }
    }

    /**
     * The decoder and the media slicer over one body in memory, as the service uses them; the plain blocks are
     * noted once, as the service's reader does while the body arrives.
     */
    public static final class Decoding {
        private final byte[] body;
        private final ResponseDecoder decoder = new ResponseDecoder(Integer.MAX_VALUE - 8);
        private final MediaSlicer slicer = new MediaSlicer(Integer.MAX_VALUE - 8);
        private final PlainBlocks plain;

        public Decoding(byte[] body) {
            this.body = body;
            this.plain = classify();
        }

        /** The pre-pass alone, nothing known of the body. */
        public Object slice() throws Exception {
            return slicer.slice(body, body.length);
        }

        /** The reader's block test in 64 KiB reads: which 4 KiB blocks are plain. */
        public Object classifyWhileReading() {
            return classify();
        }

        private PlainBlocks classify() {
            PlainBlocks blocks = new PlainBlocks();
            for (int received = 0; received < body.length; ) {
                received = Math.min(body.length, received + 64 * 1024);
                blocks.received(body, received);
            }
            blocks.finished(body, body.length);
            return blocks;
        }

        /** The pre-pass with the plain blocks known, as in the service. */
        public Object sliceKnowingPlainBlocks() throws Exception {
            return slicer.slice(body, body.length, plain);
        }

        /** Pre-pass plus JSON-B over what is left: a whole result, nothing decoded. */
        public VerificationResult decodeResult() {
            return decoder.decode(200, body, body.length, plain);
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
