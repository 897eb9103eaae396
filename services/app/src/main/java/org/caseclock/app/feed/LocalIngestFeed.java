package org.caseclock.app.feed;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * A feed of the all-in-one app (the simulator, or the sample SSD extract) that posts to this very
 * server's {@code POST /api/events} from a thread of its own.
 */
abstract class LocalIngestFeed implements SmartLifecycle {

    private final WebServerApplicationContext server;
    private final String threadName;
    private volatile Thread thread;

    LocalIngestFeed(WebServerApplicationContext server, String threadName) {
        this.server = server;
        this.threadName = threadName;
    }

    /** Posts to {@code ingest} until done or interrupted. */
    abstract void run(URI ingest);

    /** Last to start, first to stop: it posts to the web server, which must be up and stay up while it does. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    @Override
    public void start() {
        URI ingest = URI.create("http://127.0.0.1:" + server.getWebServer().getPort() + "/api/events");
        thread = new Thread(() -> run(ingest), threadName);
        thread.start();
    }

    @Override
    public void stop() {
        Thread t = thread;
        thread = null;
        if (t != null) {
            t.interrupt();
            try {
                t.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
