package io.github.faceid4j.it;

import io.github.faceid4j.emulator.FaceIdEmulatorExtension;
import io.github.faceid4j.emulator.Scenario;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The extension's readiness checks ({@code faceid}, {@code faceid-jakarta}) as the server's own health endpoint
 * reports them: WildFly's {@code /health/ready} on its management port (standalone-microprofile.xml), Payara Micro's
 * on its HTTP port. The emulator in this JVM answers authentication failures and errors; the checks follow.
 * Ordered: the checks' state lives as long as the deployment.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadinessIT {

    @RegisterExtension
    static final FaceIdEmulatorExtension EMULATOR = new FaceIdEmulatorExtension(Portal.emulator());

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Deployment(testable = false)
    static WebArchive portal() {
        return Portal.war();
    }

    @ArquillianResource
    URL deployment;

    /** The server's readiness endpoint, from the build (WildFly: management port; Payara Micro: HTTP port). */
    private static URI readinessUrl() {
        return URI.create(Objects.requireNonNull(System.getProperty("faceid.health.url"),
                "faceid.health.url is not set: run the tests through Maven (mvn verify)"));
    }

    private record Readiness(int status, JsonObject json) {
        JsonObject check(String name) {
            return json.getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                    .filter(c -> name.equals(c.getString("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no check " + name + " in " + json));
        }
    }

    private static Readiness readiness() throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(readinessUrl())
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return new Readiness(response.statusCode(), reader.readObject());
        }
    }

    /** A number in a check's data: WildFly writes it as a JSON number, Payara Micro as a string. */
    private static long number(JsonObject check, String key) {
        JsonValue value = check.getJsonObject("data").get(key);
        assertThat(value).as(key + " in " + check).isNotNull();
        return value.getValueType() == JsonValue.ValueType.NUMBER ? check.getJsonObject("data").getJsonNumber(key)
                .longValue() : Long.parseLong(check.getJsonObject("data").getString(key));
    }

    private URI base() {
        return Portal.base(deployment);
    }

    @Test
    @Order(1)
    void bothClientsAreReadyBeforeAnyCallAndTheChecksCallNothing() throws Exception {
        Readiness ready = readiness();

        assertThat(ready.status()).as(ready.json().toString()).isEqualTo(200);
        assertThat(ready.check("faceid").getString("status")).isEqualTo("UP");
        assertThat(ready.check("faceid-jakarta").getString("status")).isEqualTo("UP");
        assertThat(number(ready.check("faceid"), "failureThreshold")).isEqualTo(5);
        assertThat(EMULATOR.get().requests()).isEmpty();
    }

    @Test
    @Order(2)
    void refusedCredentialsTurnTheDefaultClientDownAtOnceAndASuccessBringsItBack() throws Exception {
        EMULATOR.get().script("authfail-it-1", Scenario.apiError("AuthFailure.SecretIdNotFound",
                "The SecretId is not found."));
        assertThat(Portal.get(base(), "api/onboarding/return?token=authfail-it-1").status()).isNotEqualTo(200);

        Readiness down = readiness();
        assertThat(down.status()).as(down.json().toString()).isEqualTo(503);
        assertThat(down.check("faceid").getString("status")).isEqualTo("DOWN");
        assertThat(down.check("faceid").getJsonObject("data").getString("lastFailureType"))
                .contains("AuthFailure.SecretIdNotFound");
        assertThat(down.check("faceid-jakarta").getString("status")).isEqualTo("UP");
        assertThat(down.json().toString()).doesNotContain(Portal.secretId());

        assertThat(Portal.get(base(), "api/onboarding/return?token=passed-health-1").status()).isEqualTo(200);
        Readiness up = readiness();
        assertThat(up.status()).as(up.json().toString()).isEqualTo(200);
        assertThat(up.check("faceid").getString("status")).isEqualTo("UP");
        assertThat(up.check("faceid").getJsonObject("data").getString("lastSuccess")).isNotBlank();
        assertThat(number(up.check("faceid"), "permitsInUse")).isBetween(0L, 20L);
    }

    @Test
    @Order(3)
    void fiveCallsWithoutAUsableAnswerTurnTheNamedClientDown() throws Exception {
        for (int i = 1; i <= 5; i++) {
            String token = "internal-health-" + i; // the emulator answers InternalError to every attempt
            assertThat(Portal.get(base(), "api/onboarding/id/return?token=" + token).status()).isNotEqualTo(200);
            if (i == 4) {
                assertThat(readiness().check("faceid-jakarta").getString("status")).isEqualTo("UP");
            }
        }

        Readiness down = readiness();
        assertThat(down.status()).isEqualTo(503);
        JsonObject jakarta = down.check("faceid-jakarta");
        assertThat(jakarta.getString("status")).isEqualTo("DOWN");
        assertThat(jakarta.getJsonObject("data").getString("reason")).contains("5 consecutive calls");
        assertThat(down.check("faceid").getString("status")).isEqualTo("UP");

        assertThat(Portal.get(base(), "api/onboarding/id/return?token=passed-health-2").status()).isEqualTo(200);
        assertThat(readiness().status()).isEqualTo(200);
    }
}
