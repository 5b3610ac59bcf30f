package io.github.faceid4j.ratelimit.cluster;

import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingException;
import javax.naming.spi.InitialContextFactory;
import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A JNDI namespace for the tests, as an application server has one: {@code new InitialContext().lookup(name)}
 * answers from {@link #bind}, while {@link #install()} is in effect (the {@code java.naming.factory.initial}
 * system property names {@link Factory}). Like a server's {@code java:comp} names, they resolve only on the thread
 * that deploys (the one that installed them), not on the client's I/O threads.
 */
final class TestJndi implements AutoCloseable {

    static final Map<String, Object> BOUND = new ConcurrentHashMap<>();
    static volatile Thread deploying;

    private TestJndi() {
    }

    static TestJndi install() {
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, Factory.class.getName());
        deploying = Thread.currentThread();
        return new TestJndi();
    }

    TestJndi bind(String name, Object value) {
        BOUND.put(name, value);
        return this;
    }

    @Override
    public void close() {
        BOUND.clear();
        deploying = null;
        System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
    }

    /** Contexts whose {@code lookup(String)} reads {@link #BOUND}; nothing else is needed by the extension. */
    public static final class Factory implements InitialContextFactory {
        @Override
        public Context getInitialContext(Hashtable<?, ?> environment) throws NamingException {
            return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("lookup") && args.length == 1 && args[0] instanceof String name) {
                            if (Thread.currentThread() != deploying) {
                                throw new NameNotFoundException(name + " (not on the deploying thread)");
                            }
                            Object value = BOUND.get(name);
                            if (value == null) {
                                throw new NameNotFoundException(name);
                            }
                            return value;
                        }
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }
    }
}
