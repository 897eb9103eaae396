package org.caseclock.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventType;
import org.caseclock.feeds.RunReport.RowIssue;
import org.caseclock.feeds.RunReport.TableIssue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A malformed file or row is reported per row with its reason and key; the rest of the extract goes in. */
class SsdFeedMalformedTest {

    @TempDir
    Path dir;

    private Path state;
    private Path day1;
    private Path day2;
    private SsdFeed feed;
    private final SampleExtract.Kept sent = new SampleExtract.Kept();
    private int cleanDay1Events;

    @BeforeEach
    void twoCopiesOfTheSampleDay1() throws IOException, InterruptedException {
        state = dir.resolve("state");
        day1 = copy(SampleExtract.day("2026-04-07"), dir.resolve("days/2026-04-07"));
        day2 = copy(SampleExtract.day("2026-04-07"), dir.resolve("days/2026-04-08"));
        feed = new SsdFeed(state, "ssd/test", SampleExtract.CLOCK);
        SampleExtract.Kept probe = new SampleExtract.Kept();
        new SsdFeed(dir.resolve("probe"), "ssd/test", SampleExtract.CLOCK).run(day1, probe, false);
        cleanDay1Events = probe.events.size();
    }

    @Test
    void badRowsAreReportedEachWithItsReasonAndKey_andEveryOtherRowGoesIn() throws Exception {
        // Given day 1 with a bad date, two unknown codes, an id that is no id, a repeated key and a future date
        replace(day1, "ssd_cin_visits.csv", "V0011,C001,2026-03-02", "V0011,C001,2026-03-32");
        replace(day1, "ssd_missing.csv", "M171,C017,2026-03-19 21:30,Missing", "M171,C017,2026-03-19 21:30,Runaway");
        replace(day1, "ssd_cla_health.csv", "H132,C013,Dental Check", "H132,C013,Eye Test");
        replace(day1, "ssd_cp_visits.csv", "CPV071,C007", "CPV071,C 007");
        append(day1, "ssd_cin_plans.csv", "CINP001,R001,C001,2026-02-09,,CIN-1,\r\n");
        replace(day1, "ssd_cla_visits.csv", "CV201,P020,C020,2026-04-02", "CV201,P020,C020,2027-04-02");

        // When it is run
        RunReport report = feed.run(day1, sent, false);

        // Then each is reported by table and key with its reason, and nothing else is lost
        assertThat(report.notConverted()).containsExactlyInAnyOrder(
                new RowIssue("ssd_cin_plans", "CINP001", "a second row with this cinp_cin_plan_id; the first is used"),
                new RowIssue("ssd_cin_visits", "V0011",
                        "cinv_cin_visit_date is not a date (yyyy-MM-dd or dd/MM/yyyy, with or without a time)"),
                new RowIssue("ssd_cp_visits", "CPV071", "cppv_person_id is not an id of 1 to 64 letters, digits, '_' or '-'"),
                new RowIssue("ssd_cla_visits", "CV201", "VisitRecorded: time is more than 24 hours in the future"),
                new RowIssue("ssd_cla_health", "H132", "clah_health_check_type is not a code the feed knows"
                        + " (Initial Health Assessment, Health Assessment, Review Health Assessment, Dental Check)"),
                new RowIssue("ssd_missing", "M171", "miss_missing_episode_type is neither Missing nor Absent"));
        // five rows, six events (the missing episode had a start and an end); the repeated plan's first row went in
        assertThat(sent.events).hasSize(cleanDay1Events - 6);
        assertThat(report.tablesKept()).isEmpty();
    }

