package io.github.faceid4j.testing;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Map;
import java.util.Set;

/**
 * A plain MicroProfile {@link ConfigSource} over a map: what an application might write. Shared through impl's
 * test-jar by the tests of the CDI extension, the CLI and the cluster rate limiter (MicroProfile Config is a test
 * dependency here only for it).
 */
public final class MapSource implements ConfigSource {

    private final String name;
    private final Map<String, String> values;
    private final int ordinal;

    /**
     * @param name    the source's name, as configuration errors show it
     * @param values  the keys and values (copied)
     * @param ordinal the source's priority: higher wins
     */
    public MapSource(String name, Map<String, String> values, int ordinal) {
        this.name = name;
        this.values = Map.copyOf(values);
        this.ordinal = ordinal;
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public int getOrdinal() {
        return ordinal;
    }
}
