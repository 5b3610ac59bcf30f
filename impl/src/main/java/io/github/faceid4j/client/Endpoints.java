package io.github.faceid4j.client;

import io.github.faceid4j.FaceIdConfigurationException;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * What an endpoint may be, and the one rule for "loopback" (plain http allowed, never through a proxy), used by the
 * builder's checks, the proxy settings and connections, and the OIDC role provider.
 */
final class Endpoints {

    /** What {@link FaceIdServiceBuilder#endpoint(String)} records for text that is not a URI. */
    static final URI MALFORMED = URI.create("malformed:endpoint");
    private static final String DEFAULT_ENDPOINT_TEXT = "https://faceid.tencentcloudapi.com";

    private Endpoints() {
    }

    static Optional<FaceIdConfigurationException> problem(URI endpoint, boolean allowInsecureHttp) {
        if (endpoint == null) {
            return Optional.of(new FaceIdConfigurationException("endpoint", "must not be null"));
        }
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (endpoint == MALFORMED || !(scheme.equals("https") || scheme.equals("http")) || endpoint.getHost() == null
                || (endpoint.getRawPath() != null && !endpoint.getRawPath().isEmpty() && !endpoint.getRawPath().equals("/"))
                || endpoint.getRawQuery() != null || endpoint.getRawFragment() != null || endpoint.getRawUserInfo() != null) {
            return Optional.of(new FaceIdConfigurationException("endpoint",
                    "must be an absolute http(s) URL with a host and no path, query or user info, e.g. "
                            + DEFAULT_ENDPOINT_TEXT));
        }
        if (scheme.equals("http") && !allowInsecureHttp && !isLoopback(endpoint.getHost())) {
            return Optional.of(new FaceIdConfigurationException("endpoint",
                    "plain http is only allowed to a loopback host (127.0.0.1, ::1, localhost) unless insecure http is"
                            + " explicitly allowed; use https"));
        }
        return Optional.empty();
    }

    /**
     * Decides by the literal host only: no DNS lookup at build time. The api module checks a RedirectURL by the same
     * rule in a copy of its own ({@code WebVerificationRequest.isLoopback}): api depends on nothing and exports only
     * API, so sharing this would make it a public method there that is not API. {@code EndpointSecurityTest} keeps
     * the two in agreement.
     */
    static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress(); // a literal address: parsed, not resolved
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /**
     * The endpoint's root, its scheme and host lower-cased: the service lower-cases the host when it checks the
     * signature, so the host is signed, and sent, as it will be checked.
     */
    static URI normalise(URI endpoint) {
        try {
            return new URI(endpoint.getScheme().toLowerCase(Locale.ROOT), null,
                    endpoint.getHost().toLowerCase(Locale.ROOT), endpoint.getPort(), "/", null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("an endpoint accepted by Endpoints.problem() did not rebuild", e);
        }
    }
}
