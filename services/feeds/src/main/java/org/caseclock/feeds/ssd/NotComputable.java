package org.caseclock.feeds.ssd;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The indicators an SSD extract cannot feed, with why, from {@code feeds/ssd-not-computable.csv}
 * (code,reason): what a dashboard fed by the SSD should grey out rather than show as a misleading 0.
 */
public final class NotComputable {

    public static final String RESOURCE = "/feeds/ssd-not-computable.csv";

    private NotComputable() {}

    /** Reason by indicator code, in catalogue order. */
    public static Map<String, String> fromSsd() {
        Map<String, String> codes = new LinkedHashMap<>();
        try (Reader in = new InputStreamReader(NotComputable.class.getResourceAsStream(RESOURCE), StandardCharsets.UTF_8)) {
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                codes.put(record.get("code"), record.get("reason"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return codes;
    }
}
