package org.caseclock.feeds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one run of a feed did with one extract. Rows are named by table and key (or line), never by
 * anything about the child beyond its ids.
 *
 * @param rowsRead data rows per table file
 * @param sent events sent by type (new and changed rows' events, retractions under EventRetracted)
 * @param unchanged events the rows stand for that had been sent before, so were not sent again
 * @param retractions events retracted: of rows that vanished or changed
 * @param notConverted rows that produced nothing this run, with the reason; their earlier events stand
 * @param notes rows converted after reading a value other than as written (an id trimmed or upper-cased)
 * @param tablesKept tables none of whose rows could be used, with the reason; their earlier events stand
 * @param sentByOtherFeeds events not sent because another feed had sent the same activity, by that feed
 */
public record RunReport(String feed, String extract, Instant ranAt, boolean dryRun,
        Map<String, Integer> rowsRead, Map<String, Integer> sent, int unchanged, int retractions,
        List<RowIssue> notConverted, List<RowIssue> notes, List<TableIssue> tablesKept,
        Map<String, Integer> sentByOtherFeeds) {

    /** @param row the row's key as read, or {@code line N} where the key itself could not be read */
    public record RowIssue(String table, String row, String reason) {}

    public record TableIssue(String table, String reason) {}

    public static RunReport start(String feed, String extract, Instant ranAt, boolean dryRun) {
        return new RunReport(feed, extract, ranAt, dryRun, new TreeMap<>(), new TreeMap<>(), 0, 0,
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new TreeMap<>());
    }

    public RunReport counted(int unchanged, int retractions) {
        return new RunReport(feed, extract, ranAt, dryRun, rowsRead, sent, unchanged, retractions,
                notConverted, notes, tablesKept, sentByOtherFeeds);
    }

    public int sentTotal() {
        return sent.values().stream().mapToInt(Integer::intValue).sum();
    }
}
