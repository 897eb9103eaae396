package org.caseclock.app;

import java.nio.file.Path;
import org.caseclock.local.LocalKafkaBroker;

/**
 * The in-process Kafka broker in a process of its own (args: port, log dir), for the crash test
 * that stops the broker under the app: it runs until killed or stopped (SIGTERM closes it).
 */
public final class BrokerMain {

    private BrokerMain() {}

    public static void main(String[] args) throws InterruptedException {
        LocalKafkaBroker broker = LocalKafkaBroker.start(Integer.parseInt(args[0]), Path.of(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "stop-broker"));
        System.out.println("broker up at " + broker.bootstrapServers());
        Thread.currentThread().join();
    }
}
