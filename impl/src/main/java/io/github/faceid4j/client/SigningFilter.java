package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdTimeoutException;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import java.net.URI;
import java.time.Clock;

/**
 * Signs every request on its way out, over the exact bytes and headers that will be sent. Credentials are asked
 * for once per request, so the SecretId, key and session token of one request always belong together.
 */
final class SigningFilter implements ClientRequestFilter {

    private final Tc3Signer signer;
    private final CredentialsProvider credentials;
    private final Clock clock;

    SigningFilter(Tc3Signer signer, CredentialsProvider credentials, Clock clock) {
        this.signer = signer;
        this.credentials = credentials;
        this.clock = clock;
    }

    @Override
    public void filter(ClientRequestContext request) {
        Credentials snapshot = credentials.credentials();
        // the attempt (a request property, see Transport): its call's deadline is checked once credentials are in hand
        if (request.getProperty(Attempt.PROPERTY) instanceof Attempt attempt
                && System.nanoTime() - attempt.deadline() >= 0) {
            // a slow provider took the call past its deadline: the call is over, so nothing is sent
            throw new FaceIdTimeoutException("the call's deadline passed while credentials were fetched;"
                    + " nothing was sent", null);
        }
        long timestamp = clock.instant().getEpochSecond();
        Object entity = request.getEntity(); // the bytes, or a body streamed from its source and hashed ahead
        String payloadHash = entity instanceof StreamedBody streamed ? streamed.sha256Hex()
                : Tc3Signer.payloadHash((byte[]) entity);
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        request.getHeaders().putSingle("X-TC-Timestamp", Long.toString(timestamp));
        snapshot.sessionToken().ifPresent(token -> request.getHeaders().putSingle("X-TC-Token", token));
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, signer.signHashed(snapshot.secretId(),
                snapshot.secretKey(), timestamp, contentType, hostHeader(request.getUri()), payloadHash));
    }

    /** The Host header the JDK's HTTP client sends: the port only when it is not the scheme's default. */
    static String hostHeader(URI uri) {
        int port = uri.getPort();
        int defaultPort = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return port == -1 || port == defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }
}
