package io.github.faceid4j.ratelimit.cluster;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@code javax.cache.Cache} in memory, built as a dynamic proxy of whatever {@code Cache} interface it is given (so
 * the isolation test can use it in a class loader of its own). {@code invoke} runs the entry processor atomically,
 * as a JCache provider must; it can instead hang (a dead grid) or throw (a closed cache).
 */
final class FakeJCache {

    enum Mode { WORKING, HANGING, FAILING }

    private final Map<Object, Object> entries = new HashMap<>();
    private final AtomicInteger invocations = new AtomicInteger();
    private volatile Mode mode = Mode.WORKING;
    private volatile CountDownLatch hang = new CountDownLatch(1);

    void mode(Mode mode) {
        if (this.mode == Mode.HANGING && mode != Mode.HANGING) {
            hang.countDown();
        }
        if (mode == Mode.HANGING) {
            hang = new CountDownLatch(1);
        }
        this.mode = mode;
    }

    int invocations() {
        return invocations.get();
    }

    /** A copy of every entry, for {@link #restore(Map)}. */
    Map<Object, Object> snapshot() {
        synchronized (entries) {
            return new HashMap<>(entries);
        }
    }

    /**
     * Puts the entries back as they were at {@code snapshot}: the updates since then are lost, as when the member
     * owning an entry leaves before its backup was written and the backup is promoted.
     */
    void restore(Map<Object, Object> snapshot) {
        synchronized (entries) {
            entries.clear();
            entries.putAll(snapshot);
        }
    }

    /** A {@code Cache<String, byte[]>} of the {@code javax.cache} classes in {@code loader}. */
    Object cache(ClassLoader loader) throws ClassNotFoundException {
        Class<?> cacheType = Class.forName("javax.cache.Cache", false, loader);
        Class<?> entryType = Class.forName("javax.cache.processor.MutableEntry", false, loader);
        return Proxy.newProxyInstance(loader, new Class<?>[] {cacheType}, (proxy, method, args) -> switch (method.getName()) {
            case "getName" -> "fake";
            case "getCacheManager" -> null;
            case "invoke" -> invoke(loader, entryType, args[0], args[1]);
            case "toString" -> "FakeJCache";
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            default -> throw new UnsupportedOperationException(method.getName());
        });
    }

    @SuppressWarnings("unchecked")
    <T> T cache() {
        try {
            return (T) cache(FakeJCache.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object invoke(ClassLoader loader, Class<?> entryType, Object key, Object processor) throws Throwable {
        invocations.incrementAndGet();
        switch (mode) {
            case HANGING -> {
                hang.await(); // until healed or interrupted, like a grid call with no answer
                throw new IllegalStateException("the grid call was abandoned");
            }
            case FAILING -> throw new IllegalStateException("Cache is closed");
            default -> {
            }
        }
        Object entry = Proxy.newProxyInstance(loader, new Class<?>[] {entryType}, (proxy, method, args) -> switch (method.getName()) {
            case "getKey" -> key;
            case "getValue" -> entries.get(key);
            case "exists" -> entries.containsKey(key);
            case "remove" -> {
                entries.remove(key);
                yield null;
            }
            case "setValue" -> {
                entries.put(key, args[0]);
                yield null;
            }
            default -> throw new UnsupportedOperationException(method.getName());
        });
        Method process = processor.getClass().getMethod("process", entryType, Object[].class);
        process.setAccessible(true);
        synchronized (entries) {
            try {
                return process.invoke(processor, entry, new Object[0]);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
