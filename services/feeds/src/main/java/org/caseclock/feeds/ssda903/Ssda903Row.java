package org.caseclock.feeds.ssda903;

import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.caseclock.feeds.reading.Fields;

/** One row of an SSDA903 table, its columns found by their normal names ({@link Headers}). */
final class Ssda903Row extends Fields {

    private final CSVRecord record;
    private final Map<String, Integer> columns;
    private final String file;

    Ssda903Row(CSVRecord record, Map<String, Integer> columns, String file) {
        this.record = record;
        this.columns = columns;
        this.file = file;
    }

    /** Where the row is, for the report: the file and its line (the header is record 1, so line 1; no quoted line breaks assumed). */
    String where() {
        return file + " line " + record.getRecordNumber();
    }

    @Override
    protected String raw(String column) {
        Integer index = columns.get(column);
        return index == null || index >= record.size() ? null : record.get(index);
    }
}
