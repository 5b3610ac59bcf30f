package io.github.faceid4j.cluster;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Two Payara Micro 6 instances in one Hazelcast cluster on 127.0.0.1 (TCP/IP join with both members listed; no
 * multicast), the portal on both with {@code tencentcloud.faceid.rate-limit.grid=jcache}: the limiter uses
 * Payara's own JCache {@code CacheManager} (Hazelcast's), no code in the application.
 */
class PayaraPairIT extends ClusterPairTest {

    @Override
    String pair() {
        return "payara";
    }

    @Override
    void startNodes() throws Exception {
        int hzA = Integer.getInteger("payara.hz.a");
        int hzB = Integer.getInteger("payara.hz.b");
        String members = "127.0.0.1:" + hzA + ",127.0.0.1:" + hzB;
        // One after the other: a forms the grid, b joins it. Started together, both may form a grid of their own
        // (Hazelcast merges split grids only minutes later), and once a first request to node a hung for minutes.
        nodes.add(start("a", Integer.getInteger("payara.http.a"), hzA, members));
        nodes.get(0).awaitDeployed(Duration.ofMinutes(4), null);
        nodes.add(start("b", Integer.getInteger("payara.http.b"), hzB, members));
        nodes.get(1).awaitDeployed(Duration.ofMinutes(4), null);
    }

    private ServerNode start(String name, int httpPort, int hzPort, String members) throws Exception {
        Path dir = work.resolve("payara-" + name);
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xms64m", "-Xmx512m", "-Djava.io.tmpdir=" + tmp, "-Djava.net.preferIPv4Stack=true",
                "-Dhazelcast.phone.home.enabled=false", "-Dhazelcast.socket.bind.any=false",
                "-Xlog:gc,safepoint:file=" + dir.resolve("jvm.log") + ":time"));
        command.addAll(faceIdProperties(name));
        command.add("-Dtencentcloud.faceid.rate-limit.grid=jcache");
        command.addAll(List.of("-jar", work.resolve("payara-micro.jar").toString(),
                "--deploy", war.toString(), "--contextroot", "cluster-portal",
                "--name", "faceid-" + name, "--port", Integer.toString(httpPort),
                "--prebootcommandfile", resources.resolve("payara/preboot-commands.txt").toString(),
                "--interfaces", "127.0.0.1", "--startport", Integer.toString(hzPort),
                "--clustermode", "tcpip:" + members, "--nohostaware"));
        return ServerNode.start("payara-" + name, URI.create("http://127.0.0.1:" + httpPort + "/cluster-portal/"),
                command, secrets(), dir.resolve("console.log"));
    }
}
