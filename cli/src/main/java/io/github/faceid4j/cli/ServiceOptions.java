package io.github.faceid4j.cli;

import picocli.CommandLine.Option;

import java.time.Duration;

/** {@code --region}, {@code --endpoint} and {@code --timeout}, shared by {@code result} and {@code apply}. */
final class ServiceOptions {

    @Option(names = "--region", paramLabel = "REGION",
            description = "ap-singapore, ap-jakarta, ap-bangkok, ap-hongkong or sa-saopaulo. Required unless"
                    + " TENCENTCLOUD_REGION is set.")
    String region;

    @Option(names = "--endpoint", paramLabel = "URL",
            // each URL on a line of its own, so that the help never breaks one at a dot
            description = "Where to send the request. For a Tencent Cloud International account:%n"
                    + "  https://faceid.intl.tencentcloudapi.com%n"
                    + "Default (the endpoint of the API contract this tool was built to):%n"
                    + "  https://faceid.tencentcloudapi.com%n"
                    + "The emulator (`faceid emulator` prints its port):%n"
                    + "  http://127.0.0.1:PORT")
    String endpoint;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Deadline of the whole call, retries and rate-limit wait included: 500ms, 2s, 1m or PT2S."
                    + " Default: 60s.")
    Duration timeout;
}
