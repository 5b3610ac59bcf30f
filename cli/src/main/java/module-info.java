/** The {@code faceid} command line: results, new verifications, the emulator and a demo. */
module io.github.faceid4j.cli {
    requires io.github.faceid4j.client;
    requires io.github.faceid4j.emulator;
    requires java.logging;
    requires java.net.http; // faceid demo walks the emulator's hosted pages
    requires jakarta.json;
    requires info.picocli;

    exports io.github.faceid4j.cli;
    // picocli reads the commands' annotated fields and methods by reflection
    opens io.github.faceid4j.cli to info.picocli;
}
