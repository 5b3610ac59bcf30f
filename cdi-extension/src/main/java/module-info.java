/**
 * The CDI portable extension: configured {@code VerificationResultService} and {@code VerificationStartService}
 * beans from MicroProfile Config, readiness checks, call events.
 */
module io.github.faceid4j.cdi {
    requires transitive io.github.faceid4j.client;
    requires transitive jakarta.cdi;
    requires java.logging;
    requires microprofile.config.api;
    // optional: the readiness checks (MicroProfile Health) and the container's OpenTelemetry bean
    requires static microprofile.health.api;
    requires static io.opentelemetry.api;

    exports io.github.faceid4j.cdi;
    // the container reflects on and proxies the extension's beans and observers
    opens io.github.faceid4j.cdi;

    provides jakarta.enterprise.inject.spi.Extension with io.github.faceid4j.cdi.FaceIdExtension;
}
