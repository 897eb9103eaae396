package org.caseclock.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.caseclock.events.Topics;
import org.caseclock.local.LocalKafkaBroker;
import org.caseclock.local.LocalMongoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dashboard's security headers, with security off as the all-in-one app runs it (with it on,
 * LoginTest and SecurityTest see the same): a content security policy that allows the page's own
 * files only, so no inline script or style runs; no framing; no referrer.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class DashboardHeadersTest {

    static final LocalKafkaBroker KAFKA = LocalKafkaBroker.startTemporary()
            .withTopics(1, Topics.COMPLIANCE_ITEMS, Topics.INDICATOR_VALUES, Topics.ALERTS, Topics.ENGINE_PROGRESS);
    static final LocalMongoServer MONGO = LocalMongoServer.inMemory(0);
    /** An inline script (a script element with no src), a style element or attribute, or an inline handler. */
    static final Pattern INLINE = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>|<style|\\sstyle=|\\son[a-z]+=");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.uri("caseclock-headers"));
        registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @Autowired
    MockMvc mvc;

    @Test
    void the_dashboard_and_its_files_come_with_a_csp_of_its_own_files_only_no_framing_and_no_referrer() throws Exception {
        for (String path : new String[] {"/", "/index.html", "/dashboard.js", "/dashboard.css", "/api/status"}) {
            mvc.perform(get(path))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Security-Policy",
                            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self';"
                                    + " object-src 'none'; base-uri 'none'; frame-ancestors 'none'"))
                    .andExpect(header().string("Referrer-Policy", "no-referrer"))
                    .andExpect(header().string("X-Frame-Options", "DENY"));
        }
    }

    @Test
    void the_page_has_no_inline_script_style_or_handler_which_the_policy_would_block() throws IOException {
        String page = new ClassPathResource("static/index.html").getContentAsString(StandardCharsets.UTF_8);
        assertThat(INLINE.matcher(page).results().map(m -> m.group()).toList()).isEmpty();
        // And the page does load its scripts, from files
        assertThat(page).contains("<script src=\"rules.js\"></script>", "<script src=\"dashboard.js\"></script>");
    }
}
