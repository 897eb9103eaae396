package org.caseclock.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.StreamSupport;
import org.caseclock.feeds.coverage.NotComputable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.client.RestClient;

/**
 * The all-in-one app fed by the sample SSD extract ({@code caseclock.feeds.sample=true}): the
 * indicators an SSD cannot feed (ssd-not-computable.csv) are "not available from an SSD extract"
 * on the API the dashboard reads, GREY, instead of a RAG on a misleading 0; the others are not.
 */
@SpringBootTest(classes = CaseclockApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "caseclock.local.kafka.port=0",
                "caseclock.local.mongodb.port=0",
                "caseclock.feeds.sample=true"})
@DirtiesContext
class SsdSampleInAppTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final java.nio.file.Path DATA = DataDirs.fresh();

    @LocalServerPort
    int port;

    @AfterAll
    static void forgetDataDir() {
        DataDirs.forget();
    }

    @Test
    void the_indicators_an_ssd_cannot_feed_are_marked_not_available_from_an_ssd_extract() throws Exception {
        // Given the app started on the sample SSD extract
        RestClient api = RestClient.create("http://127.0.0.1:" + port);
        // When the authority's scorecard is read
        JsonNode indicators = JSON.readTree(api.get().uri("/api/indicators?scope=LA").retrieve().body(String.class)).path("indicators");
        // Then every code of ssd-not-computable.csv (FD1: no decision time; MC6: no interview date...) says so and is GREY
        for (String code : NotComputable.fromSsd().keySet()) {
            JsonNode v = StreamSupport.stream(indicators.spliterator(), false)
                    .filter(i -> i.path("code").asText().equals(code)).findFirst().orElseThrow();
            assertThat(v.path("notAvailable").asText()).as(code).isEqualTo("not available from an SSD extract");
            assertThat(v.path("rag").asText()).as(code).isEqualTo("GREY");
        }
        // and a code it can feed (CIN4, worked out from the sample in the feeds tests) does not
        JsonNode cin4 = StreamSupport.stream(indicators.spliterator(), false)
                .filter(i -> i.path("code").asText().equals("CIN4")).findFirst().orElseThrow();
        assertThat(cin4.has("notAvailable")).isFalse();
    }
}
