package io.github.faceid4j.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The sockets one process holds, read from Linux's {@code /proc}: a test checks that a server's data grid uses no
 * UDP at all (no multicast discovery) and listens on 127.0.0.1 only.
 */
final class Sockets {

    private Sockets() {
    }

    /** {@code proto local-address:port state} of every IPv4/IPv6 TCP and UDP socket of {@code pid}. */
    static List<String> of(long pid) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring(8, target.length() - 1));
                    }
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        }
        List<String> sockets = new ArrayList<>();
        for (String proto : List.of("tcp", "tcp6", "udp", "udp6")) {
            List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "net", proto));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (inodes.contains(f[9])) {
                    sockets.add(proto + " " + address(f[1]) + " " + state(proto, f[3]));
                }
            }
        }
        return sockets;
    }

    private static String state(String proto, String hex) {
        if (proto.startsWith("udp")) {
            return "";
        }
        return hex.equals("0A") ? "LISTEN" : "state-" + hex;
    }

    /** {@code 0100007F:1F90} → {@code 127.0.0.1:8080}; IPv6 in its 32 hex digits as read. */
    private static String address(String hex) {
        String[] parts = hex.split(":");
        int port = Integer.parseInt(parts[1], 16);
        String a = parts[0];
        if (a.length() == 8) {
            long v = Long.parseLong(a, 16);
            return (v & 0xff) + "." + ((v >> 8) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 24) & 0xff) + ":"
                    + port;
        }
        if (a.equals("00000000000000000000000000000000")) {
            return "[::]:" + port;
        }
        if (a.equals("0000000000000000FFFF00000100007F")) {
            return "[::ffff:127.0.0.1]:" + port;
        }
        if (a.equals("00000000000000000000000001000000")) {
            return "[::1]:" + port;
        }
        return "[" + a + "]:" + port;
    }

    /** The problems: any UDP socket, any listening socket not on loopback. */
    static List<String> nonLoopbackOrUdp(long pid) throws IOException {
        List<String> problems = new ArrayList<>();
        for (String s : of(pid)) {
            if (s.startsWith("udp") || (s.endsWith("LISTEN") && !(s.contains(" 127.0.0.1:")
                    || s.contains("[::ffff:127.0.0.1]") || s.contains("[::1]")))) {
                problems.add(s);
            }
        }
        return problems;
    }
}
