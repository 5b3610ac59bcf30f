package io.github.faceid4j.cdi;

import io.github.faceid4j.testing.MapSource;
import io.github.faceid4j.emulator.FaceIdEmulator;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.enterprise.inject.spi.Extension;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Boots Weld SE with discovery off, the given bean classes and our extension as found through
 * {@code META-INF/services}, against a MicroProfile Config registered for the test's class loader only while the
 * container runs.
 */
final class CdiTestSupport {

    static final String SECRET_ID = FaceIdEmulator.DEFAULT_SECRET_ID;
    static final String SECRET_KEY = FaceIdEmulator.DEFAULT_SECRET_KEY;

    private static final AtomicInteger IDS = new AtomicInteger();

    private CdiTestSupport() {
    }

    /** A running container and the configuration registered for it; closing shuts it down and releases the config. */
    record Booted(WeldContainer container, Config config) implements AutoCloseable {
        <T> T get(Class<T> type, java.lang.annotation.Annotation... qualifiers) {
            return container.select(type, qualifiers).get();
        }

        @Override
        public void close() {
            try {
                if (container.isRunning()) {
                    container.shutdown();
                }
            } finally {
                ConfigProviderResolver.instance().releaseConfig(config);
            }
        }
    }

    /** Only the given sources: no system properties, environment or microprofile-config.properties leak in. */
    static Config config(ConfigSource... sources) {
        return new SmallRyeConfigBuilder().withSources(sources).build();
    }

    static ConfigSource map(Map<String, String> values) {
        return new MapSource("test-map", values, 500);
    }

    /** Key/value pairs, in order. */
    static Map<String, String> props(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    /** A complete unnamed configuration pointing at the emulator, plus extra pairs. */
    static Map<String, String> valid(FaceIdEmulator emulator, String... extra) {
        Map<String, String> map = props(
                "tencentcloud.faceid.region", "ap-singapore",
                "tencentcloud.faceid.endpoint", emulator.endpoint().toString(),
                "tencentcloud.faceid.secret-id", SECRET_ID,
                "tencentcloud.faceid.secret-key", SECRET_KEY);
        map.putAll(props(extra));
        return map;
    }

    static Booted boot(Config config, Class<?>... beanClasses) {
        ConfigProviderResolver.instance().registerConfig(config, Thread.currentThread().getContextClassLoader());
        try {
            Weld weld = new Weld("faceid-test-" + IDS.incrementAndGet())
                    .disableDiscovery()
                    .skipShutdownHook()
                    .beanClasses(beanClasses);
            ourExtensionsFromServiceLoader().forEach(weld::addExtension);
            return new Booted(weld.initialize(), config);
        } catch (RuntimeException | Error e) {
            ConfigProviderResolver.instance().releaseConfig(config);
            throw e;
        }
    }

    /**
     * Discovery is off, so Weld SE loads no extension by itself: load ours the way a server does, through
     * {@code META-INF/services} (SmallRye Config's own extension, also on the class path, is left out).
     */
    static List<Extension> ourExtensionsFromServiceLoader() {
        List<Extension> ours = new ArrayList<>();
        ServiceLoader.load(Extension.class).stream()
                .filter(p -> p.type().getPackageName().equals(FaceIdExtension.class.getPackageName()))
                .forEach(p -> ours.add(p.get()));
        if (ours.isEmpty()) {
            throw new AssertionError("FaceIdExtension is not registered in META-INF/services");
        }
        return ours;
    }

    /** Stack trace text of a throwable and all its causes and suppressed exceptions. */
    static String fullText(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
