package org.caseclock.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.caseclock.catalogue.Catalogue;
import org.caseclock.catalogue.Indicator;
import org.caseclock.feeds.coverage.NotComputable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotComputableTest {

    @TempDir
    Path state;

    @Test
    void everyIndicatorListedAsNotComputableFromAnSsdIsACatalogueCode_withAReason() {
        var codes = Catalogue.defaults().all().stream().map(Indicator::code).toList();
        assertThat(NotComputable.fromSsd()).isNotEmpty().allSatisfy((code, reason) -> {
            assertThat(codes).contains(code);
            assertThat(reason).isNotBlank();
        });
        assertThat(NotComputable.fromSsd()).containsKeys("MC6", "QA1");
    }

    @Test
    void everyReturnsListOfIndicatorsItCannotFeedIsOfCatalogueCodes_withAReason() {
        var codes = Catalogue.defaults().all().stream().map(Indicator::code).toList();
        for (String feed : NotComputable.FEEDS) {
            assertThat(NotComputable.from(feed)).as(feed).isNotEmpty().allSatisfy((code, reason) -> {
                assertThat(codes).contains(code);
                assertThat(reason).isNotBlank();
            });
        }
        // the census cannot see visits, SSDA903 assessments, Annex A the visits before the latest
        assertThat(NotComputable.from("cin-census")).containsKey("CIN4").doesNotContainKey("AMT2");
        assertThat(NotComputable.from("ssda903")).containsKey("AMT2").doesNotContainKey("CLA11");
        assertThat(NotComputable.from("annex-a")).containsKeys("CIN4", "CLA11");
    }

    @Test
    void noEventTheSampleSendsFeedsAnIndicatorListedAsNotComputable() throws Exception {
        // Given the sample's events, when their types are compared with what the listed indicators count
        SampleExtract.Kept sent = new SampleExtract.Kept();
        new SsdFeed(state, "ssd/sample", SampleExtract.CLOCK).runNew(SampleExtract.folder(), sent, false);
        // Then none of the activities those indicators need is ever sent
        assertThat(sent.events).extracting(e -> e.type().name())
                .doesNotContain("SupervisionRecorded", "ReturnInterviewCompleted", "MissingRiskAssessmentCompleted",
                        "ContactDecided", "CarerReviewed", "CarerVisited");
    }
}
