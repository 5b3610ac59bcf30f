package io.github.faceid4j.cli;

import io.github.faceid4j.emulator.FaceIdEmulator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class EmulatorCommandTest {

    @Test
    void runsInTheForegroundUntilInterruptedAndServesResults() throws Exception {
        int port = freePort();
        StringWriter out = new StringWriter();
        CommandLine commandLine = FaceIdCli.commandLine(Map.of());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(new StringWriter(), true));
        AtomicInteger exit = new AtomicInteger(-1);
        Thread foreground = new Thread(() -> exit.set(commandLine.execute("emulator", "--port", Integer.toString(port))));
        foreground.start();
        try {
            long until = System.nanoTime() + 10_000_000_000L;
            while (!out.toString().contains("Press Ctrl-C") && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            String banner = out.toString();
            String endpoint = "http://127.0.0.1:" + port;
            assertThat(banner)
                    .contains("FaceID emulator listening on " + endpoint)
                    .contains("SecretId: " + FaceIdEmulator.DEFAULT_SECRET_ID)
                    .contains("export TENCENTCLOUD_SECRET_ID=" + FaceIdEmulator.DEFAULT_SECRET_ID)
                    .contains("export TENCENTCLOUD_SECRET_KEY=" + FaceIdEmulator.DEFAULT_SECRET_KEY)
                    .contains("faceid result passed-demo --region ap-singapore --endpoint " + endpoint);

            // the printed lines work as printed
            Map<String, String> env = exports(banner);
            Cli.Run run = Cli.run(env, "result", "passed-demo", "--region", "ap-singapore", "--endpoint", endpoint);
            assertThat(run.exitCode()).as(run.all()).isZero();
        } finally {
            foreground.interrupt();
            foreground.join(10_000);
        }
        assertThat(foreground.isAlive()).isFalse();
        assertThat(exit.get()).isZero();
        assertThat(out.toString()).contains("Emulator stopped after 1 request(s).");
    }

    @Test
    void aPortInUseIsExit2() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            Cli.Run run = Cli.run(Map.of(), "emulator", "--port", Integer.toString(taken.getLocalPort()));

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).startsWith("error: --port cannot listen on 127.0.0.1:" + taken.getLocalPort())
                    .contains("hint: choose another --port");
        }
    }

    private static Map<String, String> exports(String banner) {
        Matcher m = Pattern.compile("export (\\w+)=(\\S+)").matcher(banner);
        java.util.HashMap<String, String> env = new java.util.HashMap<>();
        while (m.find()) {
            env.put(m.group(1), m.group(2));
        }
        return env;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
