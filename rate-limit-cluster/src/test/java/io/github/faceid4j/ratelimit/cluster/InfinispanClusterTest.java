package io.github.faceid4j.ratelimit.cluster;

/** Two embedded Infinispan members on a loopback JGroups TCP stack, as WildFly's cache containers. */
class InfinispanClusterTest extends ClusterContract {

    @Override
    Grid startGrid(int members) {
        InfinispanGrid grid = new InfinispanGrid(members);
        return new Grid() {
            @Override
            public ClusterRateLimiter limiter(int member, String secretId) {
                return InfinispanRateLimiters.of(grid.cache(member), secretId, RateSettings.defaults());
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
        return "Infinispan " + org.infinispan.commons.util.Version.getVersion();
    }
}
