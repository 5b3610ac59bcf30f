package io.github.faceid4j.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two WildFly 39 instances of one installation (a server base directory each, ports moved by 21000 and 22000), in
 * one Infinispan/JGroups cluster over TCP on 127.0.0.1 (TCPPING with both members; no UDP stack, no MPING, no
 * mod_cluster advertising): {@code src/test/wildfly/faceid-cluster.cli} applied to standalone-ha.xml, and the module
 * {@code io.github.bucket4j}. The portal on both with {@code tencentcloud.faceid.rate-limit.grid=infinispan} and
 * {@code tencentcloud.faceid.rate-limit.jndi-name=java:comp/env/faceid/rate-limit} (WEB-INF/jboss-web.xml refers it to
 * {@code java:jboss/infinispan/cache/faceid/rate-limit}): no code.
 */
class WildFlyPairIT extends ClusterPairTest {

    static final String CONFIG = "standalone-faceid-ha.xml";
    static final int JGROUPS_TCP = 7600;
    static final int HTTP = 8080;

    @Override
    String pair() {
        return "wildfly";
    }

    @Override
    void startNodes() throws Exception {
        Path home = install();
        int offsetA = Integer.getInteger("wildfly.offset.a", 21000);
        int offsetB = Integer.getInteger("wildfly.offset.b", 22000);
        List<String> members = List.of("-Dfaceid.member.a.port=" + (JGROUPS_TCP + offsetA),
                "-Dfaceid.member.b.port=" + (JGROUPS_TCP + offsetB));
        nodes.add(start(home, "a", offsetA, members));
        nodes.add(start(home, "b", offsetB, members));
        for (ServerNode node : nodes) {
            node.awaitDeployed(Duration.ofMinutes(4), work.resolve("wildfly-node-" + node.name.substring(8))
                    .resolve("deployments/cluster-portal.war.failed"));
        }
    }

    /** WildFly's server.log: its lines carry the date (the console's only the time of day). */
    @Override
    Path sendLog(int n) {
        return nodes.get(n).log().resolveSibling("log").resolve("server.log");
    }

    /** The installation, once per build: unpacked, the module added, the configuration made by the CLI script. */
    private Path install() throws Exception {
        Path home = work.resolve("wildfly-" + System.getProperty("wildfly.version", "39.0.1.Final"));
        if (Files.exists(home.resolve("standalone/configuration/" + CONFIG))) {
            return home;
        }
        unzip(work.resolve("wildfly-dist.zip"), work);
        Path module = Files.createDirectories(home.resolve("modules/io/github/bucket4j/main"));
        copyTree(resources.resolve("wildfly/modules/io/github/bucket4j/main"), module);
        for (String jar : List.of("bucket4j_jdk17-core.jar", "bucket4j_jdk17-infinispan.jar")) {
            Files.copy(work.resolve("bucket4j-module").resolve(jar), module.resolve(jar),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        Path configuration = home.resolve("standalone/configuration");
        // the script edits standalone-faceid-ha.xml: made under its own name first, so that an interrupted build
        // leaves no half-made configuration that the check above would take for a finished one
        Files.copy(configuration.resolve("standalone-ha.xml"), configuration.resolve("new-" + CONFIG),
                StandardCopyOption.REPLACE_EXISTING);
        Path log = work.resolve("wildfly-cli.log");
        Path script = Files.writeString(work.resolve("faceid-cluster.cli"),
                Files.readString(resources.resolve("wildfly/faceid-cluster.cli"))
                        .replace("--server-config=" + CONFIG, "--server-config=" + "new-" + CONFIG));
        Process cli = new ProcessBuilder("bash", home.resolve("bin/jboss-cli.sh").toString(), "--file=" + script)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            assertThat(cli.waitFor(3, TimeUnit.MINUTES)).as("jboss-cli ended").isTrue();
        } finally {
            cli.destroyForcibly();
        }
        assertThat(cli.exitValue()).as("jboss-cli: %s", Files.readString(log)).isZero();
        Files.move(configuration.resolve("new-" + CONFIG), configuration.resolve(CONFIG),
                StandardCopyOption.REPLACE_EXISTING);
        return home;
    }

    private ServerNode start(Path home, String name, int offset, List<String> members) throws Exception {
        Path base = work.resolve("wildfly-node-" + name);
        deleteTree(base);
        copyTree(home.resolve("standalone/configuration"), base.resolve("configuration"));
        Files.createDirectories(base.resolve("deployments"));
        Files.createDirectories(base.resolve("tmp"));
        Files.copy(war, base.resolve("deployments/cluster-portal.war"));
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/standalone.sh").toString(),
                "-c", CONFIG, "-Djboss.server.base.dir=" + base, "-Djboss.node.name=faceid-" + name,
                "-Djboss.socket.binding.port-offset=" + offset, "-b", "127.0.0.1", "-bmanagement", "127.0.0.1",
                "-bprivate", "127.0.0.1", "-Djboss.bind.address.unsecure=127.0.0.1"));
        command.addAll(members);
        command.addAll(faceIdProperties(name));
        command.add("-Dtencentcloud.faceid.rate-limit.grid=infinispan");
        command.add("-Dtencentcloud.faceid.rate-limit.jndi-name=java:comp/env/faceid/rate-limit");
        Map<String, String> environment = new HashMap<>(secrets());
        environment.put("JBOSS_HOME", home.toString());
        environment.put("JAVA", ProcessHandle.current().info().command().orElse("java"));
        environment.put("JAVA_OPTS", "-Xms64m -Xmx512m -XX:MetaspaceSize=96M -XX:MaxMetaspaceSize=256m"
                + " -Djava.net.preferIPv4Stack=true -Djava.awt.headless=true"
                + " -Djboss.modules.system.pkgs=org.jboss.byteman -Djava.io.tmpdir=" + base.resolve("tmp")
                + " -Xlog:gc,safepoint:file=" + base.resolve("jvm.log") + ":time");
        return ServerNode.start("wildfly-" + name, URI.create("http://127.0.0.1:" + (HTTP + offset) + "/cluster-portal/"),
                command, environment, base.resolve("console.log"));
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(entries, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
