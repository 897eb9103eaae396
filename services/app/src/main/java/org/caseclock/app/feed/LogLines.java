package org.caseclock.app.feed;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;

/** The simulator's plain-Java helpers print lines; here they go to the application's log instead of standard error. */
final class LogLines extends OutputStream {

    private final Logger log;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private LogLines(Logger log) {
        this.log = log;
    }

    static PrintStream to(Logger log) {
        return new PrintStream(new LogLines(log), true, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            log.info(line.toString(StandardCharsets.UTF_8).stripTrailing());
            line.reset();
        } else {
            line.write(b);
        }
    }
}
