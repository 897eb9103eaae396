package org.caseclock.feeds.ssd;

import org.apache.commons.csv.CSVRecord;
import org.caseclock.feeds.reading.Fields;

/** One CSV row of an SSD table, its columns read as {@link Fields} reads every source's values. */
public final class Row extends Fields {

    private final CSVRecord record;

    Row(CSVRecord record) {
        this.record = record;
    }

    /** The line of the file the row started on, for reports about rows without a readable key. */
    public long line() {
        return record.getRecordNumber() + 1;
    }

    @Override
    protected String raw(String column) {
        return record.isSet(column) ? record.get(column) : null;
    }
}
