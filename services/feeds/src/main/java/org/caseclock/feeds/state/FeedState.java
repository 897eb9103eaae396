package org.caseclock.feeds.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.caseclock.events.EventJson;

/**
 * What a feed has sent, per row: the rows' event ids (with their subjects, for retracting them),
 * every id ever retracted (a retracted id is never used again, since the engine applies an id once),
 * and the extracts done. One JSON file per feed, replaced atomically, written only after the day's
 * events were accepted: a restart redoes at most the day it was in, whose ids ingest takes once.
 *
 * @param rows event ids sent per row, keyed {@code table/rowKey}
 */
public record FeedState(List<String> extracts, Map<String, List<Sent>> rows, Set<String> retracted) {

    private static final ObjectMapper MAPPER = EventJson.mapper();

    /**
     * One event sent for a row.
     *
     * @param activity what the event is ({@link org.caseclock.feeds.delivery.Activity}), so that another
     *        source's same activity is not sent again; null in states written before it was kept
     * @param entity the record it names (assessmentId, planId...), for that source's later events of it
     */
    public record Sent(String id, String subject, String activity, String entity) {}

    public static FeedState empty() {
        return new FeedState(new ArrayList<>(), new TreeMap<>(), new TreeSet<>());
    }

    public FeedState copy() {
        TreeMap<String, List<Sent>> rowsCopy = new TreeMap<>();
        rows.forEach((k, v) -> rowsCopy.put(k, List.copyOf(v)));
        return new FeedState(new ArrayList<>(extracts), rowsCopy, new TreeSet<>(retracted));
    }

    public static FeedState load(Path file) {
        if (!Files.exists(file)) {
            return empty();
        }
        try {
            FeedState read = MAPPER.readValue(file.toFile(), FeedState.class);
            return read.copy();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the feed state " + file, e);
        }
    }

    public void save(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), this);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the feed state " + file, e);
        }
    }
}
