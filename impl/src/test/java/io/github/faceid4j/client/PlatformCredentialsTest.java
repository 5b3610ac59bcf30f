package io.github.faceid4j.client;

import io.github.faceid4j.testing.LogCapture;
import io.github.faceid4j.testing.PlatformCredentialsServer;
import io.github.faceid4j.FaceIdConfigurationException;
import io.github.faceid4j.VerificationResultService;
import io.github.faceid4j.emulator.FaceIdEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The CVM-role and OIDC-role providers against {@link PlatformCredentialsServer}, a loopback stand-in for the
 * metadata service and STS, on a clock the tests move: fetching, refreshing before expiry under concurrent callers,
 * bounded probes off Tencent Cloud, the chain's order, and that no temporary secret reaches a message or log.
 */
class PlatformCredentialsTest {

    private static final String WEB_IDENTITY_TOKEN = "eyJhbGciOiJSUzI1NiJ9.web-identity-token-one.sig";
    private static final String ROLE_ARN = "qcs::cam::uin/100000000001:roleName/faceid-portal";

    private final CredentialRotationTest.MutableClock clock = new CredentialRotationTest.MutableClock();
    private PlatformCredentialsServer server;
    private ExecutorService pool;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        server = new PlatformCredentialsServer(clock);
        pool = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        server.close();
    }

    private CvmRoleCredentialsProvider cvm() {
        return CvmRoleCredentialsProvider.builder().endpoint(server.endpoint()).clock(clock).build();
    }

    private OidcRoleCredentialsProvider oidc(Path tokenFile) {
        return OidcRoleCredentialsProvider.builder().region("ap-singapore").providerId("tke-oidc-provider")
                .webIdentityTokenFile(tokenFile).roleArn(ROLE_ARN).stsEndpoint(server.endpoint())
                .roleSessionName("portal-session").duration(Duration.ofHours(1)).clock(clock).build();
    }

    private Path tokenFile(String token) throws IOException {
        return Files.writeString(dir.resolve("web-identity-token"), token);
    }

    @Test
    void cvmRoleListsTheRoleFetchesItsCredentialsAndKeepsThemUntilTheRefreshIsDue() {
        CvmRoleCredentialsProvider provider = cvm();

        Credentials first = provider.credentials();

        assertThat(first).isEqualTo(Credentials.of(PlatformCredentialsServer.id(1), PlatformCredentialsServer.key(1),
                PlatformCredentialsServer.token(1)));
        assertThat(provider.credentials()).isSameAs(first);
        clock.advance(Duration.ofMinutes(4)); // expires at 10 min, refreshed from 5 min on
        assertThat(provider.credentials()).isSameAs(first);
        assertThat(server.count("GET", PlatformCredentialsServer.PATH)).isEqualTo(1);
        assertThat(server.count("GET", PlatformCredentialsServer.PATH + PlatformCredentialsServer.ROLE)).isEqualTo(1);

        clock.advance(Duration.ofMinutes(2));
        assertThat(provider.credentials().secretId()).isEqualTo(PlatformCredentialsServer.id(2));
        assertThat(server.count("GET", PlatformCredentialsServer.PATH)).as("the role is listed once").isEqualTo(1);
        assertThat(provider.toString()).contains(PlatformCredentialsServer.ROLE).doesNotContain("tmp-", "AKIDTMP");
    }

    @Test
    void aServiceSignsWithTheRoleCredentialsAndSendsTheirToken() {
        CvmRoleCredentialsProvider provider = CvmRoleCredentialsProvider.builder().endpoint(server.endpoint()).build();
        try (FaceIdEmulator faceid = FaceIdEmulator.builder()
                .credentials(PlatformCredentialsServer.id(1), PlatformCredentialsServer.key(1))
                .sessionToken(PlatformCredentialsServer.token(1)).build().start();
             VerificationResultService service = FaceIdServiceBuilder.create().region("ap-singapore")
                     .endpoint(faceid.endpoint()).credentialsProvider(provider).build()) {
            assertThat(service.getResult("passed-cvm-role-1").passed()).isTrue();
            assertThat(faceid.requests()).singleElement().satisfies(r -> {
                assertThat(r.signatureValid()).isTrue();
                assertThat(r.header("X-TC-Token")).isEqualTo(PlatformCredentialsServer.token(1));
            });
        }
    }

    /**
     * 20 callers while the refresh is due but the set still valid: the STS-side answer is held back, so the one
     * caller that fetches waits for it, and the 19 others must all have returned the current set meanwhile.
     */
    @Test
    void twentyCallersWhileARefreshIsDueGetTheValidSetAtOnceAndExactlyOneFetches() throws Exception {
        CvmRoleCredentialsProvider provider = cvm();
        Credentials first = provider.credentials();
        clock.advance(Duration.ofMinutes(6)); // due (margin 5 min), valid until 10 min
        server.hold();

        List<Future<Credentials>> calls = callConcurrently(provider, 20);
        List<Credentials> early = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (early.size() < 19 && System.nanoTime() < deadline) {
            early.clear();
            for (Future<Credentials> f : calls) {
                if (f.isDone()) {
                    early.add(f.get());
                }
            }
            Thread.sleep(5);
        }
        assertThat(early).as("callers returned while the fetch is held").hasSize(19).allSatisfy(c ->
                assertThat(c).isSameAs(first));
        server.release();
        List<Credentials> all = results(calls);

        assertThat(all).filteredOn(c -> c.secretId().equals(PlatformCredentialsServer.id(2))).hasSize(1);
        assertThat(server.issued()).as("one refresh").isEqualTo(2);
        assertThat(provider.credentials().secretId()).isEqualTo(PlatformCredentialsServer.id(2));
        assertThat(server.issued()).isEqualTo(2);
    }

    /** 20 callers after the set expired: all wait for the one fetch; none gets the expired set. */
    @Test
    void twentyCallersAfterExpiryAllWaitForOneFetchAndNoneSeesTheExpiredSet() throws Exception {
        CvmRoleCredentialsProvider provider = cvm();
        provider.credentials();
        clock.advance(Duration.ofMinutes(11)); // expired at 10 min
        server.hold();

        List<Future<Credentials>> calls = callConcurrently(provider, 20);
        Thread.sleep(200);
        assertThat(calls).as("nobody may go on with the expired set").noneMatch(Future::isDone);
        server.release();
        long start = System.nanoTime();
        List<Credentials> all = results(calls);

        assertThat(all).hasSize(20).allSatisfy(c -> assertThat(c.secretId()).isEqualTo(PlatformCredentialsServer.id(2)));
        assertThat(server.issued()).as("exactly one refresh").isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    /**
     * The source of an expired set does not answer at all: every one of 20 callers fails within about one fetch
     * timeout, rather than each fetching in turn behind the lock (20 timeouts).
     */
    @Test
    void aSourceThatNeverAnswersFailsTwentyCallersWithinABound() throws Exception {
        CvmRoleCredentialsProvider provider = CvmRoleCredentialsProvider.builder().endpoint(server.endpoint())
                .timeout(Duration.ofMillis(700)).clock(clock).build();
        provider.credentials();
        clock.advance(Duration.ofMinutes(11));
        server.hold();

        long start = System.nanoTime();
        List<Future<Credentials>> calls = callConcurrently(provider, 20);
        int failed = 0;
        for (Future<Credentials> f : calls) {
            try {
                f.get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(FaceIdConfigurationException.class)
                        .isNotInstanceOf(CredentialsUnavailableException.class)
                        .hasMessageContaining("did not answer");
                failed++;
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(failed).isEqualTo(20);
        assertThat(took).as("one timeout (0.7 s), not twenty in a row").isLessThan(Duration.ofSeconds(6));
        assertThat(server.count("GET", PlatformCredentialsServer.PATH + PlatformCredentialsServer.ROLE))
                .as("the first fetch and at most a couple more, not one per caller").isLessThanOrEqualTo(4);
    }

    @Test
    void aConfiguredRoleIsAskedForAfterTheSameProbeAndAnUnknownOneIsAnError() {
        CvmRoleCredentialsProvider named = CvmRoleCredentialsProvider.builder().endpoint(server.endpoint())
                .roleName(PlatformCredentialsServer.ROLE).clock(clock).build();
        assertThat(named.credentials().secretId()).isEqualTo(PlatformCredentialsServer.id(1));
        assertThat(server.count("GET", PlatformCredentialsServer.PATH)).as("probed").isEqualTo(1);

        CvmRoleCredentialsProvider unknown = CvmRoleCredentialsProvider.builder().endpoint(server.endpoint())
                .roleName("some-other-role").clock(clock).build();
        assertThatThrownBy(unknown::credentials).isInstanceOf(FaceIdConfigurationException.class)
                .isNotInstanceOf(CredentialsUnavailableException.class).hasMessageContaining("HTTP 404");
    }

    @Test
    void noRoleBoundIsUnavailableAndRemembered() {
        server.listingStatus = 404;
        CvmRoleCredentialsProvider provider = cvm();

        assertThatThrownBy(provider::credentials).isInstanceOf(CredentialsUnavailableException.class)
                .hasMessageContaining("no role bound");
        assertThatThrownBy(provider::credentials).isInstanceOf(CredentialsUnavailableException.class);
        assertThat(provider.available()).isFalse();
        assertThat(server.count("GET", PlatformCredentialsServer.PATH)).isEqualTo(1);
    }

    /** A metadata address that accepts connections and never answers: the probe gives up within its bound, once. */
    @Test
    void aMetadataServiceThatAcceptsAndNeverAnswersIsGivenUpOnQuicklyAndNotAskedAgain() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            CvmRoleCredentialsProvider provider = CvmRoleCredentialsProvider.builder()
                    .endpoint(URI.create("http://127.0.0.1:" + silent.port())).build();

            long start = System.nanoTime();
            assertThatThrownBy(provider::credentials).isInstanceOf(CredentialsUnavailableException.class)
                    .hasMessageContaining("not reachable");
            Duration first = Duration.ofNanos(System.nanoTime() - start);
            start = System.nanoTime();
            assertThatThrownBy(provider::credentials).isInstanceOf(CredentialsUnavailableException.class);
            Duration second = Duration.ofNanos(System.nanoTime() - start);

            assertThat(first).as("default bound: 2 s for the exchange").isLessThan(Duration.ofSeconds(6));
            assertThat(second).isLessThan(Duration.ofMillis(500));
            assertThat(silent.accepted.get()).as("probed once").isEqualTo(1);
        }
    }

    /**
     * A listening socket whose backlog is full: connects to it are never completed (the kernel drops the SYNs), the
     * closest loopback gets to an unroutable metadata address. The 1 s connect timeout ends the probe.
     */
    @Test
    void aMetadataAddressThatNeverCompletesAConnectEndsTheProbeAtTheConnectTimeout() throws Exception {
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = fillBacklog(full);
            try {
                CvmRoleCredentialsProvider provider = CvmRoleCredentialsProvider.builder()
                        .endpoint(URI.create("http://127.0.0.1:" + full.getLocalPort()))
                        .timeout(Duration.ofSeconds(30)).build(); // only the connect timeout (1 s) can end it
                long start = System.nanoTime();
                CredentialsProvider chain = CredentialsProviders.chain(provider,
                        CredentialsProvider.of(Credentials.of("AKIDFALLBACK000000000000000000001", "fallback-key")));

                assertThat(chain.credentials().secretId()).isEqualTo("AKIDFALLBACK000000000000000000001");
                Duration took = Duration.ofNanos(System.nanoTime() - start);
                assertThat(took).isLessThan(Duration.ofSeconds(8));
                start = System.nanoTime();
                assertThat(chain.credentials().secretId()).isEqualTo("AKIDFALLBACK000000000000000000001");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
            } finally {
                for (Socket s : fillers) {
                    s.close();
                }
            }
        }
    }

    @Test
    void oidcRoleAssumesTheRoleUnsignedWithTheTokenFromTheFileReadAgainOnRefresh() throws Exception {
        Path file = tokenFile(WEB_IDENTITY_TOKEN + "\n");
        OidcRoleCredentialsProvider provider = oidc(file);

        Credentials first = provider.credentials();

        assertThat(first).isEqualTo(Credentials.of(PlatformCredentialsServer.id(1), PlatformCredentialsServer.key(1),
                PlatformCredentialsServer.token(1)));
        PlatformCredentialsServer.Request sent = server.requests.get(0);
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.header("X-TC-Action")).isEqualTo("AssumeRoleWithWebIdentity");
        assertThat(sent.header("X-TC-Version")).isEqualTo("2018-08-13");
        assertThat(sent.header("X-TC-Region")).isEqualTo("ap-singapore");
        assertThat(sent.header("X-TC-Timestamp")).isEqualTo(Long.toString(clock.instant().getEpochSecond()));
        assertThat(sent.header("Authorization")).isEqualTo("SKIP");
        jakarta.json.JsonObject body = jakarta.json.Json.createReader(new java.io.StringReader(sent.body())).readObject();
        assertThat(body.getString("ProviderId")).isEqualTo("tke-oidc-provider");
        assertThat(body.getString("WebIdentityToken")).isEqualTo(WEB_IDENTITY_TOKEN);
        assertThat(body.getString("RoleArn")).isEqualTo(ROLE_ARN);
        assertThat(body.getString("RoleSessionName")).isEqualTo("portal-session");
        assertThat(body.getJsonNumber("DurationSeconds").longValue()).isEqualTo(3600);

        Files.writeString(file, "rotated-web-identity-token");
        assertThat(provider.credentials()).isSameAs(first);
        clock.advance(Duration.ofMinutes(6));
        assertThat(provider.credentials().secretId()).isEqualTo(PlatformCredentialsServer.id(2));
        assertThat(server.requests.get(1).body()).contains("rotated-web-identity-token");
    }

    @Test
    void anStsErrorIsReportedByItsCodeWithoutTheTokenOrTheServiceMessage() throws Exception {
        server.stsError = "InvalidParameter.WebIdentityTokenError";
        OidcRoleCredentialsProvider provider = oidc(tokenFile(WEB_IDENTITY_TOKEN));

        try (LogCapture logs = new LogCapture()) {
            assertThatThrownBy(provider::credentials).isInstanceOf(FaceIdConfigurationException.class)
                    .hasMessageContaining("InvalidParameter.WebIdentityTokenError")
                    .hasMessageContaining("req-sts-1")
                    .hasMessageNotContaining(WEB_IDENTITY_TOKEN)
                    .hasMessageNotContaining("rejected");
            assertThat(logs.text()).doesNotContain(WEB_IDENTITY_TOKEN);
        }
        assertThat(provider.toString()).doesNotContain(WEB_IDENTITY_TOKEN);
    }

    @Test
    void theOidcEnvironmentIsUnavailableWhenUnsetAndAnErrorWhenHalfSet() throws Exception {
        assertThatThrownBy(() -> OidcRoleCredentialsProvider.fromEnvironment(Map.of(), server.endpoint()).credentials())
                .isInstanceOf(CredentialsUnavailableException.class).hasMessageContaining("TKE_ROLE_ARN");
        CredentialsProvider half = OidcRoleCredentialsProvider.fromEnvironment(Map.of("TKE_REGION", "ap-singapore",
                "TKE_ROLE_ARN", ROLE_ARN), server.endpoint());
        assertThatThrownBy(half::credentials).isInstanceOf(FaceIdConfigurationException.class)
                .isNotInstanceOf(CredentialsUnavailableException.class)
                .satisfies(e -> assertThat(((FaceIdConfigurationException) e).key()).isEqualTo("TKE_PROVIDER_ID"));
        assertThat(server.requests).isEmpty();
    }

    /** Environment, profile file, OIDC role, CVM role: each taken only when those before it have nothing. */
    @Test
    void theDefaultChainTakesThePlatformSourcesAfterTheProfileFileOidcFirst() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Map<String, String> tke = Map.of("TKE_REGION", "ap-singapore", "TKE_PROVIDER_ID", "tke-oidc-provider",
                "TKE_WEB_IDENTITY_TOKEN_FILE", tokenFile(WEB_IDENTITY_TOKEN).toString(), "TKE_ROLE_ARN", ROLE_ARN);

        assertThat(CredentialsProviders.defaultChain(Map.of(), home, cvm(), server.endpoint()).credentials().secretId())
                .isEqualTo(PlatformCredentialsServer.id(1));
        assertThat(server.requests).extracting(PlatformCredentialsServer.Request::method).containsOnly("GET");

        assertThat(CredentialsProviders.defaultChain(tke, home, cvm(), server.endpoint()).credentials().secretId())
                .isEqualTo(PlatformCredentialsServer.id(2));
        assertThat(server.requests.get(server.requests.size() - 1).method()).isEqualTo("POST");

        Path profile = CredentialsProviders.defaultProfileFile(home);
        Files.createDirectories(profile.getParent());
        Files.writeString(profile, "[default]\nsecret_id = AKIDPROFILE00000000000000000000001\nsecret_key = profile-key\n");
        int before = server.requests.size();
        assertThat(CredentialsProviders.defaultChain(tke, home, cvm(), server.endpoint()).credentials().secretId())
                .isEqualTo("AKIDPROFILE00000000000000000000001");
        assertThat(server.requests).as("no platform call when the profile file has credentials").hasSize(before);
    }

    @Test
    void noTemporarySecretInLogsMessagesOrToStrings() throws Exception {
        try (LogCapture logs = new LogCapture()) {
            CvmRoleCredentialsProvider provider = cvm();
            OidcRoleCredentialsProvider oidc = oidc(tokenFile(WEB_IDENTITY_TOKEN));
            Credentials c = provider.credentials();
            Credentials o = oidc.credentials();
            clock.advance(Duration.ofMinutes(11));
            server.hold();
            pool.submit(() -> {
                Thread.sleep(300);
                server.release();
                return null;
            });
            provider.credentials();
            server.stsError = "AuthFailure.TokenFailure";
            assertThatThrownBy(oidc::credentials).satisfies(e -> assertNoSecret(e.toString()));

            String everything = logs.text() + provider + oidc + c + o;
            assertNoSecret(everything);
        }
    }

    private static void assertNoSecret(String text) {
        for (int n = 1; n <= 5; n++) {
            assertThat(text).doesNotContain(PlatformCredentialsServer.key(n), PlatformCredentialsServer.token(n),
                    PlatformCredentialsServer.id(n));
        }
        assertThat(text).doesNotContain(WEB_IDENTITY_TOKEN);
    }

    private List<Future<Credentials>> callConcurrently(CredentialsProvider provider, int callers) {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Credentials>> calls = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            calls.add(pool.submit(() -> {
                go.await();
                return provider.credentials();
            }));
        }
        go.countDown();
        return calls;
    }

    private static List<Credentials> results(List<Future<Credentials>> calls) throws Exception {
        List<Credentials> all = new ArrayList<>();
        for (Future<Credentials> f : calls) {
            all.add(f.get(30, TimeUnit.SECONDS));
        }
        return all;
    }

    /** Opens connections until one is not completed within 200 ms: the backlog is then full. */
    private static List<Socket> fillBacklog(ServerSocket server) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 200);
                sockets.add(s);
            } catch (java.net.SocketTimeoutException full) {
                s.close();
                return sockets;
            }
        }
        throw new IllegalStateException("the backlog did not fill up");
    }

    /** Accepts connections and never writes a byte. */
    private static final class SilentServer implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final AtomicInteger accepted = new AtomicInteger();
        final List<Socket> open = new CopyOnWriteArrayList<>();
        final Thread acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    open.add(socket.accept());
                    accepted.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        }, "silent-server");

        SilentServer() throws IOException {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : open) {
                s.close();
            }
        }
    }
}
