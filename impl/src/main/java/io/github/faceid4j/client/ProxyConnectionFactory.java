package io.github.faceid4j.client;

import org.glassfish.jersey.client.HttpUrlConnectorProvider;

import java.io.IOException;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens Jersey's {@link HttpURLConnection}s through the configured {@link ProxySettings}: directly for non-proxy
 * hosts, else through the proxy, with its credentials. Without settings the JDK's default proxy selection (the
 * {@code http(s).proxyHost} and {@code http.nonProxyHosts} properties) applies, exactly as without this factory.
 */
final class ProxyConnectionFactory implements HttpUrlConnectorProvider.ConnectionFactory {

    private final ProxySettings settings;
    private final Proxy proxy;
    private final String basicAuthorization;
    private final Authenticator authenticator;
    /** The connections of exchanges in flight; Jersey opens an exchange's connection on the thread that sends. */
    private final Set<HttpURLConnection> inFlight = ConcurrentHashMap.newKeySet();
    private final ThreadLocal<HttpURLConnection> current = new ThreadLocal<>();

    ProxyConnectionFactory(ProxySettings settings) {
        this.settings = settings;
        this.proxy = settings == null || settings.isDirect() ? null
                : new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(settings.host().orElseThrow(),
                settings.port()));
        if (settings != null && settings.hasCredentials()) {
            String userPass = settings.username() + ":" + settings.password();
            this.basicAuthorization = "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
            this.authenticator = new ProxyAuthenticator(settings);
        } else {
            this.basicAuthorization = null;
            this.authenticator = null;
        }
    }

    @Override
    public HttpURLConnection getConnection(URL url) throws IOException {
        HttpURLConnection connection = open(url);
        current.set(connection);
        inFlight.add(connection);
        return connection;
    }

    /** The exchange on this thread is over: its connection is no longer aborted by {@link #disconnectAll()}. */
    void exchangeEnded() {
        HttpURLConnection connection = current.get();
        if (connection != null) {
            current.remove();
            inFlight.remove(connection);
        }
    }

    /** Aborts the exchanges in flight (the service closes): a read or connect blocked on them fails at once. */
    void disconnectAll() {
        for (HttpURLConnection connection : inFlight) {
            connection.disconnect();
        }
    }

    private HttpURLConnection open(URL url) throws IOException {
        if (FaceIdServiceBuilder.isLoopback(url.getHost())) {
            // never through a proxy, not even one the JVM's properties name: see ProxySettings.bypasses
            return (HttpURLConnection) url.openConnection(Proxy.NO_PROXY);
        }
        if (settings == null) {
            return (HttpURLConnection) url.openConnection();
        }
        if (proxy == null || settings.bypasses(url.getHost())) {
            return (HttpURLConnection) url.openConnection(Proxy.NO_PROXY);
        }
        HttpURLConnection connection = (HttpURLConnection) url.openConnection(proxy);
        if (authenticator != null) {
            if ("http".equalsIgnoreCase(url.getProtocol())) {
                // Plain HTTP: the proxy reads the request itself, so the header goes with it. Never for https,
                // where user headers travel inside the tunnel to the service.
                connection.setRequestProperty("Proxy-Authorization", basicAuthorization);
            }
            connection.setAuthenticator(authenticator); // answers a 407, e.g. to CONNECT for https
        }
        return connection;
    }

    @Override
    public HttpURLConnection getConnection(URL url, Proxy requested) throws IOException {
        return getConnection(url); // this client's settings decide, not Jersey's proxy properties
    }

    @Override
    public String toString() {
        return "ProxyConnectionFactory[" + (settings == null ? "JVM default" : settings) + "]";
    }

    /** Answers only the proxy's challenges, never a server's. */
    private static final class ProxyAuthenticator extends Authenticator {
        private final ProxySettings settings;

        ProxyAuthenticator(ProxySettings settings) {
            this.settings = settings;
        }

        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
            if (getRequestorType() != RequestorType.PROXY) {
                return null;
            }
            return new PasswordAuthentication(settings.username(), settings.password().toCharArray());
        }
    }
}
