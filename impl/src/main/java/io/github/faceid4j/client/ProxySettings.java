package io.github.faceid4j.client;

import io.github.faceid4j.client.internal.Redaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An HTTP proxy for the service's requests, for networks where nothing leaves except through one.
 *
 * <pre>{@code
 * FaceIdServiceBuilder builder = FaceIdServiceBuilder.create()
 *         .proxy(ProxySettings.of("proxy.corp.example", 3128)
 *                 .withCredentials("svc-faceid", passwordFromVault)
 *                 .withNonProxyHosts("*.internal|localhost"));
 * }</pre>
 *
 * <p>Without {@link FaceIdServiceBuilder#proxy(ProxySettings)} the JVM's standard properties decide
 * ({@code https.proxyHost}/{@code https.proxyPort}, {@code http.proxyHost}/{@code http.proxyPort},
 * {@code http.nonProxyHosts}), as for any {@code HttpURLConnection}. {@link #direct()} ignores them. Either way a
 * loopback endpoint (an emulator) is always reached directly.
 *
 * <p>Plain {@code http} requests carry the proxy credentials preemptively (Basic); for {@code https} the client opens
 * the {@code CONNECT} tunnel itself with them (the JDK's own tunnel would not answer a Basic challenge unless
 * {@code -Djdk.http.auth.tunneling.disabledSchemes=} were set for the whole JVM). Immutable. The password is never
 * shown: {@link #toString()} masks it and the username.
 */
public final class ProxySettings {

    private static final ProxySettings DIRECT = new ProxySettings(null, -1, null, null, List.of(), "");

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final List<Pattern> nonProxyHosts;
    private final String nonProxyHostsText;

    private ProxySettings(String host, int port, String username, String password, List<Pattern> nonProxyHosts,
                          String nonProxyHostsText) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
        this.nonProxyHosts = nonProxyHosts;
        this.nonProxyHostsText = nonProxyHostsText;
    }

    /**
     * {@return a proxy at {@code host:port}, used for every host (until {@link #withNonProxyHosts(String)} says otherwise)}
     *
     * @param host the proxy's host
     * @param port the proxy's port, 1 to 65535
     * @throws IllegalArgumentException for a blank host or a port outside 1..65535
     */
    public static ProxySettings of(String host, int port) {
        if (host == null || host.isBlank() || host.strip().contains(" ") || host.contains("/")) {
            throw new IllegalArgumentException("proxy host must be a host name or address, was '" + host + "'");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("proxy port must be between 1 and 65535, was " + port);
        }
        return new ProxySettings(host.strip(), port, null, null, List.of(), "");
    }

    /**
     * No proxy at all, whatever the JVM's proxy properties say.
     *
     * @return settings for no proxy
     */
    public static ProxySettings direct() {
        return DIRECT;
    }

    /**
     * Credentials for a proxy that asks for them (Basic). Both must be given.
     *
     * @param username the user name
     * @param password the password
     * @return these settings with credentials
     * @throws IllegalArgumentException for a blank username or a null password
     */
    public ProxySettings withCredentials(String username, String password) {
        requireProxy();
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("proxy username must not be blank");
        }
        if (password == null) {
            throw new IllegalArgumentException("proxy password must not be null");
        }
        return new ProxySettings(host, port, username, password, nonProxyHosts, nonProxyHostsText);
    }

    /**
     * Hosts reached directly, in the syntax of {@code http.nonProxyHosts}: patterns separated by {@code |}, each a
     * host name or address with an optional leading or trailing {@code *} ({@code *.internal|localhost|10.*}).
     * Matching ignores case. {@code null} or blank: none.
     *
     * @param patterns the patterns, e.g. {@code *.internal|localhost}
     * @return these settings with those hosts bypassing the proxy
     */
    public ProxySettings withNonProxyHosts(String patterns) {
        requireProxy();
        List<Pattern> compiled = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        if (patterns != null) {
            for (String p : patterns.split("[|,]")) {
                String pattern = p.strip().toLowerCase(Locale.ROOT);
                if (pattern.isEmpty()) {
                    continue;
                }
                compiled.add(Pattern.compile(Pattern.quote(pattern).replace("*", "\\E.*\\Q")));
                text.append(text.length() == 0 ? "" : "|").append(pattern);
            }
        }
        return new ProxySettings(host, port, username, password, List.copyOf(compiled), text.toString());
    }

    /**
     * Whether this is {@link #direct()}.
     *
     * @return whether this is no proxy
     */
    public boolean isDirect() {
        return host == null;
    }

    /**
     * The proxy's host; empty for {@link #direct()}.
     *
     * @return the host, or empty
     */
    public Optional<String> host() {
        return Optional.ofNullable(host);
    }

    /**
     * The proxy's port; -1 for {@link #direct()}.
     *
     * @return the port, or -1
     */
    public int port() {
        return port;
    }

    /**
     * @return whether a user name and password are set (they are never shown)
     */
    public boolean hasCredentials() {
        return username != null;
    }

    /**
     * The non-proxy host patterns, {@code |}-separated, lower case; empty when none.
     *
     * @return the patterns, or an empty string
     */
    public String nonProxyHosts() {
        return nonProxyHostsText;
    }

    /**
     * Whether requests to {@code targetHost} go direct rather than through the proxy: always for a loopback host
     * ({@code localhost}, {@code 127.*}, {@code ::1}), whose requests would otherwise hand the signed headers, the
     * BizToken and the proxy's own credentials to the proxy in clear text; else by the non-proxy hosts.
     *
     * @param targetHost the host a request goes to
     * @return whether it bypasses the proxy
     */
    public boolean bypasses(String targetHost) {
        if (isDirect() || (targetHost != null && Endpoints.isLoopback(targetHost))) {
            return true;
        }
        String h = targetHost == null ? "" : targetHost.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        for (Pattern pattern : nonProxyHosts) {
            if (pattern.matcher(h).matches()) {
                return true;
            }
        }
        return false;
    }

    String username() {
        return username;
    }

    String password() {
        return password;
    }

    private void requireProxy() {
        if (isDirect()) {
            throw new IllegalStateException("a direct connection has no proxy to configure");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProxySettings that && port == that.port && Objects.equals(host, that.host)
                && Objects.equals(username, that.username) && Objects.equals(password, that.password)
                && nonProxyHostsText.equals(that.nonProxyHostsText);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, nonProxyHostsText);
    }

    /** Host and port, whether credentials are set (username by prefix, password never), non-proxy hosts. */
    @Override
    public String toString() {
        if (isDirect()) {
            return "ProxySettings[direct]";
        }
        return "ProxySettings[" + host + ":" + port
                + (username == null ? "" : ", username=" + Redaction.prefix(username) + ", password=***")
                + (nonProxyHostsText.isEmpty() ? "" : ", nonProxyHosts=" + nonProxyHostsText) + "]";
    }
}
