package org.caseclock.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One in-process server per data directory for every application context in the JVM (the
 * all-in-one app, a test fork): started by the first context that asks for that directory, closed
 * when the last one using it closes. Keyed by the directory because a test fork also holds
 * contexts of other test classes, cached by Spring with their own data directories: a context
 * asking for another directory must not be handed a server holding someone else's data.
 */
final class SharedInJvm<T extends AutoCloseable> {

    private static final Logger log = LoggerFactory.getLogger(SharedInJvm.class);

    private final String what;
    private final Map<Path, T> instances = new HashMap<>();
    private final Map<T, Integer> users = new IdentityHashMap<>();
    private final Map<T, Path> keys = new IdentityHashMap<>();

    SharedInJvm(String what) {
        this.what = what;
    }

    synchronized T acquire(Path dataDir, Supplier<T> start) {
        Path key = dataDir.toAbsolutePath().normalize();
        T instance = instances.get(key);
        if (instance == null) {
            instance = start.get();
            instances.put(key, instance);
            keys.put(instance, key);
        } else {
            log.info("Reusing the {} already running in this JVM for {}", what, key);
        }
        users.merge(instance, 1, Integer::sum);
        return instance;
    }

    synchronized void release(T server) {
        Integer left = users.computeIfPresent(server, (s, n) -> n - 1);
        if (left == null || left > 0) {
            return;
        }
        users.remove(server);
        instances.remove(keys.remove(server));
        try {
            server.close();
        } catch (Exception e) {
            log.warn("Could not stop the {}: {}", what, e.toString());
        }
    }

    synchronized boolean running() {
        return !instances.isEmpty();
    }

    /**
     * Registers {@code server} as a bean of {@code context} and releases this context's use of it
     * when the context closes. Called from an initializer, so it is the context's first disposable
     * bean and destroyed after all the others: they close against a live server.
     */
    void register(ConfigurableApplicationContext context, String beanName, T server) {
        if (context.getBeanFactory() instanceof DefaultListableBeanFactory factory) {
            factory.registerSingleton(beanName, server);
            factory.registerDisposableBean(beanName, (DisposableBean) () -> release(server));
        } else {
            throw new IllegalStateException("cannot register the " + what + " for shutdown with "
                    + context.getBeanFactory().getClass().getName());
        }
    }
}
