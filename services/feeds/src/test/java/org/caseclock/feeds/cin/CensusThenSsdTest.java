package org.caseclock.feeds.cin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.caseclock.events.CaseEvent;
import org.caseclock.events.EventData;
import org.caseclock.events.EventType;
import org.caseclock.feeds.Returns;
import org.caseclock.feeds.RunReport;
import org.caseclock.feeds.SsdFeed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A census, then an SSD extract, of the same child into one state directory: the same activity from the two
 * sources is one event. Identity is the activity's type, child, London day and kind; the SSD's names for the
 * records (A9103) give way to the census's for the SSD's later events of them.
 */
class CensusThenSsdTest {

    @TempDir
    Path state;

    @Test
    void anActivityTheCensusSentIsNotSentAgainByTheSsd_andTheSsdsCompletionNamesTheCensussAssessment() throws Exception {
        // Given the 2023-24 census loaded: C103's birth, referral of 8 Jan and assessment of 25 Jan (open)
        Returns.Kept sent = new Returns.Kept();
        new CinCensusFeed(state, "cin-census", Returns.CLOCK).run(Returns.file("cin-census-2023-24.xml"), sent, false);
        sent.takeAll();

        // When an SSD extract with the same three records of C103, and the assessment's authorisation on 2 Apr, is fed
        RunReport report = new SsdFeed(state, "ssd", Returns.CLOCK).run(Returns.file("ssd-after-census"), sent, false);
        List<CaseEvent> ssd = sent.takeAll();

        // Then only the authorisation is sent, the census's three events standing for the SSD's
        assertThat(ssd).extracting(CaseEvent::type).containsExactly(EventType.AssessmentCompleted);
        assertThat(report.sentByOtherFeeds()).containsExactlyEntriesOf(Map.of("cin-census", 3));
        // and it completes the assessment the census started, under the census's id
        assertThat(((EventData.AssessmentCompleted) ssd.get(0).data()).assessmentId()).isEqualTo("C103-ASMT-20240125");

        // When the same extract is fed again
        new SsdFeed(state, "ssd", Returns.CLOCK).run(Returns.file("ssd-after-census"), sent, false);

        // Then nothing is sent
        assertThat(sent.takeAll()).isEmpty();
    }

    @Test
    void theOtherOrder_anSsdExtractThenTheCensus_sendsNothingTwiceAndRetractsNothingTheSsdSent() throws Exception {
        // Given the SSD extract fed first: C103's birth, referral of 8 Jan, assessment of 25 Jan and its completion
        Returns.Kept sent = new Returns.Kept();
        new SsdFeed(state, "ssd", Returns.CLOCK).run(Returns.file("ssd-after-census"), sent, false);
        List<CaseEvent> ssd = sent.takeAll();
        assertThat(ssd).extracting(CaseEvent::type).contains(EventType.AssessmentStarted, EventType.AssessmentCompleted);

        // When the 2023-24 census, holding the same three records of C103 (the assessment still open), is loaded
        RunReport report = new CinCensusFeed(state, "cin-census", Returns.CLOCK).run(Returns.file("cin-census-2023-24.xml"), sent, false);
        List<CaseEvent> census = sent.takeAll();

        // Then none of C103's three is sent again, and the census, which never sent the completion, retracts nothing
        assertThat(report.sentByOtherFeeds()).containsExactlyEntriesOf(Map.of("ssd", 3));
        assertThat(census).filteredOn(e -> e.subject().toString().equals("child/C103"))
                .extracting(CaseEvent::type).doesNotContain(EventType.ChildRegistered, EventType.ReferralReceived,
                        EventType.AssessmentStarted);
        assertThat(census).extracting(CaseEvent::type).doesNotContain(EventType.EventRetracted);
        assertThat(report.retractions()).isZero();
    }
}
