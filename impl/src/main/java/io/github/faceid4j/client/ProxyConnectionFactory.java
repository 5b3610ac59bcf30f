package io.github.faceid4j.client;

import org.glassfish.jersey.client.HttpUrlConnectorProvider;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
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
    /** For https through a proxy that wants credentials: opens the tunnel itself (see {@link #getConnection}). */
    private final TunnellingSocketFactory tunnels;

    ProxyConnectionFactory(ProxySettings settings) {
        this(settings, null);
    }

    /** @param sslContext the client's TLS context, null for the JVM's */
    ProxyConnectionFactory(ProxySettings settings, SSLContext sslContext) {
        this.settings = settings;
        this.proxy = settings == null || settings.isDirect() ? null
                : new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(settings.host().orElseThrow(),
                settings.port()));
        if (settings != null && settings.hasCredentials()) {
            String userPass = settings.username() + ":" + settings.password();
            this.basicAuthorization = "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
            this.authenticator = new ProxyAuthenticator(settings);
            this.tunnels = proxy == null ? null : new TunnellingSocketFactory(
                    sslContext == null ? HttpsURLConnection.getDefaultSSLSocketFactory() : sslContext.getSocketFactory(),
                    settings.host().orElseThrow(), settings.port(), basicAuthorization);
        } else {
            this.basicAuthorization = null;
            this.authenticator = null;
            this.tunnels = null;
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
        if (Endpoints.isLoopback(url.getHost())) {
            // never through a proxy, not even one the JVM's properties name: see ProxySettings.bypasses
            return (HttpURLConnection) url.openConnection(Proxy.NO_PROXY);
        }
        if (settings == null) {
            return (HttpURLConnection) url.openConnection();
        }
        if (proxy == null || settings.bypasses(url.getHost())) {
            return (HttpURLConnection) url.openConnection(Proxy.NO_PROXY);
        }
        if (tunnels != null && "https".equalsIgnoreCase(url.getProtocol())) {
            // The JDK's own tunnel would not answer the proxy's Basic challenge to CONNECT: Basic is disabled for
            // tunnelling by default (jdk.http.auth.tunneling.disabledSchemes), and that is read once per JVM. So the
            // connection goes "direct" through a socket that is in fact the tunnel, CONNECT sent with the proxy's
            // credentials; TLS, with hostname verification, runs through it to the service as usual.
            HttpsURLConnection connection = (HttpsURLConnection) url.openConnection(Proxy.NO_PROXY);
            connection.setSSLSocketFactory(tunnels);
            return connection;
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

    /**
     * Makes sockets whose {@code connect} reaches the proxy and opens a {@code CONNECT} tunnel to the address asked
     * for, then layers TLS from the client's context over them. One instance per factory, so that the JDK's keep-alive
     * cache (keyed by the socket factory) reuses tunnels.
     */
    static final class TunnellingSocketFactory extends SSLSocketFactory {
        private final SSLSocketFactory tls;
        private final String proxyHost;
        private final int proxyPort;
        private final String proxyAuthorization;

        TunnellingSocketFactory(SSLSocketFactory tls, String proxyHost, int proxyPort, String proxyAuthorization) {
            this.tls = tls;
            this.proxyHost = proxyHost;
            this.proxyPort = proxyPort;
            this.proxyAuthorization = proxyAuthorization;
        }

        /** What the JDK's HTTPS client asks for first: an unconnected socket; it then calls {@code connect}. */
        @Override
        public Socket createSocket() {
            return new TunnelSocket(proxyHost, proxyPort, proxyAuthorization);
        }

        @Override
        public Socket createSocket(Socket tunnel, String host, int port, boolean autoClose) throws IOException {
            return tls.createSocket(tunnel, host, port, autoClose);
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            Socket tunnel = createSocket();
            tunnel.connect(InetSocketAddress.createUnresolved(host, port));
            return createSocket(tunnel, host, port, true);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return createSocket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return createSocket(host.getHostAddress(), port);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return createSocket(address.getHostAddress(), port);
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return tls.getDefaultCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return tls.getSupportedCipherSuites();
        }
    }

    /** A plain socket connected to the proxy, then through it ({@code CONNECT host:port}) to where it was asked. */
    private static final class TunnelSocket extends Socket {
        private final String proxyHost;
        private final int proxyPort;
        private final String proxyAuthorization;

        TunnelSocket(String proxyHost, int proxyPort, String proxyAuthorization) {
            this.proxyHost = proxyHost;
            this.proxyPort = proxyPort;
            this.proxyAuthorization = proxyAuthorization;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            InetSocketAddress target = (InetSocketAddress) endpoint;
            super.connect(new InetSocketAddress(proxyHost, proxyPort), timeout);
            String authority = target.getHostString() + ":" + target.getPort();
            int previousTimeout = getSoTimeout();
            setSoTimeout(timeout);
            try {
                OutputStream out = getOutputStream();
                out.write(("CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\nProxy-Authorization: "
                        + proxyAuthorization + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                InputStream in = getInputStream();
                String status = line(in);
                while (!line(in).isEmpty()) {
                    // headers of the answer to CONNECT: nothing needed from them
                }
                String[] parts = status.split(" ", 3);
                if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].equals("200")) {
                    // the status line only: a proxy's answer never holds our credentials
                    throw new IOException("the proxy " + proxyHost + ":" + proxyPort + " refused to open a tunnel to "
                            + authority + ": " + status.replaceAll("[^\\x20-\\x7e]", "?"));
                }
            } catch (IOException e) {
                close();
                throw e;
            }
            setSoTimeout(previousTimeout);
        }

        /** One header line, read byte by byte: nothing past the answer's head may be taken from the stream. */
        private static String line(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("the proxy closed the connection while answering CONNECT");
                }
                if (c != '\r' && line.length() < 8192) {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
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
