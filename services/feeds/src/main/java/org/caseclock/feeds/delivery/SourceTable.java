package org.caseclock.feeds.delivery;

import java.util.List;

/**
 * One table of a source as read: an SSD table file, a return's list or table.
 *
 * @param name the table's name in the report and in the state's row keys ({@code name/key})
 * @param rowsRead data rows read
 * @param rows the rows, one per key (a repeated key is a bad row)
 * @param unusable why no row of it can be used (then every row is reported with it and nothing of
 *        the table changes), or null
 * @param goneNotTaken why a row sent before and absent now is not taken as gone, reported when one is (a row without a
 *        readable key may be it; a return covers only part of a child's history), or null: then an
 *        absent row's events are retracted
 */
public record SourceTable(String name, int rowsRead, List<SourceRow> rows, String unusable, String goneNotTaken) {}
