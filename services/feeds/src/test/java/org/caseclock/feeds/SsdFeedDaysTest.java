package org.caseclock.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventData;
import org.caseclock.events.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two consecutive days of the sample extract: the second sends exactly what changed, a re-run nothing. */
class SsdFeedDaysTest {

    @TempDir
    Path state;

    @Test
    void secondDaySendsOnlyItsChanges_aNewContact_aChangedVisit_anEndedMissingEpisode_andAVanishedReview() throws Exception {
        // Given day 1 (2026-04-07) sent
        SsdFeed feed = new SsdFeed(state, "ssd/sample", SampleExtract.CLOCK);
        SampleExtract.Kept sent = new SampleExtract.Kept();
        RunReport day1 = feed.run(SampleExtract.day("2026-04-07"), sent, false);
        List<CaseEvent> first = sent.takeAll();
        assertThat(day1.notConverted()).isEmpty();
        assertThat(day1.retractions()).isZero();
        assertThat(first).hasSize(day1.sentTotal());
        CaseEvent oldVisit = only(first, EventType.VisitRecorded, "child/C002");
        CaseEvent vanishedReview = first.stream()
                .filter(e -> e.type() == EventType.ReviewHeld && e.subject().toString().equals("child/C013")
                        && e.time().toLocalDate().toString().equals("2026-03-25"))
                .findFirst().orElseThrow();

        // When day 2 (2026-04-08) is run
        RunReport day2 = feed.run(SampleExtract.day("2026-04-08"), sent, false);
        List<CaseEvent> second = sent.takeAll();

        // Then: C024's new contact; C002's visit moved from 9 to 16 March (old retracted, new sent);
        // C015's missing episode ended on 7 April (the end only; its start stands); C013's review of
        // 25 March gone (retracted); nothing else
        assertThat(day2.sent()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ContactReceived", 1, "VisitRecorded", 1, "MissingEpisodeEnded", 1, "EventRetracted", 2));
        assertThat(second).hasSize(5);
        assertThat(only(second, EventType.ContactReceived, "child/C024").data())
                .isEqualTo(new EventData.ContactReceived("CT024"));
        assertThat(only(second, EventType.VisitRecorded, "child/C002").time().toLocalDate()).hasToString("2026-03-16");
        assertThat(only(second, EventType.MissingEpisodeEnded, "child/C015").time()).hasToString("2026-04-07T09:15+01:00");
        assertThat(second.stream().filter(e -> e.type() == EventType.EventRetracted).map(e -> e.data()))
                .containsExactlyInAnyOrder(new EventData.EventRetracted(oldVisit.id()),
                        new EventData.EventRetracted(vanishedReview.id()));
        assertThat(day2.retractions()).isEqualTo(2);
        assertThat(day2.unchanged()).isEqualTo(first.size() - 2);
        assertThat(day2.rowsRead()).containsEntry("ssd_cla_reviews", 9).containsEntry("ssd_contacts", 3);
    }

    @Test
    void aThirdRunOfTheSameExtractSendsNothing_andARestartWithTheKeptStateToo() throws Exception {
        // Given both days sent
        SampleExtract.Kept sent = new SampleExtract.Kept();
        new SsdFeed(state, "ssd/sample", SampleExtract.CLOCK).runNew(SampleExtract.folder(), sent, false);
        assertThat(sent.takeAll()).isNotEmpty();

        // When day 2 is run again by a new feed on the same state (as after a restart)
        SsdFeed restarted = new SsdFeed(state, "ssd/sample", SampleExtract.CLOCK);
        RunReport again = restarted.run(SampleExtract.day("2026-04-08"), sent, false);

        // Then nothing is sent; every event of the extract is counted unchanged
        assertThat(sent.takeAll()).isEmpty();
        assertThat(again.sentTotal()).isZero();
        assertThat(again.unchanged()).isPositive();
        // and the scheduled pick-up of the folder of days finds no new day
        assertThat(restarted.runNew(SampleExtract.folder(), sent, false)).isEmpty();
    }

    @Test
    void theIdsAreTheSameFromAnyFreshState_soTwoFeedsOfOneExtractAreOneFeed() throws Exception {
        SampleExtract.Kept a = new SampleExtract.Kept();
        SampleExtract.Kept b = new SampleExtract.Kept();
        new SsdFeed(state.resolve("a"), "ssd/sample", SampleExtract.CLOCK).run(SampleExtract.day("2026-04-07"), a, false);
        new SsdFeed(state.resolve("b"), "ssd/sample", SampleExtract.CLOCK).run(SampleExtract.day("2026-04-07"), b, false);
        assertThat(b.events.stream().map(CaseEvent::id)).containsExactlyElementsOf(a.events.stream().map(CaseEvent::id).toList());
    }

    @Test
    void aDryRunSendsToItsPrinterButKeepsNothing_soTheRealRunStillSendsEverything() throws Exception {
        SsdFeed feed = new SsdFeed(state, "ssd/sample", SampleExtract.CLOCK);
        SampleExtract.Kept printed = new SampleExtract.Kept();
        RunReport dry = feed.run(SampleExtract.day("2026-04-07"), printed, true);
        SampleExtract.Kept sent = new SampleExtract.Kept();
        RunReport real = feed.run(SampleExtract.day("2026-04-07"), sent, false);
        assertThat(dry.dryRun()).isTrue();
        assertThat(sent.events).hasSameSizeAs(printed.events).isNotEmpty();
        assertThat(real.sent()).isEqualTo(dry.sent());
    }

    @Test
    void aRowChangedAndChangedBack_sendsItsFirstEventAgainUnderAFreshId_sinceTheEngineAppliesAnIdOnce() throws Exception {
        // Given day 1 (C002 visited 9 Mar) and day 2 (corrected to 16 Mar) sent
        SsdFeed feed = new SsdFeed(state, "ssd/sample", SampleExtract.CLOCK);
        SampleExtract.Kept sent = new SampleExtract.Kept();
        feed.run(SampleExtract.day("2026-04-07"), sent, false);
        CaseEvent first = only(sent.takeAll(), EventType.VisitRecorded, "child/C002");
        feed.run(SampleExtract.day("2026-04-08"), sent, false);
        CaseEvent second = only(sent.takeAll(), EventType.VisitRecorded, "child/C002");

        // When a third day's extract says 9 Mar again (day 1's files under the next date)
        Path day3 = state.resolve("days/2026-04-09");
        java.nio.file.Files.createDirectories(day3);
        try (var files = java.nio.file.Files.list(SampleExtract.day("2026-04-07"))) {
            for (Path file : files.toList()) {
                java.nio.file.Files.copy(file, day3.resolve(file.getFileName()));
            }
        }
        feed.run(day3, sent, false);
        List<CaseEvent> third = sent.takeAll();

        // Then the 16 Mar visit is retracted and the 9 Mar one sent as {first id}-2; the review comes back likewise
        CaseEvent again = only(third, EventType.VisitRecorded, "child/C002");
        assertThat(again.id()).isEqualTo(first.id() + "-2");
        assertThat(again.time()).isEqualTo(first.time());
        assertThat(third).filteredOn(e -> e.type() == EventType.EventRetracted).extracting(CaseEvent::data)
                .contains(new EventData.EventRetracted(second.id()));
        assertThat(only(third, EventType.ReviewHeld, "child/C013").id()).endsWith("-2");
    }

    @Test
    void eachRunLeavesItsReportAsAFile_servedNewestFirstAtApiFeedsRuns() throws Exception {
        new SsdFeed(state, "ssd/sample", SampleExtract.CLOCK).runNew(SampleExtract.folder(), new SampleExtract.Kept(), false);
        try (var files = java.nio.file.Files.list(state.resolve("runs"))) {
            assertThat(files.toList()).hasSize(2);
        }
        String json = new org.caseclock.feeds.api.FeedRunsController(state).runs();
        assertThat(json).startsWith("[").endsWith("]");
        assertThat(json.indexOf("\"extract\" : \"2026-04-08\"")).isLessThan(json.indexOf("\"extract\" : \"2026-04-07\""));
    }

    private static CaseEvent only(List<CaseEvent> events, EventType type, String subject) {
        List<CaseEvent> found = events.stream()
                .filter(e -> e.type() == type && e.subject().toString().equals(subject)).toList();
        assertThat(found).as(type + " of " + subject).hasSize(1);
        return found.get(0);
    }
}
