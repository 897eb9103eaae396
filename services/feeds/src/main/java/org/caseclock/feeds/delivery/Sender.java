package org.caseclock.feeds.delivery;

import java.io.IOException;
import java.util.List;
import org.caseclock.events.CaseEvent;

/** Where a feed's events go: ingest, or standard output for a dry run. */
public interface Sender {
    /** @return the ids ingest rejected */
    List<String> send(List<CaseEvent> events) throws IOException, InterruptedException;
}
