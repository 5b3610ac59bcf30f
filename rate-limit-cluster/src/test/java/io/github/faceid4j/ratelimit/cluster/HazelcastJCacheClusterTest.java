package io.github.faceid4j.ratelimit.cluster;

/** Two embedded Hazelcast members on loopback, reached through JCache as on Payara ({@code CacheManager} per member). */
class HazelcastJCacheClusterTest extends ClusterContract {

    @Override
    Grid startGrid(int members) {
        HazelcastGrid grid = new HazelcastGrid(members);
        return new Grid() {
            @Override
            public ClusterRateLimiter limiter(int member, String secretId) {
                return JCacheRateLimiters.of(grid.cacheManager(member), secretId, RateSettings.defaults());
            }

            @Override
            public void shutdown(int member) {
                grid.shutdown(member);
            }

            @Override
            public void close() {
                grid.close();
            }
        };
    }

    @Override
    String name() {
        return "Hazelcast " + com.hazelcast.instance.BuildInfoProvider.getBuildInfo().getVersion() + " via JCache";
    }
}
