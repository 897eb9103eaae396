package org.caseclock.feeds.ssda903;

import java.util.List;
import java.util.Set;

/**
 * The SSDA903 tables this importer reads, each known by its columns (the DfE's file names vary by
 * authority and software; the columns do not), with the columns it cannot do without.
 */
enum Table {
    HEADER("Header", List.of("CHILD", "DOB"), Set.of("ETHNIC", "UPN", "MOTHER", "MC_DOB")),
    EPISODES("Episodes", List.of("CHILD", "DECOM", "RNE", "LS", "PLACE", "DEC", "REC"), Set.of("DECOM")),
    REVIEWS("Reviews", List.of("CHILD", "REVIEW"), Set.of("REVIEW")),
    MISSING("Missing", List.of("CHILD", "MISSING", "MIS_START", "MIS_END"), Set.of("MIS_START")),
    OC3("OC3", List.of("CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM"), Set.of("IN_TOUCH")),
    AD1("AD1", List.of("CHILD", "DATE_MATCH"), Set.of("DATE_INT", "DATE_MATCH"));

    private final String table;
    private final List<String> required;
    private final Set<String> marks;

    /** @param marks columns only this table has: any one of them says a file is this table */
    Table(String table, List<String> required, Set<String> marks) {
        this.table = table;
        this.required = required;
        this.marks = marks;
    }

    String table() {
        return table;
    }

    List<String> required() {
        return required;
    }

    /** The table a file's (normal) headers say it is, or null. The header is told from UASC (CHILD, SEX, DOB, DUC) by ETHNIC, UPN or MOTHER. */
    static Table of(Set<String> headers) {
        for (Table table : values()) {
            if (table.marks.stream().anyMatch(headers::contains)) {
                return table;
            }
        }
        return null;
    }
}
