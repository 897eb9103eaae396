package org.caseclock.simulator.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.caseclock.events.CaseEvent;
import org.caseclock.simulator.Simulator;
import org.caseclock.simulator.output.Ndjson;
import org.caseclock.simulator.output.Progress;

/** {@code --ndjson}: the history, and optionally some days of live events, to a file. */
final class FileExport {

    private static final int BUFFER = 1 << 20;

    private FileExport() {}

    static void run(Simulator simulator, Options options, PrintStream log) throws IOException {
        Ndjson ndjson = new Ndjson();
        try (Writer out = open(options.ndjson())) {
            write(simulator.history(), out, ndjson, new Progress(log, "history"));
            if (options.liveDays() > 0) {
                Stream<CaseEvent> live = simulator.liveUntil(simulator.config().now().plus(Duration.ofDays(options.liveDays())));
                write(live, out, ndjson, new Progress(log, "live"));
            }
        }
    }

    private static void write(Stream<CaseEvent> events, Writer out, Ndjson ndjson, Progress progress) {
        events.forEach(event -> {
            ndjson.write(event, out);
            progress.sent(event);
        });
        progress.done();
    }

    private static Writer open(Path path) throws IOException {
        if (path.toString().equals("-")) {
            return new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), BUFFER);
        }
        return new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(path), StandardCharsets.UTF_8), BUFFER);
    }
}
