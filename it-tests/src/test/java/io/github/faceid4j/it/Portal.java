package io.github.faceid4j.it;

import io.github.faceid4j.emulator.FaceIdEmulator;
import io.github.faceid4j.emulator.SelfSignedCertificate;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * The sample onboarding portal as the tests see it: the WAR this module builds, the emulator it talks to, and
 * HTTP calls to it from outside the server.
 */
final class Portal {

    /** Where the WAR's META-INF/microprofile-config.properties sits. */
    static final String CONFIG = "WEB-INF/classes/META-INF/microprofile-config.properties";

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private Portal() {
    }

    private static String required(String name) {
        return Objects.requireNonNull(System.getProperty(name),
                name + " is not set: run the tests through Maven (mvn verify)");
    }

    /** The SecretId the servers were given (through the environment, like the key). */
    static String secretId() {
        return env("TENCENTCLOUD_FACEID_SECRET_ID");
    }

    private static String env(String name) {
        return Objects.requireNonNull(System.getenv(name), name + " is not set: run the tests through Maven (mvn verify)");
    }

    private static SelfSignedCertificate certificate;

    /**
     * The emulator's certificate for 127.0.0.1, made once per test JVM in its temporary directory (the build's, which
     * the servers share), so the servers can read the trust store the portal is configured with.
     */
    static synchronized SelfSignedCertificate certificate() {
        if (certificate == null) {
            try {
                certificate = SelfSignedCertificate.create(Files.createTempDirectory("faceid-emulator-tls"),
                        "ip:127.0.0.1", "dns:localhost");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return certificate;
    }

    /** The emulator on the port the build reserved (the WAR's configuration points there), serving HTTPS. */
    static FaceIdEmulator.Builder emulator() {
        return FaceIdEmulator.builder()
                .port(Integer.parseInt(required("faceid.emulator.port")))
                .credentials(secretId(), env("TENCENTCLOUD_FACEID_SECRET_KEY"))
                .tls(certificate().serverContext());
    }

    /**
     * The portal as {@code mvn package} built it, its configuration told to trust the emulator's certificate (made by
     * this test, so not known at package time) through {@code tencentcloud.faceid.trust-store}: the portal's clients
     * talk HTTPS to the emulator, hostname verification on, as they would to the service.
     */
    static WebArchive war() {
        WebArchive war = ShrinkWrap.create(ZipImporter.class, "onboarding-portal.war")
                .importFrom(new File(required("portal.war")))
                .as(WebArchive.class);
        String packaged;
        try (var in = war.get(CONFIG).getAsset().openStream()) {
            packaged = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        war.delete(CONFIG);
        war.add(new StringAsset(packaged
                + "\n# added by the tests: trust the emulator's certificate, made for this run\n"
                + "tencentcloud.faceid.trust-store=" + certificate().trustStore().toString().replace('\\', '/') + "\n"
                + "tencentcloud.faceid.trust-store-password=" + new String(certificate().password()) + "\n"
                + "tencentcloud.faceid.trust-store-type=" + SelfSignedCertificate.STORE_TYPE + "\n"), CONFIG);
        return war;
    }

    /** The same portal under another name, with {@code properties} as its microprofile-config.properties. */
    static WebArchive warWithConfig(String name, String properties) {
        WebArchive war = ShrinkWrap.create(ZipImporter.class, name)
                .importFrom(new File(required("portal.war")))
                .as(WebArchive.class);
        war.delete(CONFIG);
        war.add(new StringAsset(properties), CONFIG);
        return war;
    }

    /** The base URL Arquillian reports, on 127.0.0.1 (the servers listen there only), ending with '/'. */
    static URI base(URL deployment) {
        String path = deployment.getPath().endsWith("/") ? deployment.getPath() : deployment.getPath() + "/";
        return URI.create("http://127.0.0.1:" + deployment.getPort() + path);
    }

    /** An HTTP answer: status and the JSON body. */
    record Answer(int status, String body, JsonObject json) {
        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    static Answer get(URI base, String pathAndQuery) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonObject json = null;
            String body = response.body();
            if (body != null && body.startsWith("{")) {
                try (JsonReader reader = Json.createReader(new StringReader(body))) {
                    json = reader.readObject();
                }
            }
            return new Answer(response.statusCode(), body, json);
        } catch (IOException e) {
            throw new IllegalStateException("GET " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
