package io.github.faceid4j.ratelimit.cluster;

import io.github.faceid4j.FaceIdConfigurationException;
import io.github.faceid4j.testing.MapSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of the {@code tencentcloud.faceid.rate-limit.*} keys, read from a real SmallRye Config: each bad value is
 * a problem naming its key, all of them at once. {@link ClusterRateLimitExtensionTest} shows them failing a
 * deployment.
 */
class ClusterConfigurationTest {

    private static final String SECRET_ID = "AKIDCLUSTERCONFIGTEST000000000000";

    @Test
    void withoutTheGridKeyNothingIsChosenAndNothingIsWrong() {
        ClusterConfiguration read = read("tencentcloud.faceid.rate-limit.burst", "not even looked at");
        assertThat(read.grid()).isEmpty();
        assertThat(read.problems()).isEmpty();
    }

    @Test
    void switchedOffChoosesNoGridEvenAnUnknownOne() {
        ClusterConfiguration read = read("tencentcloud.faceid.enabled", "off",
                "tencentcloud.faceid.rate-limit.grid", "redis");
        assertThat(read.grid()).isEmpty();
        assertThat(read.problems()).isEmpty();
    }

    @Test
    void theGridIsReadIgnoringCaseAndSpaceWithTheDefaults() {
        ClusterConfiguration read = read("tencentcloud.faceid.rate-limit.grid", " JCache ",
                "tencentcloud.faceid.secret-id", SECRET_ID);
        assertThat(read.problems()).isEmpty();
        assertThat(read.grid()).contains(Grid.JCACHE);
        assertThat(read.jndiName()).isEmpty();
        assertThat(read.setup()).contains(new ClusterConfiguration.Setup(SECRET_ID, RateSettings.defaults()));
    }

    @Test
    void everySettingIsRead() {
        ClusterConfiguration read = read("tencentcloud.faceid.rate-limit.grid", "infinispan",
                "tencentcloud.faceid.secret-id", SECRET_ID,
                "tencentcloud.faceid.rate-limit.permits-per-second", "5",
                "tencentcloud.faceid.rate-limit.burst", "2",
                "tencentcloud.faceid.rate-limit.on-grid-failure", "Local-Share: 3",
                "tencentcloud.faceid.rate-limit.jndi-name", " java:comp/env/faceid/rate-limit ");
        assertThat(read.problems()).isEmpty();
        assertThat(read.grid()).contains(Grid.INFINISPAN);
        assertThat(read.jndiName()).contains("java:comp/env/faceid/rate-limit");
        RateSettings settings = read.setup().orElseThrow().settings();
        assertThat(settings.permits()).isEqualTo(5);
        assertThat(settings.burst()).isEqualTo(2);
        assertThat(settings.onGridFailure()).hasToString(GridFailurePolicy.fallbackToLocalShare(3).toString());
    }

    @Test
    void theSecretIdComesFromTheEnvironmentVariableWhenTheKeyIsAbsent() {
        ClusterConfiguration read = read("tencentcloud.faceid.rate-limit.grid", "jcache",
                "TENCENTCLOUD_SECRET_ID", SECRET_ID);
        assertThat(read.problems()).isEmpty();
        assertThat(read.setup().map(ClusterConfiguration.Setup::secretId)).contains(SECRET_ID);
    }

    @Test
    void noSecretIdIsAProblemNamingTheKeyAndStillChoosesTheGrid() {
        ClusterConfiguration read = read("tencentcloud.faceid.rate-limit.grid", "jcache");
        // the grid stays chosen: its bean is added, and the deployment fails, instead of the local limiter serving
        assertThat(read.grid()).contains(Grid.JCACHE);
        assertThat(read.setup()).isEmpty();
        assertThat(read.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.key()).isEqualTo("tencentcloud.faceid.secret-id");
            assertThat(problem.getMessage()).contains("TENCENTCLOUD_SECRET_ID");
        });
    }

    @Test
    void everyBadValueIsAProblemNamingItsKey() {
        ClusterConfiguration read = read("tencentcloud.faceid.rate-limit.grid", "jcache",
                "tencentcloud.faceid.rate-limit.permits-per-second", "seventeen",
                "tencentcloud.faceid.rate-limit.burst", "0",
                "tencentcloud.faceid.rate-limit.on-grid-failure", "local-share:0");
        assertThat(read.setup()).isEmpty();
        assertThat(read.problems()).extracting(FaceIdConfigurationException::key).containsExactly(
                "tencentcloud.faceid.rate-limit.permits-per-second", "tencentcloud.faceid.rate-limit.burst",
                "tencentcloud.faceid.rate-limit.on-grid-failure", "tencentcloud.faceid.secret-id");
        assertThat(read.problems()).extracting(Throwable::getMessage)
                .anySatisfy(m -> assertThat(m).contains("'seventeen'"))
                .anySatisfy(m -> assertThat(m).contains("'local-share:0'"));
    }

    @Test
    void anUnknownGridIsAProblemNamingTheKeyAndTheGridsThereAre() {
        ClusterConfiguration read = read("tencentcloud.faceid.rate-limit.grid", "Redis",
                "tencentcloud.faceid.secret-id", SECRET_ID);
        assertThat(read.grid()).isEmpty();
        assertThat(read.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.key()).isEqualTo(ClusterRateLimitExtension.GRID);
            assertThat(problem.getMessage()).contains("'Redis'", "jcache", "infinispan");
        });
    }

    private static ClusterConfiguration read(String... keysAndValues) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return ClusterConfiguration.read(new SmallRyeConfigBuilder()
                .withSources(new MapSource("test-map", values, 500)).build());
    }
}
