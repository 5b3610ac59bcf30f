package io.github.faceid4j.ratelimit.cluster;

import io.github.bucket4j.grid.infinispan.serialization.Bucket4jProtobufContextInitializer;
import org.infinispan.Cache;
import org.infinispan.configuration.cache.CacheMode;
import org.infinispan.configuration.cache.ConfigurationBuilder;
import org.infinispan.configuration.global.GlobalConfigurationBuilder;
import org.infinispan.manager.DefaultCacheManager;
import org.infinispan.manager.impl.InternalCacheManager;
import org.infinispan.remoting.transport.Transport;
import org.infinispan.remoting.transport.jgroups.JGroupsTransport;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Embedded Infinispan members in this JVM, as WildFly's cache containers are, over a JGroups TCP stack on 127.0.0.1
 * only: TCPPING with the members' loopback addresses (no MPING, PING or UDP), diagnostics off. The cache is
 * distributed with two owners, so the bucket survives one member leaving; Bucket4j's ProtoStream initializer is
 * registered so that its entry processor can travel to the owner.
 */
final class InfinispanGrid implements AutoCloseable {

    static final String CACHE = "faceid-rate-limit";

    private final List<DefaultCacheManager> members = new ArrayList<>();

    InfinispanGrid(int size) {
        String cluster = "faceid-test-" + UUID.randomUUID();
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ports.add(Ports.free());
        }
        try {
            for (int i = 0; i < size; i++) {
                members.add(member(cluster, i, ports));
            }
            for (DefaultCacheManager member : members) {
                member.getCache(CACHE); // starts the cache on every member
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (members.get(0).getMembers() == null || members.get(0).getMembers().size() < size) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the Infinispan members did not form one cluster");
                }
                Thread.sleep(20);
            }
        } catch (Exception e) {
            close();
            throw new IllegalStateException("could not start " + size + " Infinispan members", e);
        }
    }

    private static DefaultCacheManager member(String cluster, int index, List<Integer> ports) {
        String initialHosts = ports.stream().map(port -> "127.0.0.1[" + port + "]").collect(Collectors.joining(","));
        // TCP on 127.0.0.1 with discovery by TCPPING among the members' loopback ports: no UDP, no multicast, no
        // MPING or PING; diagnostics (a multicast UDP listener) off
        String stack = """
                <config xmlns="urn:org:jgroups">
                    <TCP bind_addr="127.0.0.1" bind_port="%d" port_range="0" diag.enabled="false"
                         thread_pool.min_threads="0" thread_pool.max_threads="50" thread_pool.keep_alive_time="5000"/>
                    <TCPPING initial_hosts="%s" port_range="0" return_entire_cache="true"/>
                    <MERGE3 min_interval="10s" max_interval="30s"/>
                    <FD_ALL3 timeout="10s" interval="2s"/>
                    <VERIFY_SUSPECT2 timeout="1s"/>
                    <pbcast.NAKACK2 use_mcast_xmit="false"/>
                    <UNICAST3/>
                    <pbcast.STABLE desired_avg_gossip="5s" max_bytes="1M"/>
                    <pbcast.GMS print_local_addr="false" join_timeout="1s"/>
                    <UFC max_credits="2M" min_threshold="0.4"/>
                    <MFC max_credits="2M" min_threshold="0.4"/>
                    <FRAG4 frag_size="60K"/>
                </config>
                """.formatted(ports.get(index), initialHosts);

        GlobalConfigurationBuilder global = GlobalConfigurationBuilder.defaultClusteredBuilder();
        global.cacheManagerName(cluster + "-" + index);
        global.transport().clusterName(cluster).nodeName("member-" + index)
                .addProperty(JGroupsTransport.CONFIGURATION_XML, stack);
        global.serialization().addContextInitializer(new Bucket4jProtobufContextInitializer());
        global.shutdown().hookBehavior(org.infinispan.configuration.global.ShutdownHookBehavior.DONT_REGISTER);

        DefaultCacheManager manager = new DefaultCacheManager(global.build(), false);
        ConfigurationBuilder cache = new ConfigurationBuilder();
        cache.clustering().cacheMode(CacheMode.DIST_SYNC).remoteTimeout(5, TimeUnit.SECONDS).hash().numOwners(2);
        manager.defineConfiguration(CACHE, cache.build());
        manager.start();
        String protocols = ((JGroupsTransport) InternalCacheManager.of(manager).getComponent(Transport.class))
                .getChannel().getProtocolStack().printProtocolSpecAsPlainString();
        if (!protocols.contains("TCPPING") || protocols.contains("UDP") || protocols.contains("MPING")
                || protocols.contains(".PING")) {
            manager.stop();
            throw new IllegalStateException("not the loopback TCP stack: " + protocols);
        }
        return manager;
    }

    Cache<String, byte[]> cache(int member) {
        return members.get(member).getCache(CACHE);
    }

    /** Graceful stop: the member leaves the view and the remaining owner keeps the bucket. */
    void shutdown(int member) {
        members.get(member).stop();
    }

    @Override
    public void close() {
        for (DefaultCacheManager member : members) {
            try {
                member.stop();
            } catch (RuntimeException e) {
                // already stopped
            }
        }
    }
}
