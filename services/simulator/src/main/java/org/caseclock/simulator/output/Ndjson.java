package org.caseclock.simulator.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventJson;

/** Events as newline-delimited JSON, one CloudEvent a line, written the way every service reads them. */
public final class Ndjson {

    private final ObjectWriter writer = EventJson.mapper().writerFor(CaseEvent.class);

    public String line(CaseEvent event) {
        try {
            return writer.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a simulated event could not be written: " + event.id(), e);
        }
    }

    public String lines(List<CaseEvent> events) {
        StringBuilder body = new StringBuilder(events.size() * 320);
        for (CaseEvent event : events) {
            body.append(line(event)).append('\n');
        }
        return body.toString();
    }

    public void write(CaseEvent event, Writer out) {
        try {
            out.write(line(event));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
