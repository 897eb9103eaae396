package org.caseclock.feeds.coverage;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The indicators a source cannot feed, with why, from {@code feeds/<feed>-not-computable.csv}
 * (code,reason): what a dashboard fed only by that source should grey out rather than show as a
 * misleading 0. One file per feed: {@code ssd}, {@code cin-census}, {@code ssda903}, {@code annex-a}.
 */
public final class NotComputable {

    public static final List<String> FEEDS = List.of("ssd", "cin-census", "ssda903", "annex-a");

    private NotComputable() {}

    /** Reason by indicator code, in catalogue order. */
    public static Map<String, String> fromSsd() {
        return from("ssd");
    }

    /** Reason by indicator code, for data loaded only from {@code feed} (one of {@link #FEEDS}). */
    public static Map<String, String> from(String feed) {
        String resource = "/feeds/" + feed + "-not-computable.csv";
        InputStream stream = NotComputable.class.getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalArgumentException("no list of indicators " + feed + " cannot feed (" + resource + ")");
        }
        Map<String, String> codes = new LinkedHashMap<>();
        try (Reader in = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                codes.put(record.get("code"), record.get("reason"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return codes;
    }
}
