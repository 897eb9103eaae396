package org.caseclock.simulator.cli;

import java.time.Instant;
import org.caseclock.simulator.Simulator;

/** The simulator on its own, without Spring: write NDJSON, or feed a running ingest service. */
public final class Main {

    private Main() {}

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args, Instant.now());
        } catch (IllegalArgumentException e) {
            System.err.println("simulator: " + e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(Options.USAGE);
            return;
        }
        Simulator simulator = new Simulator(options.config());
        if (options.ndjson() != null) {
            FileExport.run(simulator, options, System.err);
        } else {
            new Feed(simulator, options, System.err).run();
        }
    }
}
