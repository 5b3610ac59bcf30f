/**
 * The cluster-wide rate limit: Bucket4j token buckets on the application server's data grid (JCache or Infinispan),
 * and the CDI extension that wires them from configuration.
 */
module io.github.faceid4j.ratelimit.cluster {
    requires transitive io.github.faceid4j.client;
    requires java.logging;
    requires java.naming; // the grid handle may be looked up in JNDI (tencentcloud.faceid.rate-limit.jndi-name)
    requires io.github.bucket4j.core;
    // the grids: whichever the server provides (cache.api and infinispan.core are names derived from the jars)
    requires static io.github.bucket4j.jcache;
    requires static io.github.bucket4j.infinispan;
    requires static cache.api;
    requires static infinispan.core;
    requires static jakarta.cdi;
    requires static microprofile.config.api;

    exports io.github.faceid4j.ratelimit.cluster;
    // the container reflects on and proxies the extension's beans and observers
    opens io.github.faceid4j.ratelimit.cluster;

    provides jakarta.enterprise.inject.spi.Extension
            with io.github.faceid4j.ratelimit.cluster.ClusterRateLimitExtension;
}
