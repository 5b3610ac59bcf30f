package io.github.faceid4j.ratelimit.cluster;

import com.hazelcast.cache.impl.HazelcastServerCachingProvider;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

import javax.cache.CacheManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Embedded Hazelcast members in this JVM, talking over 127.0.0.1 only: TCP/IP join with a fixed member list on
 * loopback, multicast and auto-detection off, bound to 127.0.0.1 (not the wildcard), phone-home off, a cluster name
 * of its own so that no other Hazelcast on the machine can join. JCache is reached as Payara exposes it: a
 * {@link CacheManager} per member.
 */
final class HazelcastGrid implements AutoCloseable {

    private final List<HazelcastInstance> members = new ArrayList<>();
    private final List<HazelcastServerCachingProvider> providers = new ArrayList<>();
    private final List<CacheManager> cacheManagers = new ArrayList<>();

    HazelcastGrid(int size) {
        String cluster = "faceid-test-" + UUID.randomUUID();
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ports.add(Ports.free());
        }
        try {
            for (int i = 0; i < size; i++) {
                HazelcastInstance member = Hazelcast.newHazelcastInstance(config(cluster, i, ports));
                members.add(member);
                HazelcastServerCachingProvider provider = new HazelcastServerCachingProvider(member);
                providers.add(provider);
                cacheManagers.add(provider.getCacheManager());
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (members.get(0).getCluster().getMembers().size() < size) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the Hazelcast members did not form one cluster");
                }
                Thread.sleep(20);
            }
        } catch (RuntimeException | InterruptedException e) {
            close();
            throw new IllegalStateException("could not start " + size + " Hazelcast members", e);
        }
    }

    private static Config config(String cluster, int index, List<Integer> ports) {
        Config config = new Config();
        config.setClusterName(cluster);
        config.setInstanceName(cluster + "-" + index);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.logging.type", "jdk");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.partition.count", "31");
        config.getJetConfig().setEnabled(false);
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(ports.get(index)).setPortAutoIncrement(false).setPortCount(1);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        network.getRestApiConfig().setEnabled(false);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2);
        ports.forEach(port -> join.getTcpIpConfig().addMember("127.0.0.1:" + port));
        return config;
    }

    CacheManager cacheManager(int member) {
        return cacheManagers.get(member);
    }

    HazelcastInstance member(int member) {
        return members.get(member);
    }

    /** Graceful shutdown: the member hands its partitions (and the bucket's entry) to the others first. */
    void shutdown(int member) {
        cacheManagers.get(member).close();
        members.get(member).shutdown();
    }

    @Override
    public void close() {
        cacheManagers.forEach(CacheManager::close);
        providers.forEach(HazelcastServerCachingProvider::close);
        for (HazelcastInstance member : members) {
            try {
                member.shutdown();
            } catch (RuntimeException e) {
                // already down
            }
        }
    }
}