    @Test
    void aFileWithoutAColumnItNeeds_reportsEveryRow_andItsRowsSentBeforeStand() throws Exception {
        // Given day 1 sent, and day 2's ssd_cin_plans.csv without cinp_cin_plan_start_date
        feed.run(day1, sent, false);
        sent.takeAll();
        Path plans = day2.resolve("ssd_cin_plans.csv");
        List<String> lines = Files.readAllLines(plans);
        Files.write(plans, lines.stream().map(l -> l.replaceFirst("^([^,]*,[^,]*,[^,]*),[^,]*", "$1")).toList());

        // When day 2 is run
        RunReport report = feed.run(day2, sent, false);

        // Then every row of the file is reported with the reason, no CIN plan is retracted, and nothing else changes
        assertThat(report.notConverted()).hasSize(6).allSatisfy(issue -> {
            assertThat(issue.table()).isEqualTo("ssd_cin_plans");
            assertThat(issue.reason()).isEqualTo("missing column cinp_cin_plan_start_date");
        });
        assertThat(report.notConverted()).extracting(RowIssue::row).contains("CINP001", "CINP006");
        assertThat(report.tablesKept()).containsExactly(new TableIssue("ssd_cin_plans", "missing column cinp_cin_plan_start_date"));
        assertThat(sent.events).isEmpty();
    }

    @Test
    void aBlankFile_aFileOfHeadersOnly_andAMissingFile_retractNothing() throws Exception {
        // Given day 1 sent, and day 2 with ssd_contacts.csv blank, ssd_cp_reviews.csv headers only, no ssd_cla_care_plan.csv
        feed.run(day1, sent, false);
        sent.takeAll();
        Files.writeString(day2.resolve("ssd_contacts.csv"), "");
        Path reviews = day2.resolve("ssd_cp_reviews.csv");
        Files.writeString(reviews, Files.readAllLines(reviews).get(0) + "\r\n");
        Files.delete(day2.resolve("ssd_cla_care_plan.csv"));

        // When day 2 is run
        RunReport report = feed.run(day2, sent, false);

        // Then each is reported as a table kept as it was; nothing is retracted or sent
        assertThat(report.tablesKept()).containsExactlyInAnyOrder(
                new TableIssue("ssd_contacts", "blank file"),
                new TableIssue("ssd_cp_reviews", "headers without rows"),
                new TableIssue("ssd_cla_care_plan", "no file ssd_cla_care_plan.csv in the extract"));
        assertThat(report.retractions()).isZero();
        assertThat(sent.events).isEmpty();
    }

    @Test
    void idsWithStrayWhitespaceOrAnotherCase_areTheSameRowAndChild_soNothingIsSent_butEachIsNoted() throws Exception {
        // Given day 1 sent, and day 2 where a visit's key and child come with spaces and in lower case
        feed.run(day1, sent, false);
        sent.takeAll();
        replace(day2, "ssd_cin_visits.csv", "V0011,C001,", " v0011 ,c001 ,");

        // When day 2 is run
        RunReport report = feed.run(day2, sent, false);

        // Then nothing is sent (the same row, the same child), and the report says how the ids were read
        assertThat(sent.events).isEmpty();
        assertThat(report.notConverted()).isEmpty();
        assertThat(report.notes()).containsExactly(
                new RowIssue("ssd_cin_visits", "V0011", "cinv_cin_visit_id ' v0011 ' read as V0011"),
                new RowIssue("ssd_cin_visits", "V0011", "cinv_person_id 'c001 ' read as C001"));
    }

    @Test
    void aRowThatTurnsBadIsLeftAsItWas_andOneWhoseKeyCannotBeReadTakesNoRowOfItsTableAsGone() throws Exception {
        feed.run(day1, sent, false);
        sent.takeAll();
        replace(day2, "ssd_cin_visits.csv", "V0021,C002,2026-03-09", "V0021,C002,not a date");
        replace(day2, "ssd_cp_visits.csv", "CPV071,", "CPV 071,");

        RunReport report = feed.run(day2, sent, false);

        assertThat(report.notConverted()).extracting(RowIssue::table, RowIssue::row)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("ssd_cin_visits", "V0021"),
                        org.assertj.core.groups.Tuple.tuple("ssd_cp_visits", "line 2"));
        assertThat(sent.events).extracting(CaseEvent::type).doesNotContain(EventType.EventRetracted);
        assertThat(sent.events).isEmpty();
    }

    private static Path copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
        return to;
    }

    private static void replace(Path day, String file, String from, String to) throws IOException {
        Path path = day.resolve(file);
        String text = Files.readString(path);
        assertThat(text).contains(from);
        Files.writeString(path, text.replace(from, to));
    }

    private static void append(Path day, String file, String line) throws IOException {
        Files.writeString(day.resolve(file), Files.readString(day.resolve(file)) + line);
    }
}
