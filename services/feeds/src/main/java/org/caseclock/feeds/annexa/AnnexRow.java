package org.caseclock.feeds.annexa;

import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.caseclock.feeds.reading.Fields;

/**
 * One row of an Annex A list, read with Apache POI: a date cell is read as its date (yyyy-MM-dd), any
 * other cell as Excel shows it; Annex A's coded answers ("a) Yes", "b) No") lose their letter.
 */
final class AnnexRow extends Fields {

    private static final DataFormatter TEXT = new DataFormatter();

    private final Row row;
    private final Map<Column, Integer> columns;
    private final Map<Column, String> names;

    /** @param names each column's header as the file writes it: what the report names a bad value by */
    AnnexRow(Row row, Map<Column, Integer> columns, Map<Column, String> names) {
        this.row = row;
        this.columns = columns;
        this.names = names;
    }

    /** The column's header as written, or, for a column the sheet lacks, its name here. */
    String name(Column column) {
        return names.getOrDefault(column, column.name());
    }

    /** The spreadsheet's own row number, as an analyst finds it. */
    int number() {
        return row.getRowNum() + 1;
    }

    boolean isBlank() {
        for (Integer index : columns.values()) {
            String value = raw(index);
            if (value != null && !value.isBlank()) {
                return false;
            }
        }
        return true;
    }

    @Override
    protected String raw(String field) {
        for (var entry : names.entrySet()) {
            if (entry.getValue().equals(field)) {
                return raw(columns.get(entry.getKey()));
            }
        }
        return null; // a column the sheet lacks
    }

    private String raw(int index) {
        Cell cell = row.getCell(index);
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().toString();
        }
        return TEXT.formatCellValue(cell).replaceFirst("^[a-zA-Z]\\)\\s*", "");
    }
}
