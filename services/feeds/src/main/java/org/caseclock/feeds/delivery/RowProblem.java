package org.caseclock.feeds.delivery;

/** Why one row of an extract was not converted: told per row, and the rest of the extract goes in. */
public final class RowProblem extends Exception {

    public RowProblem(String reason) {
        super(reason, null, false, false);
    }
}
