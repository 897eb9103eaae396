package org.caseclock.local;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One in-process server for every application context in the JVM (the all-in-one app, a test
 * fork): started by the first context that asks, closed when the last one using it closes.
 */
final class SharedInJvm<T extends AutoCloseable> {

    private static final Logger log = LoggerFactory.getLogger(SharedInJvm.class);

    private final String what;
    private T instance;
    private int users;

    SharedInJvm(String what) {
        this.what = what;
    }

    synchronized T acquire(Supplier<T> start) {
        if (instance == null) {
            instance = start.get();
        } else {
            log.info("Reusing the {} already running in this JVM", what);
        }
        users++;
        return instance;
    }

    synchronized void release(T server) {
        if (server != instance) {
            return;
        }
        users--;
        if (users == 0) {
            instance = null;
            try {
                server.close();
            } catch (Exception e) {
                log.warn("Could not stop the {}: {}", what, e.toString());
            }
        }
    }

    synchronized boolean running() {
        return instance != null;
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
