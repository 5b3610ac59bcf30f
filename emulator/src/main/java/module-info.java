/**
 * The FaceID emulator: a loopback server answering as the service does, its JUnit 5 extension and its command
 * line. Shares no code with the client.
 */
module io.github.faceid4j.emulator {
    requires jdk.httpserver;
    requires java.desktop; // javax.imageio: the synthetic person's pictures
    requires jakarta.json;
    // optional: FaceIdEmulatorExtension, for tests written with JUnit 5
    requires static org.junit.jupiter.api;

    exports io.github.faceid4j.emulator;
}
