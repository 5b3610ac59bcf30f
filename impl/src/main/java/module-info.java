/**
 * The client: {@code FaceIdServiceBuilder} and the types its methods take. {@code io.github.faceid4j.client.internal}
 * holds what faceid4j's own modules share (masking, the result's JSON writer, configuration parsing, per-account
 * limiters) and is exported to them only: it is not API.
 */
module io.github.faceid4j.client {
    requires transitive io.github.faceid4j.api;
    requires java.logging;
    requires java.net.http; // the platform credentials (CVM metadata, STS)
    requires jakarta.ws.rs;
    requires jakarta.json;
    requires jakarta.json.bind;
    requires org.eclipse.yasson;
    requires com.fasterxml.jackson.core;
    // Jersey has no module descriptor nor Automatic-Module-Name: the names derived from its jars' file names.
    // jersey.hk2 is found through ServiceLoader only, so it is required to be resolved at all.
    requires jersey.client;
    requires jersey.common;
    requires jersey.hk2;
    // automatic modules declare no dependencies: what Jersey and HK2 need of the explicit modules is required here,
    // or the module system would not resolve them
    requires jakarta.inject;
    requires jakarta.annotation;
    // optional: spans and metrics when the application has OpenTelemetry
    requires static io.opentelemetry.api;
    requires static io.opentelemetry.context;

    exports io.github.faceid4j.client;
    exports io.github.faceid4j.client.internal to
            io.github.faceid4j.cdi,
            io.github.faceid4j.cli,
            io.github.faceid4j.ratelimit.cluster;

    // Yasson reads and writes the wire records (package-private) by reflection
    opens io.github.faceid4j.client to org.eclipse.yasson;
}
